import { DataTable, NumberField, ReferenceManyField, Show, TabbedShowLayout, TextField, WithRecord } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { CredentialStatusField } from '../credentials/CredentialStatusField';
import { PathwayStatusField } from '../pathways/PathwayStatusField';
import { CompetencyLinks } from './CompetencyLinks';
import { WAGE_FORMAT, YEAR_FORMAT } from './format';

const TaskList = () => (
  <WithRecord
    render={(occupation: { tasks?: string[] }) =>
      occupation.tasks?.length ? (
        <ol style={{ margin: 0, paddingLeft: 20, lineHeight: 1.7 }}>
          {occupation.tasks.map((task) => (
            <li key={task}>{task}</li>
          ))}
        </ol>
      ) : (
        <NoneYet>No tasks recorded</NoneYet>
      )
    }
  />
);

export const OccupationShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <TextField source="title" />
        <FactGrid label={false}>
          <TextField source="socCode" label="SOC code" />
          <TextField source="onetSocCode" label="O*NET-SOC code" emptyText="—" />
          <NumberField source="medianAnnualWage" label="Median annual wage" options={WAGE_FORMAT} emptyText="—" />
          <TextField source="wageSource" label="Wage source" emptyText="—" />
          <NumberField source="wageYear" label="Wage year" options={YEAR_FORMAT} emptyText="—" />
          <TextField source="typicalEducation" label="Typical education" emptyText="—" />
          <NumberField source="jobZone" label="Job zone" emptyText="—" />
        </FactGrid>
        <TextField source="description" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Competencies" path="competencies">
        <CompetencyLinks />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Tasks" path="tasks">
        <TaskList />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Pathways and credentials" path="pathways">
        <ReferenceManyField label="Pathways leading here" reference="pathways" target="occupationId" sort={{ field: 'title', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="title" />
            <DataTable.Col source="ownerInstitution.name" label="Owner" disableSort />
            <DataTable.Col source="status" disableSort field={PathwayStatusField} />
          </DataTable>
        </ReferenceManyField>
        <ReferenceManyField label="Credentials preparing for it" reference="credentials" target="occupationId" sort={{ field: 'title', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="title" />
            <DataTable.NumberCol source="level" disableSort />
            <DataTable.Col source="status" disableSort field={CredentialStatusField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
