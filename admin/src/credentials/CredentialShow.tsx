import { ArrayField, BooleanField, ChipField, FunctionField, Labeled, NumberField, SelectField, Show, SingleFieldList, TabbedShowLayout, TextField } from 'react-admin';
import { humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { CREDENTIAL_LEVELS, DELIVERY_MODES } from './choices';
import { AssessmentsEditor, OutcomesEditor, RubricEditor } from './CredentialEditors';
import { CredentialStatusField } from './CredentialStatusField';
import { DayField } from '../common/DayField';

export const CredentialShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <TextField source="title" />
        <FactGrid label={false}>
          <TextField source="issuer.name" label="Issuer" />
          <CredentialStatusField source="status" />
          <SelectField source="level" choices={CREDENTIAL_LEVELS} />
          <NumberField source="workloadHours" label="Workload (hours)" />
          <NumberField source="creditValue" label="Credit value" />
          <SelectField source="deliveryMode" label="Delivery" choices={DELIVERY_MODES} />
          <NumberField source="cost" options={{ style: 'currency', currency: 'USD' }} emptyText="—" />
          <BooleanField source="assessed" />
          <DayField source="nextReviewOn" label="Next review" emptyText="—" />
          <FunctionField label="Evidence" render={(credential: { evidenceTypes?: string[] }) => (credential.evidenceTypes ?? []).map(humanize).join(', ') || '—'} />
        </FactGrid>
        <TextField source="description" emptyText="—" />
        <TextField source="criteria" label="Award criteria" emptyText="—" />
        <ArrayField source="prerequisites">
          <SingleFieldList linkType="show" empty={<NoneYet>None</NoneYet>}>
            <ChipField source="title" size="small" />
          </SingleFieldList>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Outcomes and crosswalk" path="outcomes">
        <OutcomesEditor />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Assessment and rubric" path="assessment">
        <Labeled label="Assessments" fullWidth>
          <AssessmentsEditor />
        </Labeled>
        <Labeled label="Rubric" fullWidth>
          <RubricEditor />
        </Labeled>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
