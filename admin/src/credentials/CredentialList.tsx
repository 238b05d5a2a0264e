import { BooleanField, BooleanInput, DataTable, List, RaRecord, SearchInput, SelectInput } from 'react-admin';
import { CREDENTIAL_LEVELS, CREDENTIAL_STATUSES } from './choices';
import { CredentialStatusField } from './CredentialStatusField';
import { DayField } from '../common/DayField';
import { line, ResponsiveTable } from '../common/ResponsiveTable';
import { humanize } from '../common/choices';
import { creditsText } from '../advising/routeRows';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={CREDENTIAL_STATUSES} />,
  <SelectInput key="level" source="level" choices={CREDENTIAL_LEVELS} />,
  <BooleanInput key="reviewOverdue" source="reviewOverdue" label="Review overdue" />,
];

interface CredentialRow extends RaRecord {
  title: string;
  status: string;
  level: number;
  creditValue: number | null;
  issuer?: { name: string };
}

export const CredentialList = () => (
  <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <ResponsiveTable<CredentialRow> primaryText={(credential) => credential.title} secondaryText={(credential) => line(credential.issuer?.name, `level ${credential.level}`, credential.creditValue !== null && creditsText(credential.creditValue))} tertiaryText={(credential) => humanize(credential.status)}>
      <DataTable.Col source="title" />
      <DataTable.Col source="issuer.name" label="Issuer" disableSort />
      <DataTable.NumberCol source="level" />
      <DataTable.NumberCol source="workloadHours" label="Hours" disableSort />
      <DataTable.NumberCol source="creditValue" label="Credits" disableSort />
      <DataTable.Col source="status" disableSort field={CredentialStatusField} />
      <DataTable.Col source="assessed" disableSort field={BooleanField} />
      <DataTable.Col source="nextReviewOn" label="Next review" disableSort field={DayField} />
    </ResponsiveTable>
  </List>
);
