import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreatePath } from 'react-admin';
import { edit } from './designerApi';
import { Step } from './permissions';
import { useDesigner } from './useDesigner';

const LABELS: Record<Step, string> = {
  submitForReview: 'Submit for review',
  approve: 'Approve',
  requestChanges: 'Request changes',
  publish: 'Publish',
  retire: 'Retire',
  startRevision: 'Start a revision',
};

const DONE: Record<Step, string> = {
  submitForReview: 'Submitted for review',
  approve: 'Approved',
  requestChanges: 'Changes requested',
  publish: 'Published',
  retire: 'Retired',
  startRevision: 'A new draft version was started',
};

const MUTATIONS: Record<Step, string> = {
  submitForReview: 'pathwaySubmitForReview',
  approve: 'pathwayApprove',
  requestChanges: 'pathwayRequestChanges',
  publish: 'pathwayPublish',
  retire: 'pathwayRetire',
  startRevision: 'pathwayStartRevision',
};

/** Only the steps the viewer's role and the version's state allow; the API checks them again. */
export function LifecycleActions() {
  const { pathway, allowed, run, busy } = useDesigner();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [asking, setAsking] = useState<Step | null>(null);
  const [note, setNote] = useState('');

  const take = async (step: Step) => {
    let revised: string | null = null;
    const input = step === 'requestChanges' ? { id: pathway.id, note: note.trim() } : { id: pathway.id };
    const done = await run(async () => {
      const payload = await edit<{ pathway: { id: string } | null }>(MUTATIONS[step], `${MUTATIONS[step].charAt(0).toUpperCase()}${MUTATIONS[step].slice(1)}Input`, input, 'pathway { id } userErrors { field message code }');
      revised = step === 'startRevision' ? (payload.pathway?.id ?? null) : null;
    }, DONE[step]);
    if (!done) return;
    setAsking(null);
    setNote('');
    if (revised) navigate(createPath({ resource: 'pathways', id: revised, type: 'show' }));
  };

  if (allowed.steps.length === 0) return null;
  const unmet = pathway.publishReadiness.checks.filter((check) => !check.passed);
  const openRequests = pathway.comments.filter((comment) => comment.kind === 'CHANGE_REQUEST' && comment.resolution === null);
  // Like requested changes on a pull request: the version moves on only once each request is resolved.
  const why = (step: Step): string | null => {
    if ((step === 'submitForReview' || step === 'approve' || step === 'publish') && openRequests.length) {
      return `Resolve ${openRequests.length === 1 ? 'the open change request' : `the ${openRequests.length} open change requests`} in the discussion first`;
    }
    if (step === 'publish' && unmet.length) return `Still missing: ${unmet.map((check) => check.message.replace(/\.$/, '')).join('; ')}`;
    return null;
  };
  const reasons = [...new Set(allowed.steps.map(why).filter((reason): reason is string => reason !== null))];
  return (
    <Stack sx={{ gap: 1, alignItems: { md: 'flex-end' } }}>
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} role="group" aria-label="Lifecycle">
      {allowed.steps.map((step) => {
        const blocked = why(step) !== null;
        const confirm = step === 'requestChanges' || step === 'retire' || step === 'publish';
        return (
          <Button
            key={step}
            variant={step === 'requestChanges' || step === 'retire' ? 'outlined' : 'contained'}
            color={step === 'retire' ? 'inherit' : step === 'requestChanges' ? 'warning' : 'primary'}
            disabled={busy || blocked}
            aria-describedby={blocked ? 'lifecycle-blocked' : undefined}
            onClick={() => (confirm ? setAsking(step) : take(step))}
          >
            {LABELS[step]}
          </Button>
        );
      })}
      <Dialog open={asking !== null} onClose={() => setAsking(null)} fullWidth maxWidth="sm">
        <DialogTitle>{asking && LABELS[asking]}</DialogTitle>
        <DialogContent>
          {asking === 'requestChanges' && (
            <>
              <DialogContentText sx={{ mb: 1 }}>Say what should change. The co-designers see it as a change request beside the pathway.</DialogContentText>
              <TextField label="What should change" value={note} onChange={(event) => setNote(event.target.value)} multiline minRows={3} autoFocus />
            </>
          )}
          {asking === 'publish' && <DialogContentText>Publishing freezes version {pathway.version}: its stages and credentials will not change again, and it becomes visible to the public.</DialogContentText>}
          {asking === 'retire' && <DialogContentText>Retiring takes version {pathway.version} off the public listings. It stays in the version history.</DialogContentText>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)}>Cancel</Button>
          <Button variant="contained" disabled={busy || (asking === 'requestChanges' && !note.trim())} onClick={() => asking && take(asking)}>
            {asking && LABELS[asking]}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
      {reasons.length > 0 && (
        <Typography id="lifecycle-blocked" variant="body2" color="text.secondary" data-testid="lifecycle-blocked" sx={{ maxWidth: 420, textAlign: { md: 'right' } }}>
          {reasons.join('. ')}.
        </Typography>
      )}
    </Stack>
  );
}
