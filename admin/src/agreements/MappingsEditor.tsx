import { useCanAccess, useRecordContext } from 'react-admin';
import { InlineTable, titledReference } from '../common/InlineTable';
import { ImpactPreview } from './ImpactPreview';

interface Mapping {
  id: string;
  credits: number;
  courseEquivalent: string | null;
  minMasteryLevel: number | null;
  credential: { id: string; title: string };
}

/** The agreement's credit-mapping table: credential → credits, course equivalent and minimum mastery, edited row by row. */
export const MappingsEditor = () => {
  const agreement = useRecordContext<{ id: string; revision: number; mappings?: Mapping[] }>();
  const { canAccess } = useCanAccess({ resource: 'articulationAgreements', action: 'edit' });
  if (!agreement) return null;
  return (
    <InlineTable<Mapping>
      label="Credit mappings"
      rows={[...(agreement.mappings ?? [])].sort((a, b) => a.credential.title.localeCompare(b.credential.title))}
      typeName="CreditMapping"
      createInput={{ agreementId: agreement.id }}
      revision={agreement.revision}
      editable={canAccess ?? false}
      addLabel="Add a mapping"
      emptyText="No credential is mapped yet"
      preview={(draft, row) => <ImpactPreview agreementId={agreement.id} credentialId={row?.credential.id ?? draft.credentialId} credits={draft.credits} />}
      columns={[
        titledReference<Mapping>('credentialId', 'Credential', 'credentials', (mapping) => mapping.credential, (agreement.mappings ?? []).map((mapping) => mapping.credential.id)),
        { field: 'credits', label: 'Credits', kind: 'number', align: 'right', value: (mapping) => mapping.credits, width: 110 },
        { field: 'courseEquivalent', label: 'Course equivalent', value: (mapping) => mapping.courseEquivalent, display: (mapping) => mapping.courseEquivalent ?? '—', width: 170 },
        { field: 'minMasteryLevel', label: 'Minimum mastery level', kind: 'number', align: 'right', value: (mapping) => mapping.minMasteryLevel, display: (mapping) => mapping.minMasteryLevel ?? 'Any', width: 170 },
      ]}
    />
  );
};
