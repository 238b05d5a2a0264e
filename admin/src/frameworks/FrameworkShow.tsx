import { DataTable, ReferenceManyField, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';
import { humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { DayField } from '../common/DayField';

export const FrameworkShow = () => (
  <Show>
    <SimpleShowLayout spacing={2}>
      <TextField source="name" />
      <FactGrid label={false}>
        <TextField source="publisher" />
        <TextField source="version" emptyText="—" />
        <TextField source="jurisdiction" emptyText="—" />
        <UrlField source="sourceUrl" label="Source" emptyText="—" />
        <TextField source="caseIdentifier" label="CASE identifier" emptyText="—" />
        <DayField source="updatedAt" label="Last changed" showTime />
      </FactGrid>
      <TextField source="description" emptyText="—" />
      <ReferenceManyField label="Competencies" reference="competencies" target="frameworkId" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="code" />
          <DataTable.Col source="statement" disableSort />
          <DataTable.Col source="type" disableSort render={(competency: { type: string }) => humanize(competency.type)} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
