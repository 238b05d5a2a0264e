import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, Chip, Typography } from '@mui/material';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';

const CHECK_NAMES: Record<string, string> = {
  MIN_TWO_CREDENTIALS: 'At least two credentials',
  CREDENTIALS_PUBLISHED_AND_ASSESSED: 'Every credential published and assessed',
  STAGE_REQUIREMENTS_VALID: 'Stage requirements can be met',
  NO_PREREQUISITE_CYCLE: 'No prerequisite cycle',
  CURRENT_ENDORSEMENT: 'A current employer endorsement',
};

export function ReadinessChecklist() {
  const { pathway } = useDesigner();
  const { ready, checks } = pathway.publishReadiness;
  const missing = checks.filter((check) => !check.passed).length;
  // "Ready to publish" only once approved: before that the validator's review still stands between.
  const label = !ready ? `${missing} to go` : pathway.status === 'APPROVED' ? 'Ready to publish' : pathway.status === 'PUBLISHED' || pathway.status === 'RETIRED' ? 'Every check passed' : 'Checks pass · needs approval';
  return (
    <Panel
      title="Publish readiness"
      action={<Chip size="small" color={ready && pathway.status === 'APPROVED' ? 'success' : 'default'} variant={ready && pathway.status === 'APPROVED' ? 'filled' : 'outlined'} label={label} />}
      testId="readiness"
    >
      {checks.map((check) => (
        <Box key={check.check} data-testid="readiness-check" data-passed={check.passed} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.75, borderTop: '1px solid', borderColor: 'divider' }}>
          {check.passed ? <CheckCircleIcon color="success" fontSize="small" titleAccess="Passed" /> : <CancelIcon color="error" fontSize="small" titleAccess="Not yet" />}
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {CHECK_NAMES[check.check] ?? check.check}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {check.message}
            </Typography>
          </Box>
        </Box>
      ))}
    </Panel>
  );
}
