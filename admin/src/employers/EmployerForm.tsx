import { Create, Edit, SimpleForm, TextInput } from 'react-admin';

/** The server validates; the form only marks what it will insist on, so its messages land on the fields. */
const EmployerForm = () => (
  <SimpleForm>
    <TextInput source="name" isRequired />
    <TextInput source="naicsCode" label="NAICS code" helperText="2 to 6 digits, e.g. 541512" />
    <TextInput source="region" />
    <TextInput source="websiteUrl" label="Website" helperText="https://…" />
    <TextInput source="description" multiline minRows={3} />
  </SimpleForm>
);

export const EmployerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EmployerForm />
  </Edit>
);

export const EmployerCreate = () => (
  <Create redirect="show">
    <EmployerForm />
  </Create>
);
