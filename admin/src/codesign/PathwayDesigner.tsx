import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { HttpError, Link as RaLink, useAuthenticated, useCreatePath } from 'react-admin';
import { DeferredMount } from '../common/DeferredMount';
import { useFirstContent } from '../common/firstContent';
import { PageTitle } from '../common/PageTitle';
import { useParams } from 'react-router';
import { humanize } from '../common/choices';
import { lazyPanel } from '../common/lazyPanel';
import { ReadinessChecklist } from './ReadinessChecklist';
import { DesignerContext, SaveState, useDesigner, useDesignerState } from './useDesigner';
import { formatDate } from '../common/dates';

// Each panel's code is its own chunk, so the designer shows without the form controls, drag and
// drop and charts of its panels. Their code is fetched together once the pathway's header (its
// title and description) has been painted: fetched while the pathway loaded, the stage board's
// drag and drop, dialogs and autocomplete (about 75 kB) held the header back on a slow phone.
const StageBoard = lazyPanel(() => import('./StageBoard'), 'StageBoard', { height: 360 });
const LifecycleActions = lazyPanel(() => import('./LifecycleActions'), 'LifecycleActions', { height: 36 });
const DestinationsPanel = lazyPanel(() => import('./DestinationsPanel'), 'DestinationsPanel', { height: 180 });
const PartnersPanel = lazyPanel(() => import('./PartnersPanel'), 'PartnersPanel', { height: 220 });
const EndorsementPanel = lazyPanel(() => import('./EndorsementPanel'), 'EndorsementPanel', { height: 200 });
const CoverageChart = lazyPanel(() => import('./CoverageChart'), 'CoverageChart', { height: 360 });
const Discussion = lazyPanel(() => import('./Discussion'), 'Discussion', { height: 300 });
const VersionHistory = lazyPanel(() => import('./VersionHistory'), 'VersionHistory', { height: 200 });

const TONES: Record<string, 'default' | 'info' | 'warning' | 'primary' | 'success'> = {
  DRAFT: 'default', IN_REVIEW: 'info', CHANGES_REQUESTED: 'warning', APPROVED: 'primary', PUBLISHED: 'success', RETIRED: 'default',
};

const STATUS_HELP: Record<string, string> = {
  DRAFT: 'Being co-designed: partners and the college can change it.',
  IN_REVIEW: 'Waiting for the validating partner to approve it or ask for changes.',
  CHANGES_REQUESTED: 'The validating partner asked for changes: edit, then submit again.',
  APPROVED: 'Approved by the validating partner: the college can publish it once every check passes.',
  PUBLISHED: 'Published and frozen: start a revision to change it.',
  RETIRED: 'Retired: kept for the record.',
};

const SAVE_WORDS: Record<Exclude<SaveState, 'idle'>, string> = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' };

/** Every edit in the designer saves by itself: this says when it is under way and when it is done. */
function SaveIndicator() {
  const { saveState } = useDesigner();
  return (
    <Typography role="status" aria-live="polite" variant="body2" color={saveState === 'failed' ? 'error' : 'text.secondary'} data-testid="save-state" sx={{ minHeight: 20 }}>
      {saveState === 'idle' ? '' : SAVE_WORDS[saveState]}
    </Typography>
  );
}

function Header() {
  const { pathway, allowed, viewer } = useDesigner();
  const createPath = useCreatePath();
  const myRole = allowed.partnerRole ? `You are the ${humanize(allowed.partnerRole).toLowerCase()} partner` : viewer?.role === 'INSTITUTION_STAFF' && viewer.institution?.id === pathway.ownerInstitution.id ? 'Your college owns this pathway' : null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ justifyContent: 'space-between', gap: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {pathway.title}
              </Typography>
              <Chip label={humanize(pathway.status)} color={TONES[pathway.status]} variant="outlined" size="small" sx={{ fontWeight: 600 }} data-testid="pathway-status" />
              <Chip label={`Version ${pathway.version}`} size="small" />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {pathway.ownerInstitution.name}
              {pathway.reviewDueOn && ` · review due ${formatDate(pathway.reviewDueOn)}`}
              {myRole && ` · ${myRole}`}
            </Typography>
            {pathway.description && (
              <Typography variant="body1" sx={{ mt: 1, maxWidth: 760 }}>
                {pathway.description}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {STATUS_HELP[pathway.status]}
            </Typography>
            {pathway.approvedBy && (pathway.status === 'APPROVED' || pathway.status === 'PUBLISHED') && (
              <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="approved-by">
                Approved by {pathway.approvedBy}
              </Typography>
            )}
          </Box>
          <Stack sx={{ gap: 1, alignItems: { md: 'flex-end' }, flexShrink: 0 }}>
            <SaveIndicator />
            <LifecycleActions />
            {allowed.edit && (
              <Button component={RaLink} to={createPath({ resource: 'pathways', id: pathway.id, type: 'edit' })} startIcon={<EditIcon />} size="small">
                Edit title and description
              </Button>
            )}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

function ConflictNotice() {
  const { conflict, reload, busy } = useDesigner();
  if (!conflict) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" onClick={reload} disabled={busy}>
          Reload
        </Button>
      }
    >
      Someone else changed this pathway: reload to see their changes. What you typed stays here.
    </Alert>
  );
}

const Centered = ({ children }: { children: React.ReactNode }) => <Box sx={{ py: 8, textAlign: 'center' }}>{children}</Box>;

const loading = (
  <Centered>
    <CircularProgress />
  </Centered>
);

/** The co-design page of one pathway version: the design on the left, what to act on at the right. */
export const PathwayDesigner = () => {
  useAuthenticated();
  const createPath = useCreatePath();
  const { id = '' } = useParams();
  const { value, error, isPending } = useDesignerState(decodeURIComponent(id));
  // The design itself is drawn behind DeferredMount, which says when; the refusal is drawn here.
  useFirstContent(!isPending && !value);
  if (isPending) return loading;
  if (!value) {
    const forbidden = error instanceof HttpError && error.status === 403;
    return (
      <Centered>
        <PageTitle title="Pathway" />
        <Typography variant="h6">{forbidden || !error ? 'This pathway is not shared with you' : 'The pathway could not be loaded'}</Typography>
        <Typography variant="body2" color="text.secondary">
          {forbidden || !error ? 'Drafts are visible to the owning college and its employer partners only.' : String(error)}
        </Typography>
        <Button component={RaLink} to={createPath({ resource: 'pathways', type: 'list' })} sx={{ mt: 2 }}>
          Back to pathways
        </Button>
      </Centered>
    );
  }
  // The page's frame commits first; the design renders in slices after it (see DeferredMount).
  return (
    <DeferredMount fallback={loading}>
      <DesignerContext.Provider value={value}>
        <PageTitle title={`${value.pathway.title} · v${value.pathway.version}`} />
        <Box sx={{ pt: 2 }}>
          <ConflictNotice />
          <Header />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
            <Box sx={{ minWidth: 0 }}>
              <StageBoard />
              <DestinationsPanel />
              <PartnersPanel />
              <EndorsementPanel />
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <CoverageChart />
              <ReadinessChecklist />
              <Discussion />
              <VersionHistory />
            </Box>
          </Box>
        </Box>
      </DesignerContext.Provider>
    </DeferredMount>
  );
};
