import { BooleanField, BooleanInput, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { CREDENTIAL_LEVELS, CREDENTIAL_STATUSES } from './choices';
import { CredentialStatusField } from './CredentialStatusField';
import { DayField } from '../common/DayField';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={CREDENTIAL_STATUSES} />,
  <SelectInput key="level" source="level" choices={CREDENTIAL_LEVELS} />,
  <BooleanInput key="reviewOverdue" source="reviewOverdue" label="Review overdue" />,
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
      <DataTable.Col source="nextReviewOn" label="Next review" disableSort field={DayField} />
    </DataTable>
  </List>
);
