import { DataTable, List, SearchInput, SelectField, SelectInput, TextInput, UrlField } from 'react-admin';
import { INSTITUTION_KINDS } from './kinds';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by name" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={INSTITUTION_KINDS} />,
  <TextInput key="region" source="region" />,
];

const KindField = () => <SelectField source="kind" choices={INSTITUTION_KINDS} />;

export const InstitutionList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="kind" disableSort field={KindField} />
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="websiteUrl" label="Website" disableSort field={UrlField} />
    </DataTable>
  </List>
);
