import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { edit, Option, searchOccupations } from './designerApi';
import { Panel } from './Panel';
import { SearchAutocomplete } from './SearchAutocomplete';
import { useDesigner } from './useDesigner';

const wage = (value: number | null) => (value === null ? null : `median ${value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })} a year`);

function AddOffRamp() {
  const { pathway, run, busy } = useDesigner();
  const [credentialId, setCredentialId] = useState('');
  const [occupation, setOccupation] = useState<Option | null>(null);
  const credentials = pathway.stages.flatMap((stage) => stage.entries.map((entry) => entry.credential));
  const add = async () => {
    if (!occupation) return;
    const done = await run(
      (revision) => edit('pathwayOffRampCreate', 'PathwayOffRampCreateInput', { pathwayId: pathway.id, credentialId, occupationId: occupation.id, expectedRevision: revision }),
      'Off-ramp added',
    );
    if (done) {
      setCredentialId('');
      setOccupation(null);
    }
  };
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
      <TextField select label="After earning" value={credentialId} onChange={(event) => setCredentialId(event.target.value)} margin="none" sx={{ width: { xs: '100%', sm: 230 } }}>
        {credentials.map((credential) => (
          <MenuItem key={credential.id} value={credential.id}>
            {credential.title}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ flex: 1, minWidth: 200 }}>
        {occupation ? (
          <Typography variant="body2">
            leads to <strong>{occupation.label}</strong>{' '}
            <Button size="small" onClick={() => setOccupation(null)}>
              Change
            </Button>
          </Typography>
        ) : (
          <SearchAutocomplete name="offRampOccupations" label="Occupation it leads to" search={searchOccupations} onPick={setOccupation} disabled={busy} />
        )}
      </Box>
      <Button onClick={add} disabled={busy || !credentialId || !occupation}>
        Add off-ramp
      </Button>
    </Stack>
  );
}

/** Where the pathway leads, and the credentials partway through that already lead to a job. */
export function DestinationsPanel() {
  const { pathway, allowed, run, busy, removeWithUndo } = useDesigner();
  return (
    <Panel title="Destinations and off-ramps" testId="destinations">
      <Typography variant="subtitle2">Leads to</Typography>
      {pathway.destinationLinks.map((link) => (
        <Stack key={link.id} data-item="destination" direction="row" sx={{ alignItems: 'center', gap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider' }}>
          <Typography variant="body2" sx={{ flex: 1 }}>
            <strong>{link.occupation.title}</strong>{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              SOC {link.occupation.socCode}
              {wage(link.occupation.medianAnnualWage) && ` · ${wage(link.occupation.medianAnnualWage)}`}
            </Box>
          </Typography>
          {allowed.edit && (
            <IconButton size="small" aria-label={`Remove destination ${link.occupation.title}`} data-remove disabled={busy} onClick={() => removeWithUndo(link.id, `Destination ${link.occupation.title} removed`, (revision) => edit('pathwayDestinationDelete', 'PathwayDestinationDeleteInput', { id: link.id, expectedRevision: revision }))}>
              <CloseIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {pathway.destinationLinks.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No destination occupation yet
        </Typography>
      )}
      {allowed.edit && (
        <Box sx={{ mt: 1, maxWidth: 420 }}>
          <SearchAutocomplete
            name="destinations"
            label="Add a destination occupation"
            search={searchOccupations}
            exclude={pathway.destinationLinks.map((link) => link.occupation.id)}
            disabled={busy}
            onPick={(option) => run((revision) => edit('pathwayDestinationCreate', 'PathwayDestinationCreateInput', { pathwayId: pathway.id, occupationId: option.id, expectedRevision: revision }), `${option.label} added`)}
          />
        </Box>
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Off-ramps
      </Typography>
      {pathway.offRamps.map((ramp) => (
        <Stack key={ramp.id} data-item="offRamp" direction="row" sx={{ alignItems: 'center', gap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider' }}>
          <Typography variant="body2" sx={{ flex: 1 }}>
            After <strong>{ramp.credential.title}</strong>, a learner can work as {ramp.occupation.title} (SOC {ramp.occupation.socCode})
          </Typography>
          {allowed.edit && (
            <IconButton size="small" aria-label={`Remove off-ramp after ${ramp.credential.title}`} data-remove disabled={busy} onClick={() => removeWithUndo(ramp.id, `Off-ramp after ${ramp.credential.title} removed`, (revision) => edit('pathwayOffRampDelete', 'PathwayOffRampDeleteInput', { id: ramp.id, expectedRevision: revision }))}>
              <CloseIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {pathway.offRamps.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          None: learners leave with a job at the end of the pathway
        </Typography>
      )}
      {allowed.edit && <AddOffRamp />}
    </Panel>
  );
}
