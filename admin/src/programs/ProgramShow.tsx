import { DataTable, NumberField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { AgreementStatusField } from '../agreements/AgreementStatusField';
import { AWARD_LEVELS } from './ProgramList';
import { DayField } from '../common/DayField';

export const ProgramShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <FactGrid label={false}>
        <TextField source="institution.name" label="Institution" />
        <SelectField source="awardLevel" label="Award" choices={AWARD_LEVELS} />
        <TextField source="cipCode" label="CIP code" emptyText="—" />
        <NumberField source="totalCredits" label="Total credits" />
        <NumberField source="residencyCredits" label="Residency credits" />
        <NumberField source="priorLearningCap" label="Prior-learning cap" options={{ style: 'percent' }} />
      </FactGrid>
      <ReferenceManyField label="Articulation agreements" reference="articulationAgreements" target="degreeProgramId" sort={{ field: 'title', order: 'ASC' }}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoneYet />}>
          <DataTable.Col source="title" />
          <DataTable.Col source="status" disableSort field={AgreementStatusField} />
          <DataTable.Col source="effectiveFrom" label="From" field={DayField} />
          <DataTable.Col source="effectiveTo" label="To" field={DayField} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
