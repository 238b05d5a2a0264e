import SchoolIcon from '@mui/icons-material/School';
import { Button } from '@mui/material';
import { EditButton, Labeled, Link, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { AwardsEditor, ClaimsEditor } from './LearnerRecords';
import { ImportLearnerRecordsButtons } from '../imports/ImportButtons';

const AdviseButton = () => {
  const learner = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'advising', action: 'use' });
  if (!learner || !canAccess) return null;
  return (
    <Button size="small" startIcon={<SchoolIcon />} component={Link} to={`/advising?learner=${encodeURIComponent(String(learner.id))}`}>
      Degree routes
    </Button>
  );
};

const Actions = () => (
  <TopToolbar>
    <AdviseButton />
    <ImportLearnerRecordsButtons />
    <EditButton />
  </TopToolbar>
);

export const LearnerShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <FactGrid label={false}>
        <TextField source="givenName" label="Given name" />
        <TextField source="familyName" label="Family name" />
        <TextField source="email" />
        <TextField source="externalId" label="Student number" emptyText="—" />
        <TextField source="institution.name" label="Institution" />
      </FactGrid>
      <Labeled label="Credentials earned" fullWidth>
        <AwardsEditor />
      </Labeled>
      <Labeled label="Prior learning" fullWidth>
        <ClaimsEditor />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
