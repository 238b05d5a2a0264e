import { DataTable, ReferenceManyField, SelectField, Show, TabbedShowLayout, TextField, UrlField } from 'react-admin';
import { humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { PathwayStatusField } from '../pathways/PathwayStatusField';
import { INSTITUTION_KINDS } from './kinds';

export const InstitutionShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <FactGrid label={false}>
          <TextField source="name" />
          <SelectField source="kind" choices={INSTITUTION_KINDS} />
          <TextField source="region" emptyText="—" />
          <UrlField source="websiteUrl" label="Website" emptyText="—" />
        </FactGrid>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Pathways" path="pathways">
        <ReferenceManyField label={false} reference="pathways" target="institutionId" sort={{ field: 'title', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="title" />
            <DataTable.Col source="version" disableSort />
            <DataTable.Col source="status" disableSort field={PathwayStatusField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Degree programs" path="programs">
        <ReferenceManyField label={false} reference="degreePrograms" target="institutionId" sort={{ field: 'title', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="title" />
            <DataTable.Col source="awardLevel" label="Award" disableSort render={(program: { awardLevel: string }) => humanize(program.awardLevel)} />
            <DataTable.NumberCol source="totalCredits" label="Credits" disableSort />
            <DataTable.Col source="cipCode" label="CIP" disableSort />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
