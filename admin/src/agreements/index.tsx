import HandshakeIcon from '@mui/icons-material/Handshake';
import { ArrayField, ChipField, Datagrid, DateField, List, NumberField, SearchInput, Show, SimpleShowLayout, TextField } from 'react-admin';

export default {
  icon: HandshakeIcon,
  recordRepresentation: 'title',
  list: () => (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <TextField source="degreeProgram.title" label="Program" sortable={false} />
        <ChipField source="status" sortable={false} />
        <DateField source="effectiveFrom" />
        <DateField source="effectiveTo" />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="degreeProgram.title" label="Program" />
        <ChipField source="status" />
        <DateField source="effectiveFrom" />
        <DateField source="effectiveTo" emptyText="open-ended" />
        <NumberField source="recencyYears" label="Recency limit (years)" />
        <TextField source="blockPathway.title" label="Block-credit pathway" emptyText="none" />
        <NumberField source="blockCredits" />
        <ArrayField source="mappings" label="Credit mappings">
          <Datagrid bulkActionButtons={false}>
            <TextField source="credential.title" label="Credential" />
            <NumberField source="credits" />
            <TextField source="courseEquivalent" label="Course" />
            <NumberField source="minMasteryLevel" label="Min. level" />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  ),
};
