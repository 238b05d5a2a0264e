import { Box, Chip, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCreatePath } from 'react-admin';
import { humanize } from '../common/choices';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';

const dateTime = (value: string) => new Date(value).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Every version the viewer may see, newest first, each a link to its own designer page. */
export function VersionHistory() {
  const { pathway } = useDesigner();
  const createPath = useCreatePath();
  const versions = [...pathway.versions].sort((a, b) => b.version - a.version);
  return (
    <Panel title="Version history" testId="versions">
      {versions.map((version) => {
        const current = version.id === pathway.id;
        const when = version.publishedAt ? `Published ${dateTime(version.publishedAt)}` : `Last changed ${dateTime(version.updatedAt)}`;
        return (
          <Box key={version.id} data-testid="version" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.75, borderTop: '1px solid', borderColor: 'divider' }}>
            <Typography variant="body2" sx={{ fontWeight: 600, width: 84 }}>
              {current ? (
                `Version ${version.version}`
              ) : (
                <Link component={RouterLink} to={createPath({ resource: 'pathways', id: version.id, type: 'show' })}>
                  Version {version.version}
                </Link>
              )}
            </Typography>
            <Chip size="small" variant="outlined" label={humanize(version.status)} />
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              {when}
            </Typography>
            {current && <Chip size="small" color="primary" label="Viewing" />}
          </Box>
        );
      })}
    </Panel>
  );
}
