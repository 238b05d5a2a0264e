import { ArrayInput, Create, Edit, NumberInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { JOB_ZONES } from './format';

/** The server checks the codes' formats and the ranges; the form only marks what it insists on. */
const OccupationForm = () => (
  <SimpleForm>
    <TextInput source="socCode" label="SOC code" isRequired helperText="SOC 2018, e.g. 15-1232" />
    <TextInput source="onetSocCode" label="O*NET-SOC code" helperText="e.g. 15-1232.00" />
    <TextInput source="title" isRequired />
    <TextInput source="description" multiline minRows={3} />
    <NumberInput source="medianAnnualWage" label="Median annual wage (USD)" />
    <TextInput source="wageSource" label="Wage source" helperText="e.g. BLS OEWS" />
    <NumberInput source="wageYear" label="Wage year" />
    <TextInput source="typicalEducation" label="Typical education" />
    <SelectInput source="jobZone" label="Job zone" choices={JOB_ZONES} />
    <ArrayInput source="tasks">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="" label="Task" helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);

interface OccupationFormData {
  tasks?: (string | null)[];
}

/** A task row added and left blank is not a task. */
const withoutBlankTasks = <T extends OccupationFormData>(data: T): T => ({ ...data, tasks: data.tasks?.filter((task) => task?.trim()) });

export const OccupationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={withoutBlankTasks}>
    <OccupationForm />
  </Edit>
);

export const OccupationCreate = () => (
  <Create redirect="show" transform={withoutBlankTasks}>
    <OccupationForm />
  </Create>
);
