import { BooleanInput, CreateButton, DataTable, ExportButton, FilterButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { enumChoices } from '../common/choices';
import { CoverageBar } from './CoverageBar';
import { PathwayStatusField } from './PathwayStatusField';
import { DayField } from '../common/DayField';

const PATHWAY_STATUSES = enumChoices(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED']);

const filters = [
  <SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />,
  <SelectInput key="status" source="status" choices={PATHWAY_STATUSES} />,
  <BooleanInput key="reviewOverdue" source="reviewOverdue" label="Review overdue" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Start a pathway" />
    <ExportButton />
  </TopToolbar>
);

export const PathwayList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'title', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.NumberCol source="version" disableSort />
      <DataTable.Col source="status" disableSort field={PathwayStatusField} />
      <DataTable.Col source="ownerInstitution.name" label="Owner" disableSort />
      <DataTable.Col label="Coverage" disableSort render={() => <CoverageBar />} />
      <DataTable.Col source="reviewDueOn" label="Review due" field={DayField} />
    </DataTable>
  </List>
);
