import PersonIcon from '@mui/icons-material/Person';
import { ArrayField, BooleanField, ChipField, Datagrid, DateField, List, NumberField, SearchInput, Show, SimpleShowLayout, TextField } from 'react-admin';

export default {
  icon: PersonIcon,
  recordRepresentation: (record: { givenName: string; familyName: string }) => `${record.givenName} ${record.familyName}`,
  list: () => (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'familyName', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="familyName" />
        <TextField source="givenName" sortable={false} />
        <TextField source="email" sortable={false} />
        <TextField source="institution.name" label="Institution" sortable={false} />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="givenName" />
        <TextField source="familyName" />
        <TextField source="email" />
        <TextField source="externalId" label="Student number" />
        <ArrayField source="awards">
          <Datagrid bulkActionButtons={false}>
            <TextField source="credential.title" label="Credential" />
            <DateField source="awardedOn" />
            <NumberField source="masteryLevel" />
            <BooleanField source="revoked" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="priorLearningClaims" label="Prior learning">
          <Datagrid bulkActionButtons={false}>
            <TextField source="title" />
            <ChipField source="status" />
            <NumberField source="creditsRequested" />
            <NumberField source="creditsApproved" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  ),
};
