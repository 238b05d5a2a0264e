import { ArrayField, BooleanField, DataTable, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { CredentialStatusField } from '../credentials/CredentialStatusField';
import { COMPETENCY_TYPES } from './types';
import { DayField } from '../common/DayField';

export const CompetencyShow = () => (
  <Show>
    <SimpleShowLayout spacing={2}>
      <TextField source="statement" />
      <FactGrid label={false}>
        <TextField source="code" />
        <SelectField source="type" choices={COMPETENCY_TYPES} />
        <TextField source="framework.name" label="Framework" />
        <TextField source="parent.code" label="Part of" emptyText="—" />
        <TextField source="caseIdentifier" label="CASE identifier" emptyText="—" />
        <DayField source="updatedAt" label="Last changed" showTime />
      </FactGrid>
      <ArrayField source="occupations" label="Occupations that need it">
        <DataTable bulkActionButtons={false} empty={<NoneYet>Not linked to an occupation</NoneYet>}>
          <DataTable.Col source="occupation.socCode" label="SOC code" />
          <DataTable.Col source="occupation.title" label="Occupation" />
          <DataTable.Col source="isCore" label="Core" field={BooleanField} />
        </DataTable>
      </ArrayField>
      <ArrayField source="children" label="Narrower competencies">
        <DataTable bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="code" />
          <DataTable.Col source="statement" />
        </DataTable>
      </ArrayField>
      <ReferenceManyField label="Credentials aligned to it" reference="credentials" target="competencyId" sort={{ field: 'title', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="title" />
          <DataTable.Col source="issuer.name" label="Issuer" disableSort />
          <DataTable.Col source="status" disableSort field={CredentialStatusField} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
