import { AutocompleteInput, Create, Edit, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { FormRow } from '../common/FormRow';
import { AWARD_LEVELS } from './ProgramList';

/** The prior-learning cap is a share of the total credits: 0.75 lets prior learning give up to three quarters. */
const ProgramForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="title" isRequired helperText="e.g. AAS Information Technology" />
    {creating && (
      <ReferenceInput source="institutionId" reference="institutions">
        <AutocompleteInput label="Institution" isRequired />
      </ReferenceInput>
    )}
    <FormRow>
      <SelectInput source="awardLevel" label="Award" choices={AWARD_LEVELS} isRequired />
      <TextInput source="cipCode" label="CIP code" helperText="e.g. 11.0103" />
    </FormRow>
    <FormRow>
      <NumberInput source="totalCredits" label="Total credits" isRequired />
      <NumberInput source="residencyCredits" label="Residency credits" isRequired helperText="The least earned at the institution" />
      <NumberInput source="priorLearningCap" label="Prior-learning cap" isRequired step={0.05} helperText="Share of total credits, 0 to 1" />
    </FormRow>
  </SimpleForm>
);

export const ProgramEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ProgramForm />
  </Edit>
);

export const ProgramCreate = () => (
  <Create redirect="show">
    <ProgramForm creating />
  </Create>
);
