import SchoolIcon from '@mui/icons-material/School';
import { Create, Datagrid, Edit, List, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, UrlField, required } from 'react-admin';

export const INSTITUTION_KINDS = [
  { id: 'COMMUNITY_COLLEGE', name: 'Community college' },
  { id: 'TECHNICAL_COLLEGE', name: 'Technical college' },
  { id: 'UNIVERSITY', name: 'University' },
  { id: 'TRAINING_PROVIDER', name: 'Training provider' },
];

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={INSTITUTION_KINDS} />, <TextInput key="region" source="region" />];

const InstitutionForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="kind" choices={INSTITUTION_KINDS} validate={required()} />
    <TextInput source="region" />
    <TextInput source="websiteUrl" label="Website" fullWidth />
  </SimpleForm>
);

export default {
  icon: SchoolIcon,
  recordRepresentation: 'name',
  list: () => (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <SelectField source="kind" choices={INSTITUTION_KINDS} sortable={false} />
        <TextField source="region" sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="kind" choices={INSTITUTION_KINDS} />
        <TextField source="region" />
        <UrlField source="websiteUrl" label="Website" />
      </SimpleShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic">
      <InstitutionForm />
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <InstitutionForm />
    </Create>
  ),
};
