import { AutocompleteInput, BooleanInput, DataTable, List, RaRecord, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { humanize } from '../common/choices';
import { COMPETENCY_TYPES } from './types';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by code or statement" alwaysOn />,
  <ReferenceInput key="frameworkId" source="frameworkId" reference="competencyFrameworks">
    <AutocompleteInput label="Framework" />
  </ReferenceInput>,
  <ReferenceInput key="occupationId" source="occupationId" reference="occupations">
    <AutocompleteInput label="Occupation" />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={COMPETENCY_TYPES} />,
  <BooleanInput key="coreOnly" source="coreOnly" label="Core for an occupation" />,
];

interface CompetencyRow extends RaRecord {
  code: string;
  statement: string;
}

export const CompetencyList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <ResponsiveTable<CompetencyRow> primaryText={(competency) => competency.code} secondaryText={(competency) => competency.statement}>
      <DataTable.Col source="code" />
      <DataTable.Col source="statement" disableSort />
      <DataTable.Col source="type" disableSort render={(competency: { type: string }) => humanize(competency.type)} />
      <DataTable.Col source="framework.name" label="Framework" disableSort />
    </ResponsiveTable>
  </List>
);
