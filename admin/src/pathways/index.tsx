import RouteIcon from '@mui/icons-material/Route';
import { Box, LinearProgress, Typography } from '@mui/material';
import {
  ArrayField, ChipField, Datagrid, DateField, Edit, FunctionField, List, NumberField, SearchInput, SelectInput, Show, SimpleForm,
  TabbedShowLayout, TextField, TextInput, required, useRecordContext,
} from 'react-admin';

export const PATHWAY_STATUSES = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED'].map((id) => ({
  id,
  name: id.charAt(0) + id.slice(1).toLowerCase().replace('_', ' '),
}));

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={PATHWAY_STATUSES} />];

interface CoverageRecord {
  coverage: { coreCount: number; coveredCount: number; ratio: number; uncovered: { id: string; code: string; statement: string }[] };
}

/** Coverage of the destination's core competencies, as a bar with what is still missing. */
export const CoverageBar = () => {
  const record = useRecordContext<CoverageRecord & { id: string }>();
  if (!record) return null;
  const { coreCount, coveredCount, ratio, uncovered } = record.coverage;
  return (
    <Box sx={{ maxWidth: 640 }}>
      <Typography variant="body2" data-testid="coverage-summary">
        {coveredCount} of {coreCount} core competencies covered ({Math.round(ratio * 100)}%)
      </Typography>
      <LinearProgress variant="determinate" value={ratio * 100} sx={{ height: 10, borderRadius: 5, my: 1 }} />
      {uncovered.length > 0 && (
        <Typography variant="body2" component="div">
          Not yet covered:
          <ul>
            {uncovered.map((competency) => (
              <li key={competency.id}>
                <strong>{competency.code}</strong> {competency.statement}
              </li>
            ))}
          </ul>
        </Typography>
      )}
    </Box>
  );
};

export default {
  icon: RouteIcon,
  recordRepresentation: (record: { title: string; version: number }) => `${record.title} v${record.version}`,
  list: () => (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <NumberField source="version" sortable={false} />
        <ChipField source="status" sortable={false} />
        <TextField source="ownerInstitution.name" label="Owner" sortable={false} />
        <FunctionField label="Coverage" render={(record: CoverageRecord) => `${record.coverage.coveredCount}/${record.coverage.coreCount}`} />
        <DateField source="reviewDueOn" label="Review due" />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Design">
          <TextField source="title" />
          <ChipField source="status" />
          <NumberField source="version" />
          <TextField source="description" />
          <ArrayField source="destinations">
            <Datagrid bulkActionButtons={false}>
              <TextField source="socCode" label="SOC" />
              <TextField source="title" />
            </Datagrid>
          </ArrayField>
          <ArrayField source="stages">
            <Datagrid bulkActionButtons={false}>
              <NumberField source="position" label="#" />
              <TextField source="title" />
              <FunctionField label="Requirement" render={(stage: { requirement: string; requiredCount: number | null }) => (stage.requirement === 'ALL' ? 'All' : `At least ${stage.requiredCount}`)} />
              <FunctionField label="Credentials" render={(stage: { credentials: { title: string }[] }) => stage.credentials.map((c) => c.title).join(', ')} />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Coverage">
          <CoverageBar />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Partners">
          <ArrayField source="partners">
            <Datagrid bulkActionButtons={false}>
              <TextField source="employer.name" label="Employer" />
              <ChipField source="role" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Publish readiness">
          <ArrayField source="publishReadiness.checks" label={false}>
            <Datagrid bulkActionButtons={false}>
              <FunctionField label="" render={(check: { passed: boolean }) => (check.passed ? '✔' : '✖')} />
              <TextField source="message" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline fullWidth />
        <TextInput source="reviewDueOn" type="date" label="Review due" />
      </SimpleForm>
    </Edit>
  ),
};
