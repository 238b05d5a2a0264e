import { Box, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { ArrayField, DataTable, DateField, NumberField, Show, TabbedShowLayout, TextField, WithRecord } from 'react-admin';
import { humanize } from '../common/choices';
import { FactGrid } from '../common/FactGrid';
import { NoneYet } from '../common/NoneYet';
import { CoverageBar } from './CoverageBar';
import { PathwayStatusField } from './PathwayStatusField';

interface Stage {
  requirement: string;
  requiredCount: number | null;
  credentials: { title: string }[];
}

interface ReadinessCheck {
  check: string;
  passed: boolean;
  message: string;
}

const ReadinessChecks = () => (
  <WithRecord
    render={(pathway: { publishReadiness: { ready: boolean; checks: ReadinessCheck[] } }) => (
      <Box>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {pathway.publishReadiness.ready ? 'Ready to publish' : 'Not ready to publish yet'}
        </Typography>
        {pathway.publishReadiness.checks.map((check) => (
          <Box key={check.check} sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.5 }}>
            {check.passed ? <CheckCircleIcon color="success" fontSize="small" /> : <CancelIcon color="error" fontSize="small" />}
            <Typography variant="body2">{check.message}</Typography>
          </Box>
        ))}
      </Box>
    )}
  />
);

export const PathwayShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Design">
        <TextField source="title" />
        <FactGrid label={false}>
          <PathwayStatusField source="status" />
          <NumberField source="version" />
          <TextField source="ownerInstitution.name" label="Owner" />
          <DateField source="reviewDueOn" label="Review due" emptyText="—" />
          <DateField source="publishedAt" label="Published" emptyText="Not yet" />
        </FactGrid>
        <TextField source="description" emptyText="—" />
        <ArrayField source="destinations" label="Leads to">
          <DataTable bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="socCode" label="SOC code" />
            <DataTable.Col source="title" />
          </DataTable>
        </ArrayField>
        <ArrayField source="stages">
          <DataTable bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.NumberCol source="position" label="#" />
            <DataTable.Col source="title" />
            <DataTable.Col label="Requirement" render={(stage: Stage) => (stage.requirement === 'ALL' ? 'All of them' : `At least ${stage.requiredCount}`)} />
            <DataTable.Col label="Credentials" render={(stage: Stage) => stage.credentials.map((credential) => credential.title).join(', ')} />
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Coverage" path="coverage">
        <CoverageBar detailed />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Partners" path="partners">
        <ArrayField source="partners" label={false}>
          <DataTable bulkActionButtons={false} empty={<NoneYet />}>
            <DataTable.Col source="employer.name" label="Employer" />
            <DataTable.Col source="role" render={(partner: { role: string }) => humanize(partner.role)} />
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Publish readiness" path="readiness">
        <ReadinessChecks />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
