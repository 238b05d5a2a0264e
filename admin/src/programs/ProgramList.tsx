import { DataTable, List, NumberField, RaRecord, SearchInput, SelectInput } from 'react-admin';
import { enumChoices, humanize } from '../common/choices';
import { line, ResponsiveTable } from '../common/ResponsiveTable';

interface ProgramRow extends RaRecord {
  title: string;
  awardLevel: string;
  totalCredits: number;
  institution?: { name: string };
}

export const AWARD_LEVELS = enumChoices(['CERTIFICATE', 'ASSOCIATE', 'BACHELOR']);

const filters = [<SearchInput key="q" source="q" placeholder="Search by title" alwaysOn />, <SelectInput key="awardLevel" source="awardLevel" label="Award" choices={AWARD_LEVELS} />];

const CapField = ({ source }: { source: string }) => <NumberField source={source} options={{ style: 'percent' }} />;

export const ProgramList = () => (
  <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
    <ResponsiveTable<ProgramRow> primaryText={(program) => program.title} secondaryText={(program) => line(program.institution?.name, humanize(program.awardLevel), `${program.totalCredits} credits`)}>
      <DataTable.Col source="title" />
      <DataTable.Col source="institution.name" label="Institution" disableSort />
      <DataTable.Col source="awardLevel" label="Award" disableSort render={(program: { awardLevel: string }) => humanize(program.awardLevel)} />
      <DataTable.NumberCol source="totalCredits" label="Credits" disableSort />
      <DataTable.NumberCol source="residencyCredits" label="Residency" disableSort />
      <DataTable.NumberCol source="priorLearningCap" label="Prior-learning cap" disableSort field={CapField} />
    </ResponsiveTable>
  </List>
);
