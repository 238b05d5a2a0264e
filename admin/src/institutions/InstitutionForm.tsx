import { Create, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { INSTITUTION_KINDS } from './kinds';

/**
 * The server validates the text; the kind is checked here too because a create input without one
 * is not a valid GraphQL document at all, and would never reach the server's rules.
 */
const InstitutionForm = () => (
  <SimpleForm>
    <TextInput source="name" isRequired />
    <SelectInput source="kind" choices={INSTITUTION_KINDS} validate={required()} />
    <TextInput source="region" />
    <TextInput source="websiteUrl" label="Website" helperText="https://…" />
  </SimpleForm>
);

export const InstitutionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <InstitutionForm />
  </Edit>
);

export const InstitutionCreate = () => (
  <Create redirect="show">
    <InstitutionForm />
  </Create>
);
