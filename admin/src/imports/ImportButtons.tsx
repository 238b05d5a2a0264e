import { useCanAccess, useRecordContext } from 'react-admin';
import { BulkImportButton } from './BulkImportDialog';

/** On an agreement's page, for those who manage its mappings. */
export const ImportMappingsButton = () => {
  const agreement = useRecordContext<{ id: string }>();
  const { canAccess } = useCanAccess({ resource: 'articulationAgreements', action: 'edit' });
  if (!agreement || !canAccess) return null;
  return <BulkImportButton kind="MAPPINGS" targetId={agreement.id} label="Import mappings" />;
};

/** On a learner's page, for the learner's advisors and staff. */
export const ImportLearnerRecordsButtons = () => {
  const learner = useRecordContext<{ id: string }>();
  const { canAccess } = useCanAccess({ resource: 'learners', action: 'edit' });
  if (!learner || !canAccess) return null;
  return (
    <>
      <BulkImportButton kind="AWARDS" targetId={learner.id} label="Import awards" />
      <BulkImportButton kind="CLAIMS" targetId={learner.id} label="Import claims" />
    </>
  );
};
