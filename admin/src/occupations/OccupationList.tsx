import { DataTable, List, NumberField, RaRecord, SearchInput, SelectInput, TextInput } from 'react-admin';
import { JOB_ZONES, WAGE_FORMAT } from './format';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title or code" alwaysOn />,
  <TextInput key="socCode" source="socCode" label="SOC code starts with" />,
  <SelectInput key="jobZone" source="jobZone" label="Job zone" choices={JOB_ZONES} />,
];

const WageField = ({ source }: { source: string }) => <NumberField source={source} options={WAGE_FORMAT} />;

interface OccupationRow extends RaRecord {
  title: string;
  socCode: string;
  medianAnnualWage: number | null;
}

export const OccupationList = () => (
  <List filters={filters} sort={{ field: 'socCode', order: 'ASC' }}>
    <ResponsiveTable<OccupationRow> primaryText={(occupation) => occupation.title} secondaryText={(occupation) => line(`SOC ${occupation.socCode}`, occupation.medianAnnualWage !== null && `median ${occupation.medianAnnualWage.toLocaleString('en-US', WAGE_FORMAT)}`)}>
      <DataTable.Col source="socCode" label="SOC code" />
      <DataTable.Col source="title" />
      <DataTable.NumberCol source="medianAnnualWage" label="Median wage" field={WageField} />
      <DataTable.Col source="typicalEducation" label="Typical education" disableSort />
      <DataTable.NumberCol source="jobZone" label="Job zone" disableSort />
    </ResponsiveTable>
  </List>
);
