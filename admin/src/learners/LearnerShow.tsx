import { ArrayField, BooleanField, DataTable, DateField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';

export const LearnerShow = () => (
  <Show>
    <SimpleShowLayout>
      <FactGrid label={false}>
        <TextField source="givenName" label="Given name" />
        <TextField source="familyName" label="Family name" />
        <TextField source="email" />
        <TextField source="externalId" label="Student number" emptyText="—" />
        <TextField source="institution.name" label="Institution" />
      </FactGrid>
      <ArrayField source="awards" label="Credentials earned">
        <DataTable bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="credential.title" label="Credential" />
          <DataTable.Col source="awardedOn" label="Awarded" field={DateField} />
          <DataTable.NumberCol source="masteryLevel" label="Mastery level" />
          <DataTable.Col source="revoked" field={BooleanField} />
        </DataTable>
      </ArrayField>
      <ArrayField source="priorLearningClaims" label="Prior learning">
        <DataTable bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="title" />
          <DataTable.Col source="status" render={(claim: { status: string }) => humanize(claim.status)} />
          <DataTable.NumberCol source="creditsRequested" label="Requested" />
          <DataTable.NumberCol source="creditsApproved" label="Approved" />
        </DataTable>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
