import { Chip } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { InlineTable } from '../common/InlineTable';

interface Link {
  id: string;
  isCore: boolean;
  competency: { id: string; code: string; statement: string };
}

/** The competencies an occupation needs; the core ones are what pathway coverage is measured against. */
export const CompetencyLinks = () => {
  const occupation = useRecordContext<{ id: string; competencies?: Link[] }>();
  const { canAccess } = useCanAccess({ resource: 'occupations', action: 'edit' });
  if (!occupation) return null;
  return (
    <InlineTable<Link>
      label="Competencies of the occupation"
      rows={[...(occupation.competencies ?? [])].sort((a, b) => Number(b.isCore) - Number(a.isCore) || a.competency.code.localeCompare(b.competency.code, undefined, { numeric: true }))}
      typeName="OccupationCompetency"
      createInput={{ occupationId: occupation.id }}
      editable={canAccess ?? false}
      addLabel="Link a competency"
      emptyText="No competencies linked"
      columns={[
        {
          field: 'competencyId',
          label: 'Competency',
          kind: 'reference',
          createOnly: true,
          reference: { resource: 'competencies', optionText: (competency) => `${competency.code} ${competency.statement}`, exclude: (occupation.competencies ?? []).map((link) => link.competency.id) },
          value: (link) => link.competency.id,
          display: (link) => `${link.competency.code} ${link.competency.statement}`,
        },
        {
          field: 'isCore',
          label: 'Core',
          kind: 'boolean',
          value: (link) => link.isCore,
          display: (link) => (link.isCore ? <Chip size="small" color="primary" variant="outlined" label="Core" /> : 'Supporting'),
          width: 140,
        },
      ]}
    />
  );
};
