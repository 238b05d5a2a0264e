import { ArrayField, DataTable, DateField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { AgreementStatusField } from './AgreementStatusField';

export const AgreementShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <FactGrid label={false}>
        <TextField source="degreeProgram.title" label="Program" />
        <AgreementStatusField source="status" />
        <DateField source="effectiveFrom" label="Effective from" />
        <DateField source="effectiveTo" label="Effective to" emptyText="Open-ended" />
        <NumberField source="recencyYears" label="Recency limit (years)" emptyText="None" />
        <TextField source="signedBy" label="Signed by" emptyText="—" />
        <DateField source="signedOn" label="Signed on" emptyText="—" />
        <TextField source="blockPathway.title" label="Block credit for completing" emptyText="No block credit" />
        <NumberField source="blockCredits" label="Block credits" emptyText="—" />
      </FactGrid>
      <ArrayField source="mappings" label="Credit mappings">
        <DataTable bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="credential.title" label="Credential" />
          <DataTable.NumberCol source="credits" />
          <DataTable.Col source="courseEquivalent" label="Course" />
          <DataTable.NumberCol source="minMasteryLevel" label="Minimum level" />
        </DataTable>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
