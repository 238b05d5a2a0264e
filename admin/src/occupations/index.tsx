import WorkIcon from '@mui/icons-material/Work';
import {
  ArrayField, Create, Datagrid, Edit, FunctionField, List, NumberField, NumberInput, SearchInput, Show, SimpleForm, SimpleShowLayout,
  TextField, TextInput, required,
} from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="soc" source="socCode" label="SOC code or prefix" />];
const wage = { style: 'currency', currency: 'USD', maximumFractionDigits: 0 } as const;

const OccupationForm = () => (
  <SimpleForm>
    <TextInput source="socCode" label="SOC code" validate={required()} helperText="NN-NNNN, e.g. 15-1232" />
    <TextInput source="onetSocCode" label="O*NET-SOC code" helperText="NN-NNNN.NN" />
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <NumberInput source="medianAnnualWage" label="Median annual wage (USD)" />
    <TextInput source="wageSource" />
    <NumberInput source="wageYear" />
    <TextInput source="typicalEducation" />
    <NumberInput source="jobZone" min={1} max={5} />
  </SimpleForm>
);

export default {
  icon: WorkIcon,
  recordRepresentation: (record: { socCode: string; title: string }) => `${record.socCode} ${record.title}`,
  list: () => (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="socCode" label="SOC" />
        <TextField source="title" />
        <NumberField source="medianAnnualWage" label="Median wage" options={wage} />
        <NumberField source="jobZone" sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="socCode" label="SOC code" />
        <TextField source="onetSocCode" label="O*NET-SOC code" />
        <TextField source="title" />
        <TextField source="description" />
        <NumberField source="medianAnnualWage" label="Median annual wage" options={wage} />
        <TextField source="wageSource" />
        <NumberField source="wageYear" options={{ useGrouping: false }} />
        <TextField source="typicalEducation" />
        <ArrayField source="coreCompetencies">
          <Datagrid bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="statement" />
          </Datagrid>
        </ArrayField>
        <FunctionField
          label="Tasks"
          render={(record: { tasks: string[] }) => (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {record.tasks.map((task) => (
                <li key={task}>{task}</li>
              ))}
            </ul>
          )}
        />
      </SimpleShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic">
      <OccupationForm />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <OccupationForm />
    </Create>
  ),
};
