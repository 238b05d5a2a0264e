import { DataTable, List, NumberField, SearchInput, SelectInput, TextInput } from 'react-admin';
import { JOB_ZONES, WAGE_FORMAT } from './format';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title or code" alwaysOn />,
  <TextInput key="socCode" source="socCode" label="SOC code starts with" />,
  <SelectInput key="jobZone" source="jobZone" label="Job zone" choices={JOB_ZONES} />,
];

const WageField = ({ source }: { source: string }) => <NumberField source={source} options={WAGE_FORMAT} />;

export const OccupationList = () => (
  <List filters={filters} sort={{ field: 'socCode', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="socCode" label="SOC code" />
      <DataTable.Col source="title" />
      <DataTable.NumberCol source="medianAnnualWage" label="Median wage" field={WageField} />
      <DataTable.Col source="typicalEducation" label="Typical education" disableSort />
      <DataTable.NumberCol source="jobZone" label="Job zone" disableSort />
    </DataTable>
  </List>
);
