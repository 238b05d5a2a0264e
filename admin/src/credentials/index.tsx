import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { ArrayField, BooleanField, ChipField, Datagrid, DateField, List, NumberField, SearchInput, SelectInput, Show, TabbedShowLayout, TextField } from 'react-admin';

export const CREDENTIAL_STATUSES = [
  { id: 'DRAFT', name: 'Draft' },
  { id: 'PUBLISHED', name: 'Published' },
  { id: 'RETIRED', name: 'Retired' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={CREDENTIAL_STATUSES} />,
  <SelectInput key="level" source="level" choices={[{ id: 1, name: '1 Foundation' }, { id: 2, name: '2 Rigorous training' }, { id: 3, name: '3 Applied work-based' }]} />,
];

export default {
  icon: WorkspacePremiumIcon,
  recordRepresentation: 'title',
  list: () => (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <TextField source="issuer.name" label="Issuer" sortable={false} />
        <NumberField source="level" />
        <NumberField source="workloadHours" label="Hours" sortable={false} />
        <NumberField source="creditValue" label="Credits" sortable={false} />
        <ChipField source="status" sortable={false} />
        <BooleanField source="assessed" sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Summary">
          <TextField source="title" />
          <TextField source="issuer.name" label="Issuer" />
          <TextField source="description" />
          <NumberField source="level" />
          <NumberField source="workloadHours" label="Workload (hours)" />
          <NumberField source="creditValue" label="Credit value" />
          <TextField source="deliveryMode" />
          <NumberField source="cost" options={{ style: 'currency', currency: 'USD' }} />
          <ChipField source="status" />
          <TextField source="criteria" />
          <DateField source="nextReviewOn" label="Next review" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Outcomes and crosswalk">
          <ArrayField source="outcomes" label={false}>
            <Datagrid bulkActionButtons={false}>
              <TextField source="statement" label="Learning outcome" />
              <ArrayField source="alignments">
                <Datagrid bulkActionButtons={false}>
                  <TextField source="competency.code" label="Competency" />
                  <ChipField source="strength" />
                </Datagrid>
              </ArrayField>
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Assessment and rubric">
          <ArrayField source="assessments">
            <Datagrid bulkActionButtons={false}>
              <ChipField source="method" />
              <TextField source="description" />
            </Datagrid>
          </ArrayField>
          <ArrayField source="rubricLevels" label="Rubric">
            <Datagrid bulkActionButtons={false}>
              <NumberField source="level" />
              <TextField source="name" />
              <TextField source="criteria" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  ),
};

