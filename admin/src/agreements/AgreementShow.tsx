import { FunctionField, Labeled, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { FactGrid } from '../common/FactGrid';
import { AgreementStatusField } from './AgreementStatusField';
import { MappingsEditor } from './MappingsEditor';
import { ImportMappingsButton } from '../imports/ImportButtons';
import { DayField } from '../common/DayField';

export const AgreementShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <FactGrid label={false}>
        <TextField source="degreeProgram.title" label="Program" />
        <TextField source="issuer.name" label="Issuer" />
        <AgreementStatusField source="status" />
        <DayField source="effectiveFrom" label="Effective from" />
        <DayField source="effectiveTo" label="Effective to" emptyText="Open-ended" />
        <NumberField source="recencyYears" label="Recency limit (years)" emptyText="None" />
        <TextField source="signedBy" label="Signed by" emptyText="—" />
        <DayField source="signedOn" label="Signed on" emptyText="—" />
        <FunctionField
          label="Block credit"
          render={(agreement: { blockPathway: { title: string } | null; blockCredits: number | null }) =>
            agreement.blockPathway ? `${agreement.blockCredits ?? 0} for completing ${agreement.blockPathway.title}` : 'None'
          }
        />
      </FactGrid>
      <Labeled label="Credit mappings" fullWidth>
        <div>
          <ImportMappingsButton />
          <MappingsEditor />
        </div>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
