import BusinessIcon from '@mui/icons-material/Business';
import { Create, Datagrid, Edit, List, SearchInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, UrlField, required } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="region" source="region" />, <TextInput key="naics" source="naicsCode" label="NAICS prefix" />];

const EmployerForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="naicsCode" label="NAICS code" helperText="2 to 6 digits" />
    <TextInput source="region" />
    <TextInput source="websiteUrl" label="Website" fullWidth />
    <TextInput source="description" multiline fullWidth />
  </SimpleForm>
);

export default {
  icon: BusinessIcon,
  recordRepresentation: 'name',
  list: () => (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="naicsCode" label="NAICS" sortable={false} />
        <TextField source="region" sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="naicsCode" label="NAICS" />
        <TextField source="region" />
        <UrlField source="websiteUrl" label="Website" />
        <TextField source="description" />
      </SimpleShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic">
      <EmployerForm />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <EmployerForm />
    </Create>
  ),
};
