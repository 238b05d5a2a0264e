import { DataTable, List, SearchInput, TextInput } from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by name" alwaysOn />,
  <TextInput key="publisher" source="publisher" />,
  <TextInput key="jurisdiction" source="jurisdiction" />,
];

export const FrameworkList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="publisher" />
      <DataTable.Col source="version" disableSort />
      <DataTable.Col source="jurisdiction" disableSort />
      <DataTable.NumberCol source="competencyCount" label="Competencies" disableSort />
    </DataTable>
  </List>
);
