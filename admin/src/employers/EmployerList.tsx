import { CreateButton, DataTable, ExportButton, List, SearchInput, TextInput, TopToolbar, UrlField } from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by name" alwaysOn />,
  <TextInput key="region" source="region" />,
  <TextInput key="naicsCode" source="naicsCode" label="NAICS code starts with" />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export const EmployerList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="naicsCode" label="NAICS" disableSort />
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="websiteUrl" label="Website" disableSort field={UrlField} />
    </DataTable>
  </List>
);
