import { AutocompleteInput, Create, Edit, RaRecord, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { COMPETENCY_TYPES } from './types';

const competencyText = (competency: { code: string; statement: string }) => `${competency.code} ${competency.statement}`;

/** The framework is chosen once, at creation: a competency does not move between frameworks. */
const CompetencyForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    {creating ? (
      <ReferenceInput source="frameworkId" reference="competencyFrameworks">
        <AutocompleteInput label="Framework" isRequired />
      </ReferenceInput>
    ) : null}
    <TextInput source="code" isRequired helperText="e.g. ITCM-5.2" />
    <TextInput source="statement" isRequired multiline minRows={2} />
    <SelectInput source="type" choices={COMPETENCY_TYPES} isRequired />
    <ReferenceInput source="parentId" reference="competencies">
      <AutocompleteInput label="Part of (broader competency)" optionText={competencyText} />
    </ReferenceInput>
    <TextInput source="caseIdentifier" label="CASE identifier" />
  </SimpleForm>
);

/** The form edits `parentId`; the record carries the parent object. */
const withParentId = (record: RaRecord) => ({ ...record, parentId: (record.parent as { id: string } | null)?.id ?? null });

export const CompetencyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ select: withParentId }}>
    <CompetencyForm />
  </Edit>
);

export const CompetencyCreate = () => (
  <Create redirect="show">
    <CompetencyForm creating />
  </Create>
);
