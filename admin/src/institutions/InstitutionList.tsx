import { DataTable, List, RaRecord, SearchInput, SelectField, SelectInput, TextInput, UrlField } from 'react-admin';
import { INSTITUTION_KINDS } from './kinds';
import { line, ResponsiveTable } from '../common/ResponsiveTable';
import { humanize } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by name" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={INSTITUTION_KINDS} />,
  <TextInput key="region" source="region" />,
];

const KindField = () => <SelectField source="kind" choices={INSTITUTION_KINDS} />;

interface InstitutionRow extends RaRecord {
  name: string;
  kind: string;
  region: string | null;
}

export const InstitutionList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <ResponsiveTable<InstitutionRow> primaryText={(institution) => institution.name} secondaryText={(institution) => line(humanize(institution.kind), institution.region)}>
      <DataTable.Col source="name" />
      <DataTable.Col source="kind" disableSort field={KindField} />
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="websiteUrl" label="Website" disableSort field={UrlField} />
    </ResponsiveTable>
  </List>
);
