import { DataTable, ReferenceManyField, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { PathwayStatusField } from '../pathways/PathwayStatusField';
import { DayField } from '../common/DayField';

export const EmployerShow = () => (
  <Show>
    <SimpleShowLayout spacing={2}>
      <FactGrid label={false}>
        <TextField source="name" />
        <TextField source="naicsCode" label="NAICS code" emptyText="—" />
        <TextField source="region" emptyText="—" />
        <UrlField source="websiteUrl" label="Website" emptyText="—" />
        <DayField source="updatedAt" label="Last changed" showTime />
      </FactGrid>
      <TextField source="description" emptyText="—" />
      <ReferenceManyField label="Pathways it co-designs" reference="pathways" target="employerId" sort={{ field: 'title', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="title" />
          <DataTable.NumberCol source="version" disableSort />
          <DataTable.Col source="status" disableSort field={PathwayStatusField} />
          <DataTable.Col source="ownerInstitution.name" label="Owner" disableSort />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
