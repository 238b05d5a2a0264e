import { Create, Edit, SimpleForm, TextInput } from 'react-admin';

const FrameworkForm = () => (
  <SimpleForm>
    <TextInput source="name" isRequired helperText="e.g. Information Technology Competency Model" />
    <TextInput source="publisher" isRequired helperText="e.g. U.S. Department of Labor, ETA" />
    <TextInput source="version" />
    <TextInput source="jurisdiction" helperText="e.g. United States" />
    <TextInput source="sourceUrl" label="Source" helperText="https://…" />
    <TextInput source="caseIdentifier" label="CASE identifier" helperText="The CFDocument identifier, when it is published in CASE" />
    <TextInput source="description" multiline minRows={3} />
  </SimpleForm>
);

export const FrameworkEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <FrameworkForm />
  </Edit>
);

export const FrameworkCreate = () => (
  <Create redirect="show">
    <FrameworkForm />
  </Create>
);
