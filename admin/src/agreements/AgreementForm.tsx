import { AutocompleteInput, Create, DateInput, Edit, NumberInput, RaRecord, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { FormRow } from '../common/FormRow';
import { AGREEMENT_STATUSES } from './choices';

const pathwayText = (pathway: { title: string; version: number; status: string }) => `${pathway.title} v${pathway.version}`;

/** The program and the issuer are fixed when the agreement is made; its credit mappings are edited on its page. */
const AgreementForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="title" isRequired />
    {creating && (
      <FormRow>
        <ReferenceInput source="degreeProgramId" reference="degreePrograms">
          <AutocompleteInput label="Degree program" isRequired />
        </ReferenceInput>
        <ReferenceInput source="issuerInstitutionId" reference="institutions">
          <AutocompleteInput label="Issuer (institution)" helperText="Whose credentials it maps: an institution…" />
        </ReferenceInput>
        <ReferenceInput source="issuerEmployerId" reference="employers">
          <AutocompleteInput label="…or an employer" />
        </ReferenceInput>
      </FormRow>
    )}
    <FormRow>
      <SelectInput source="status" choices={AGREEMENT_STATUSES} />
      <DateInput source="effectiveFrom" label="Effective from" isRequired />
      <DateInput source="effectiveTo" label="Effective to" helperText="Empty: open-ended" />
      <NumberInput source="recencyYears" label="Recency limit (years)" helperText="Empty: no limit" />
    </FormRow>
    <FormRow>
      <TextInput source="signedBy" label="Signed by" />
      <DateInput source="signedOn" label="Signed on" />
    </FormRow>
    <FormRow>
      <ReferenceInput source="blockPathwayId" reference="pathways" filter={{ status: 'PUBLISHED' }}>
        <AutocompleteInput label="Block credit for completing" optionText={pathwayText} />
      </ReferenceInput>
      <NumberInput source="blockCredits" label="Block credits" />
    </FormRow>
  </SimpleForm>
);

const withBlockPathwayId = (record: RaRecord) => ({ ...record, blockPathwayId: (record.blockPathway as { id: string } | null)?.id ?? null });

export const AgreementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ select: withBlockPathwayId }}>
    <AgreementForm />
  </Edit>
);

export const AgreementCreate = () => (
  <Create redirect="show">
    <AgreementForm creating />
  </Create>
);
