import { AutocompleteInput, Create, Edit, ReferenceInput, SimpleForm, TextInput } from 'react-admin';

/** A learner belongs to one institution, chosen when the record is made; awards and claims are added on the learner's page. */
const LearnerForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="givenName" label="Given name" isRequired />
    <TextInput source="familyName" label="Family name" isRequired />
    <TextInput source="email" type="email" isRequired />
    <TextInput source="externalId" label="Student number" />
    {creating && (
      <ReferenceInput source="institutionId" reference="institutions">
        <AutocompleteInput label="Institution" isRequired />
      </ReferenceInput>
    )}
  </SimpleForm>
);

export const LearnerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <LearnerForm />
  </Edit>
);

export const LearnerCreate = () => (
  <Create redirect="show">
    <LearnerForm creating />
  </Create>
);
