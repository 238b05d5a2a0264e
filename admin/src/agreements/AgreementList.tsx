import { AutocompleteInput, DataTable, List, RaRecord, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { AGREEMENT_STATUSES } from './choices';
import { AgreementStatusField } from './AgreementStatusField';
import { DayField } from '../common/DayField';
import { line, ResponsiveTable } from '../common/ResponsiveTable';
import { humanize } from '../common/choices';

const EXPIRY_WINDOWS = [
  { id: 30, name: 'Within 30 days' },
  { id: 90, name: 'Within 90 days' },
  { id: 365, name: 'Within a year' },
];

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={AGREEMENT_STATUSES} />,
  <ReferenceInput key="degreeProgramId" source="degreeProgramId" reference="degreePrograms">
    <AutocompleteInput label="Program" />
  </ReferenceInput>,
  <SelectInput key="expiringWithinDays" source="expiringWithinDays" label="Ending" choices={EXPIRY_WINDOWS} />,
];

interface AgreementRow extends RaRecord {
  title: string;
  status: string;
  degreeProgram?: { title: string };
}

export const AgreementList = () => (
  <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <ResponsiveTable<AgreementRow> primaryText={(agreement) => agreement.title} secondaryText={(agreement) => line(humanize(agreement.status), agreement.degreeProgram?.title)}>
      <DataTable.Col source="title" />
      <DataTable.Col source="degreeProgram.title" label="Program" disableSort />
      <DataTable.Col source="status" disableSort field={AgreementStatusField} />
      <DataTable.NumberCol source="mappingCount" label="Mappings" disableSort />
      <DataTable.Col source="effectiveFrom" label="From" field={DayField} />
      <DataTable.Col source="effectiveTo" label="To" field={DayField} />
    </ResponsiveTable>
  </List>
);
