import { BooleanField, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { CredentialStatusField } from './CredentialStatusField';

export const CREDENTIAL_LEVELS = [
  { id: 1, name: '1 Foundation' },
  { id: 2, name: '2 Rigorous training' },
  { id: 3, name: '3 Applied work-based learning' },
];

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices(['DRAFT', 'PUBLISHED', 'RETIRED'])} />,
  <SelectInput key="level" source="level" choices={CREDENTIAL_LEVELS} />,
];

export const CredentialList = () => (
  <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="issuer.name" label="Issuer" disableSort />
      <DataTable.NumberCol source="level" />
      <DataTable.NumberCol source="workloadHours" label="Hours" disableSort />
      <DataTable.NumberCol source="creditValue" label="Credits" disableSort />
      <DataTable.Col source="status" disableSort field={CredentialStatusField} />
      <DataTable.Col source="assessed" disableSort field={BooleanField} />
    </DataTable>
  </List>
);
