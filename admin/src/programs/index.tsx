import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Datagrid, Edit, List, NumberField, NumberInput, SearchInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';

export default {
  icon: AccountBalanceIcon,
  recordRepresentation: 'title',
  list: () => (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <TextField source="institution.name" label="Institution" sortable={false} />
        <TextField source="awardLevel" sortable={false} />
        <NumberField source="totalCredits" sortable={false} />
        <NumberField source="residencyCredits" sortable={false} />
        <NumberField source="priorLearningCap" options={{ style: 'percent' }} sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="institution.name" label="Institution" />
        <TextField source="awardLevel" />
        <TextField source="cipCode" label="CIP code" />
        <NumberField source="totalCredits" />
        <NumberField source="residencyCredits" />
        <NumberField source="priorLearningCap" label="Prior-learning cap" options={{ style: 'percent' }} />
      </SimpleShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="cipCode" label="CIP code" />
        <NumberInput source="totalCredits" />
        <NumberInput source="residencyCredits" />
        <NumberInput source="priorLearningCap" step={0.05} min={0} max={1} />
      </SimpleForm>
    </Edit>
  ),
};
