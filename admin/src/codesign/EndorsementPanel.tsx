import { Box, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { humanize } from '../common/choices';
import { edit } from './designerApi';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';
import { formatDate } from '../common/dates';

const COMMITMENTS = ['INTERVIEW_GUARANTEE', 'HIRING_INTENT', 'PAID_RELEASE_TIME', 'WORK_BASED_PLACEMENT'];

/** The employer's signed validation of this version: what it says, and what the employer commits to. */
function EndorseForm({ onDone }: { onDone: () => void }) {
  const { pathway, viewer, run, busy } = useDesigner();
  const [statement, setStatement] = useState('');
  const [commitment, setCommitment] = useState('');
  const [signatoryName, setSignatoryName] = useState(viewer?.user?.displayName ?? '');
  const [signatoryTitle, setSignatoryTitle] = useState('');
  const save = async () => {
    const done = await run(
      () =>
        edit('endorsementCreate', 'EndorsementCreateInput', {
          pathwayId: pathway.id,
          employerId: viewer?.employer?.id,
          statement: statement.trim(),
          commitment: commitment || null,
          signatoryName: signatoryName.trim(),
          signatoryTitle: signatoryTitle.trim() || null,
        }),
      `${viewer?.employer?.name ?? 'Your employer'} endorsed version ${pathway.version}`,
    );
    if (done) onDone();
  };
  return (
    <Box data-testid="endorse-form" sx={{ mt: 1 }}>
      <TextField label="Endorsement statement" value={statement} onChange={(event) => setStatement(event.target.value)} multiline minRows={2} />
      <TextField select label="Commitment" value={commitment} onChange={(event) => setCommitment(event.target.value)}>
        <MenuItem value="">No commitment</MenuItem>
        {COMMITMENTS.map((value) => (
          <MenuItem key={value} value={value}>
            {humanize(value)}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" sx={{ gap: 1 }}>
        <TextField label="Signed by" value={signatoryName} onChange={(event) => setSignatoryName(event.target.value)} />
        <TextField label="Job title" value={signatoryTitle} onChange={(event) => setSignatoryTitle(event.target.value)} />
      </Stack>
      <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
        <Button variant="contained" onClick={save} disabled={busy || !statement.trim() || !signatoryName.trim()}>
          Sign endorsement
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </Stack>
    </Box>
  );
}

export function EndorsementPanel() {
  const { pathway, allowed, viewer } = useDesigner();
  const [endorsing, setEndorsing] = useState(false);
  const endorsedAlready = pathway.endorsements.some((endorsement) => endorsement.current && endorsement.employer.id === viewer?.employer?.id);
  return (
    <Panel
      title="Endorsements"
      subtitle="Employers' signed validation of this version"
      action={allowed.endorse && !endorsedAlready && !endorsing && <Button variant="outlined" onClick={() => setEndorsing(true)}>Endorse</Button>}
      testId="endorsements"
    >
      {pathway.endorsements.map((endorsement) => (
        <Box key={endorsement.id} data-testid="endorsement" sx={{ py: 1, borderTop: '1px solid', borderColor: 'divider' }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {endorsement.employer.name}
            </Typography>
            {endorsement.commitment && <Chip size="small" color="secondary" variant="outlined" label={humanize(endorsement.commitment)} />}
            {!endorsement.current && <Chip size="small" label="No longer current" />}
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            “{endorsement.statement}”
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {endorsement.signatoryName}
            {endorsement.signatoryTitle && `, ${endorsement.signatoryTitle}`} · {formatDate(endorsement.endorsedOn)}
          </Typography>
        </Box>
      ))}
      {pathway.endorsements.length === 0 && !endorsing && (
        <Typography variant="body2" color="text.secondary">
          No endorsements yet{allowed.endorse ? '' : '. Partners can endorse once the version is in review.'}
        </Typography>
      )}
      {endorsing && <EndorseForm onDone={() => setEndorsing(false)} />}
    </Panel>
  );
}
