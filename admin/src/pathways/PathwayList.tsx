import { BooleanInput, CreateButton, DataTable, ExportButton, FilterButton, List, RaRecord, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { enumChoices, humanize } from '../common/choices';
import { CoverageBar } from './CoverageBar';
import { PathwayStatusField } from './PathwayStatusField';
import { DayField } from '../common/DayField';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

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

interface PathwayRow extends RaRecord {
  title: string;
  status: string;
  version: number;
  ownerInstitution?: { name: string };
}

export const PathwayList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'title', order: 'ASC' }}>
    <ResponsiveTable<PathwayRow> primaryText={(pathway) => pathway.title} secondaryText={(pathway) => line(humanize(pathway.status), `version ${pathway.version}`, pathway.ownerInstitution?.name)}>
      <DataTable.Col source="title" />
      <DataTable.NumberCol source="version" disableSort />
      <DataTable.Col source="status" disableSort field={PathwayStatusField} />
      <DataTable.Col source="ownerInstitution.name" label="Owner" disableSort />
      <DataTable.Col label="Coverage" disableSort render={() => <CoverageBar />} />
      <DataTable.Col source="reviewDueOn" label="Review due" field={DayField} />
    </ResponsiveTable>
  </List>
);
