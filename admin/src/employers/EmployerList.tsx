import { CreateButton, DataTable, ExportButton, List, RaRecord, SearchInput, TextInput, TopToolbar, UrlField } from 'react-admin';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

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

interface EmployerRow extends RaRecord {
  name: string;
  region: string | null;
  naicsCode: string | null;
}

export const EmployerList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }}>
    <ResponsiveTable<EmployerRow> primaryText={(employer) => employer.name} secondaryText={(employer) => line(employer.region, employer.naicsCode && `NAICS ${employer.naicsCode}`)}>
      <DataTable.Col source="name" />
      <DataTable.Col source="naicsCode" label="NAICS" disableSort />
      <DataTable.Col source="region" disableSort />
      <DataTable.Col source="websiteUrl" label="Website" disableSort field={UrlField} />
    </ResponsiveTable>
  </List>
);
