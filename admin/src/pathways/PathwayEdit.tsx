import { DateInput, Edit, SimpleForm, TextInput } from 'react-admin';

/** Saves carry the revision the form was loaded at; a stale one comes back as a conflict and the form keeps what was typed. */
export const PathwayEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="title" isRequired />
      <TextInput source="description" multiline minRows={3} />
      <DateInput source="reviewDueOn" label="Review due" />
    </SimpleForm>
  </Edit>
);
