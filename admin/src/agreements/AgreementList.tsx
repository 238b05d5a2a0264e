import { DataTable, DateField, List, SearchInput, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { AgreementStatusField } from './AgreementStatusField';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices(['DRAFT', 'ACTIVE', 'SUSPENDED', 'EXPIRED'])} />,
];

export const AgreementList = () => (
  <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="degreeProgram.title" label="Program" disableSort />
      <DataTable.Col source="status" disableSort field={AgreementStatusField} />
      <DataTable.NumberCol source="mappingCount" label="Mappings" disableSort />
      <DataTable.Col source="effectiveFrom" label="From" field={DateField} />
      <DataTable.Col source="effectiveTo" label="To" field={DateField} />
    </DataTable>
  </List>
);
