import { DataTable, List, RaRecord, SearchInput, TextInput } from 'react-admin';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by name" alwaysOn />,
  <TextInput key="publisher" source="publisher" />,
  <TextInput key="jurisdiction" source="jurisdiction" />,
];

interface FrameworkRow extends RaRecord {
  name: string;
  publisher: string | null;
  version: string | null;
}

export const FrameworkList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <ResponsiveTable<FrameworkRow> primaryText={(framework) => framework.name} secondaryText={(framework) => line(framework.publisher, framework.version && `version ${framework.version}`)}>
      <DataTable.Col source="name" />
      <DataTable.Col source="publisher" />
      <DataTable.Col source="version" disableSort />
      <DataTable.Col source="jurisdiction" disableSort />
      <DataTable.NumberCol source="competencyCount" label="Competencies" disableSort />
    </ResponsiveTable>
  </List>
);
