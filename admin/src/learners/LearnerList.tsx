import { DataTable, List, SearchInput } from 'react-admin';

export const LearnerList = () => (
  <List filters={[<SearchInput key="q" source="q" placeholder="Search by name or email" alwaysOn />]} sort={{ field: 'familyName', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="familyName" label="Family name" />
      <DataTable.Col source="givenName" label="Given name" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="externalId" label="Student number" disableSort />
      <DataTable.Col source="institution.name" label="Institution" disableSort />
    </DataTable>
  </List>
);
