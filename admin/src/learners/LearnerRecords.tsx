import { creditsText } from '../advising/routeRows';
import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Chip, Stack, Typography } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { humanize } from '../common/choices';
import { InlineTable, titledReference } from '../common/InlineTable';

interface Award {
  id: string;
  awardedOn: string;
  masteryLevel: number | null;
  evidenceUrl: string | null;
  revoked: boolean;
  revocationReason: string | null;
  credential: { id: string; title: string };
}

interface Claim {
  id: string;
  title: string;
  status: 'SUBMITTED' | 'APPROVED' | 'DENIED';
  evidence: string;
  creditsRequested: number;
  creditsApproved: number | null;
  decisionReason: string | null;
  degreeProgram: { id: string; title: string };
}

interface LearnerRecord {
  id: string;
  revision: number;
  /** Absent while the page shows the list's copy of the record, before its own query answers. */
  awards?: Award[];
  priorLearningClaims?: Claim[];
}

const CLAIM_TONES = { SUBMITTED: 'info', APPROVED: 'success', DENIED: 'default' } as const;

export const AwardsEditor = () => {
  const learner = useRecordContext<LearnerRecord>();
  const { canAccess } = useCanAccess({ resource: 'learners', action: 'edit' });
  if (!learner) return null;
  return (
    <InlineTable<Award>
      label="Credentials earned"
      rows={[...(learner.awards ?? [])].sort((a, b) => a.awardedOn.localeCompare(b.awardedOn))}
      typeName="Award"
      createInput={{ learnerId: learner.id }}
      revision={learner.revision}
      editable={canAccess ?? false}
      addLabel="Record an award"
      emptyText="No credentials earned yet"
      rowEditable={(award) => !award.revoked}
      rowActions={(award) =>
        canAccess && !award.revoked ? (
          <ActionDialog
            label="Revoke"
            icon={<BlockIcon />}
            color="error"
            title={`Revoke ${award.credential.title}`}
            mutation="awardRevoke"
            inputType="AwardRevokeInput"
            id={award.id}
            fields={[{ field: 'reason', label: 'Reason', required: true }]}
            done="Award revoked"
          />
        ) : null
      }
      columns={[
        titledReference<Award>('credentialId', 'Credential', 'credentials', (award) => award.credential),
        { field: 'awardedOn', label: 'Awarded', kind: 'date', value: (award) => award.awardedOn, width: 170 },
        { field: 'masteryLevel', label: 'Mastery level', kind: 'number', align: 'right', value: (award) => award.masteryLevel, display: (award) => award.masteryLevel ?? '—', width: 130 },
        { field: 'evidenceUrl', label: 'Evidence link', value: (award) => award.evidenceUrl, display: (award) => award.evidenceUrl ?? '—' },
        {
          field: 'revoked',
          label: 'Standing',
          readOnly: true,
          value: (award) => award.revoked,
          display: (award) =>
            award.revoked ? <Chip size="small" color="error" variant="outlined" label={`Revoked: ${award.revocationReason ?? ''}`} /> : <Chip size="small" color="success" variant="outlined" label="Valid" />,
        },
      ]}
    />
  );
};

const ClaimDecision = ({ claim }: { claim: Claim }) => {
  const { canAccess: decides } = useCanAccess({ resource: 'priorLearningClaims', action: 'decide' });
  if (!decides || claim.status !== 'SUBMITTED') return null;
  return (
    <Stack direction="row" sx={{ display: 'inline-flex' }}>
      <ActionDialog
        label="Approve"
        icon={<CheckIcon />}
        color="success"
        title={`Approve "${claim.title}"`}
        mutation="priorLearningClaimApprove"
        inputType="PriorLearningClaimApproveInput"
        id={claim.id}
        fields={[
          { field: 'creditsApproved', label: 'Credits approved', kind: 'number', required: true, initial: claim.creditsRequested, helperText: `${claim.creditsRequested} requested` },
          { field: 'reason', label: 'Note (optional)' },
        ]}
        done="Claim approved"
      />
      <ActionDialog
        label="Deny"
        icon={<CloseIcon />}
        color="error"
        title={`Deny "${claim.title}"`}
        mutation="priorLearningClaimDeny"
        inputType="PriorLearningClaimDenyInput"
        id={claim.id}
        fields={[{ field: 'reason', label: 'Reason', required: true }]}
        done="Claim denied"
      />
    </Stack>
  );
};

export const ClaimsEditor = () => {
  const learner = useRecordContext<LearnerRecord>();
  const { canAccess: submits } = useCanAccess({ resource: 'priorLearningClaims', action: 'create' });
  if (!learner) return null;
  return (
    <InlineTable<Claim>
      label="Prior learning"
      rows={learner.priorLearningClaims ?? []}
      typeName="PriorLearningClaim"
      createInput={{ learnerId: learner.id }}
      revision={learner.revision}
      editable={submits ?? false}
      addLabel="Submit a claim"
      emptyText="No prior-learning claims"
      rowEditable={(claim) => claim.status === 'SUBMITTED'}
      rowActions={(claim) => <ClaimDecision claim={claim} />}
      columns={[
        titledReference<Claim>('degreeProgramId', 'Toward', 'degreePrograms', (claim) => claim.degreeProgram),
        { field: 'title', label: 'Experience', value: (claim) => claim.title },
        { field: 'evidence', label: 'Evidence', kind: 'multiline', value: (claim) => claim.evidence },
        { field: 'creditsRequested', label: 'Requested', kind: 'number', align: 'right', value: (claim) => claim.creditsRequested, width: 110 },
        {
          field: 'status',
          label: 'Decision',
          readOnly: true,
          value: (claim) => claim.status,
          display: (claim) => (
            <Stack spacing={0.5}>
              <Chip size="small" variant="outlined" color={CLAIM_TONES[claim.status]} label={claim.status === 'APPROVED' ? `Approved: ${creditsText(claim.creditsApproved ?? 0)}` : humanize(claim.status)} sx={{ width: 'fit-content' }} />
              {claim.decisionReason && (
                <Typography variant="caption" color="text.secondary">
                  {claim.decisionReason}
                </Typography>
              )}
            </Stack>
          ),
        },
      ]}
    />
  );
};
