import { Box, Chip, Link, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useCreatePath } from 'react-admin';
import { humanize } from '../common/choices';
import { loadVersionActivity, VersionActivity } from './designerApi';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';
import { formatDateTime } from '../common/dates';

const dateTime = formatDateTime;

const STEPS: Record<string, string> = {
  pathwayCreate: 'Created',
  pathwaySubmitForReview: 'Submitted for review',
  pathwayApprove: 'Approved',
  pathwayRequestChanges: 'Changes requested',
  pathwayPublish: 'Published',
  pathwayRetire: 'Retired',
  pathwayStartRevision: 'Started',
};

/** Roles as people name whoever holds them, when the account itself is gone. */
const ROLE_WORDS: Record<string, string> = { INSTITUTION_STAFF: 'college staff member', EMPLOYER_PARTNER: 'employer partner', ADVISOR: 'advisor', ADMIN: 'administrator' };

/** "Approved by Victor Validator (Meridian Data Networks), Dec 1, 2026, 7:21 PM": the last thing that happened to a version, and by whom. */
const describe = (activity: VersionActivity, status: string) => {
  const role = ROLE_WORDS[activity.role] ?? humanize(activity.role).toLowerCase();
  const who = activity.authorName ? `${activity.authorName}${activity.authorOrganization ? ` (${activity.authorOrganization})` : ''}` : `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
  // Publishing a revision retires the version it replaces, in the same mutation.
  const step = status === 'RETIRED' && activity.mutation === 'pathwayPublish' ? 'Replaced by a newer version' : (STEPS[activity.mutation] ?? 'Edited');
  return `${step} by ${who}, ${dateTime(activity.at)}`;
};

/** Every version the viewer may see, newest first, each a link to its own designer page. */
export function VersionHistory() {
  const { pathway } = useDesigner();
  const createPath = useCreatePath();
  const versions = [...pathway.versions].sort((a, b) => b.version - a.version);
  const ids = versions.map((version) => version.id);
  const activity = useQuery({ queryKey: ['versionActivity', ...ids, pathway.revision, pathway.status], queryFn: () => loadVersionActivity(ids) });
  return (
    <Panel title="Version history" testId="versions">
      {versions.map((version) => {
        const current = version.id === pathway.id;
        const latest = activity.data?.get(version.id);
        const when = latest ? describe(latest, version.status) : version.publishedAt ? `Published ${dateTime(version.publishedAt)}` : `Last changed ${dateTime(version.updatedAt)}`;
        return (
          <Box key={version.id} data-testid="version" sx={{ py: 0.75, borderTop: '1px solid', borderColor: 'divider' }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {current ? (
                  `Version ${version.version}`
                ) : (
                  <Link component={RouterLink} to={createPath({ resource: 'pathways', id: version.id, type: 'show' })}>
                    Version {version.version}
                  </Link>
                )}
              </Typography>
              <Chip size="small" variant="outlined" label={humanize(version.status)} />
              <Box sx={{ flex: 1 }} />
              {current && <Chip size="small" color="primary" label="Viewing" />}
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
              {when}
            </Typography>
          </Box>
        );
      })}
    </Panel>
  );
}
