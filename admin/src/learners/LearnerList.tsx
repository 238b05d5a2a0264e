import { DataTable, List, RaRecord, SearchInput } from 'react-admin';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

interface LearnerRow extends RaRecord {
  givenName: string;
  familyName: string;
  email: string;
  externalId: string | null;
}

export const LearnerList = () => (
  <List filters={[<SearchInput key="q" source="q" placeholder="Search by name or email" alwaysOn />]} sort={{ field: 'familyName', order: 'ASC' }}>
    <ResponsiveTable<LearnerRow> primaryText={(learner) => `${learner.givenName} ${learner.familyName}`} secondaryText={(learner) => line(learner.email, learner.externalId)}>
      <DataTable.Col source="familyName" label="Family name" />
      <DataTable.Col source="givenName" label="Given name" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="externalId" label="Student number" disableSort />
      <DataTable.Col source="institution.name" label="Institution" disableSort />
    </ResponsiveTable>
  </List>
);
