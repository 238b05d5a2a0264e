import { ArrayField, BooleanField, DataTable, DateField, NumberField, SelectField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { enumChoices, humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { CREDENTIAL_LEVELS } from './CredentialList';
import { CredentialStatusField } from './CredentialStatusField';

const DELIVERY_MODES = enumChoices(['IN_PERSON', 'ONLINE', 'HYBRID', 'WORK_BASED']);

interface Alignment {
  strength: string;
  competency: { code: string };
}

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
          <DateField source="nextReviewOn" label="Next review" emptyText="—" />
        </FactGrid>
        <TextField source="description" emptyText="—" />
        <TextField source="criteria" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Outcomes and crosswalk" path="outcomes">
        <ArrayField source="outcomes" label={false}>
          <DataTable bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="statement" label="Learning outcome" />
            <DataTable.Col
              label="Aligned competencies"
              render={(outcome: { alignments: Alignment[] }) =>
                outcome.alignments.map((alignment) => `${alignment.competency.code} (${humanize(alignment.strength)})`).join(', ') || '—'
              }
            />
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Assessment and rubric" path="assessment">
        <ArrayField source="assessments">
          <DataTable bulkActionButtons={false} empty={<NoneYet>Not assessed: it cannot be published</NoneYet>}>
            <DataTable.Col source="method" render={(assessment: { method: string }) => humanize(assessment.method)} />
            <DataTable.Col source="description" />
          </DataTable>
        </ArrayField>
        <ArrayField source="rubricLevels" label="Rubric">
          <DataTable bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.NumberCol source="level" />
            <DataTable.Col source="name" />
            <DataTable.Col source="criteria" />
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
