import {
  AutocompleteArrayInput, AutocompleteInput, Create, DateInput, Edit, NumberInput, RaRecord, ReferenceArrayInput, ReferenceInput, SelectArrayInput,
  SelectInput, SimpleForm, TextInput, usePermissions,
} from 'react-admin';
import { FormRow } from '../common/FormRow';
import { CREDENTIAL_LEVELS, CREDENTIAL_STATUSES, DELIVERY_MODES, EVIDENCE_TYPES } from './choices';

/**
 * The credential's own fields. Its outcomes, crosswalk, assessments and rubric are edited on its
 * page, row by row, because each is a record of its own in the API.
 */
const CredentialForm = ({ issuer }: { issuer?: 'institution' | 'employer' }) => (
  <SimpleForm>
    <TextInput source="title" isRequired />
    {issuer === 'institution' && (
      <ReferenceInput source="issuerInstitutionId" reference="institutions">
        <AutocompleteInput label="Issuing institution" isRequired />
      </ReferenceInput>
    )}
    {issuer === 'employer' && (
      <ReferenceInput source="issuerEmployerId" reference="employers">
        <AutocompleteInput label="Issuing employer" isRequired />
      </ReferenceInput>
    )}
    <TextInput source="description" multiline minRows={3} />
    <FormRow>
      <SelectInput source="level" choices={CREDENTIAL_LEVELS} isRequired />
      <NumberInput source="workloadHours" label="Workload (hours)" isRequired />
      <NumberInput source="creditValue" label="Credit value" />
      <SelectInput source="deliveryMode" label="Delivery" choices={DELIVERY_MODES} isRequired />
    </FormRow>
    <FormRow>
      <NumberInput source="cost" />
      <TextInput source="currency" helperText="ISO code, e.g. USD" />
      <SelectInput source="status" choices={CREDENTIAL_STATUSES} helperText="Publishing needs an assessment" />
      <DateInput source="nextReviewOn" label="Next review" />
    </FormRow>
    <SelectArrayInput source="evidenceTypes" label="Evidence" choices={EVIDENCE_TYPES} />
    <ReferenceArrayInput source="prerequisiteIds" reference="credentials">
      <AutocompleteArrayInput label="Prerequisites" />
    </ReferenceArrayInput>
    <TextInput source="criteria" label="Award criteria" multiline minRows={2} />
  </SimpleForm>
);

/** The form edits prerequisite IDs; the record carries the prerequisites themselves. */
const withPrerequisiteIds = (record: RaRecord) => ({ ...record, prerequisiteIds: (record.prerequisites as { id: string }[] | undefined)?.map((credential) => credential.id) ?? [] });

export const CredentialEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ select: withPrerequisiteIds }}>
    <CredentialForm />
  </Edit>
);

/** Employer partners issue credentials for their employer; college staff and admins for an institution. */
export const CredentialCreate = () => {
  const { permissions } = usePermissions<string>();
  return (
    <Create redirect="show">
      <CredentialForm issuer={permissions === 'EMPLOYER_PARTNER' ? 'employer' : 'institution'} />
    </Create>
  );
};
