import { Alert, Box, Card, CardContent, Checkbox, Chip, FormControlLabel, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { humanize } from '../common/choices';
import { formatDate } from '../common/dates';
import { usePhone } from '../common/usePhone';
import { CreditBar } from './CreditBar';
import { fetchWhatIf } from './queries';
import { Route, RouteItemStatus } from './route';
import { countingAgreements, creditsText, formatCredits, routeRows } from './routeRows';

const STATUS_TONES: Record<RouteItemStatus, 'success' | 'default' | 'warning' | 'error'> = {
  COUNTED: 'success',
  DUPLICATE: 'default',
  EXPIRED: 'warning',
  LEVEL_TOO_LOW: 'warning',
  NOT_YET_AWARDED: 'default',
  NO_AGREEMENT: 'default',
  REVOKED: 'error',
};

const Figure = ({ label, value, strong }: { label: string; value: string; strong?: boolean }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant={strong ? 'h6' : 'body1'} sx={{ fontWeight: strong ? 700 : 500 }} data-figure={label}>
      {value}
    </Typography>
  </Box>
);

/** The figures of a route side by side, as many to a line as fit. */
const Figures = ({ children }: { children: ReactNode }) => <Stack direction="row" sx={{ mb: 1, flexWrap: 'wrap', columnGap: 4, rowGap: 1 }}>{children}</Stack>;

const StatusChip = ({ status }: { status: RouteItemStatus }) => <Chip size="small" variant="outlined" color={STATUS_TONES[status]} label={humanize(status)} sx={{ fontWeight: 600 }} />;

/** On a phone the four columns do not fit: each line of the route is a small card, its credits beside its source. */
const RouteList = ({ route }: { route: Route }) => (
  <Box component="ul" aria-label={`Credit toward ${route.degreeProgram.title}`} sx={{ listStyle: 'none', p: 0, m: 0 }}>
    {routeRows(route).map((row) => (
      <Box component="li" key={row.key} sx={{ py: 1, px: 1, borderTop: '1px solid', borderColor: 'divider', ...(row.kind === 'applied' ? { bgcolor: 'action.hover', fontWeight: 700 } : {}) }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, alignItems: 'baseline' }}>
          <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}>
            {row.source}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }} data-testid="route-row-credits">
            {creditsText(row.credits)}
          </Typography>
        </Stack>
        {row.awardedOn && (
          <Typography variant="caption" color="text.secondary" component="div">
            Awarded {formatDate(row.awardedOn)}
          </Typography>
        )}
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
          {row.status && <StatusChip status={row.status} />}
          <Typography variant="body2" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {row.why}
          </Typography>
        </Stack>
      </Box>
    ))}
  </Box>
);

const RouteTable = ({ route }: { route: Route }) => (
  <Table size="small" aria-label={`Credit toward ${route.degreeProgram.title}`}>
    <TableHead>
      <TableRow>
        <TableCell>Source</TableCell>
        <TableCell>Awarded</TableCell>
        <TableCell align="right">Credits</TableCell>
        <TableCell>Why</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {routeRows(route).map((row) => {
        const total = row.kind === 'applied';
        return (
          <TableRow key={row.key} sx={total ? { bgcolor: 'action.hover', '& td': { fontWeight: 700 } } : undefined}>
            <TableCell>{row.source}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(row.awardedOn)}</TableCell>
            <TableCell align="right">{formatCredits(row.credits)}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                {row.status && <StatusChip status={row.status} />}
                <span>{row.why}</span>
              </Stack>
            </TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);

/** Credentials worth trying: those a counting agreement maps that the learner holds no valid award of. */
function whatIfCandidates(route: Route) {
  const counted = new Set(route.items.filter((item) => item.status === 'COUNTED' || item.status === 'DUPLICATE').map((item) => item.credential.id));
  const candidates = new Map<string, { id: string; title: string; credits: number; workloadHours: number }>();
  for (const agreement of countingAgreements(route)) {
    for (const mapping of agreement.mappings) {
      if (counted.has(mapping.credential.id)) continue;
      const known = candidates.get(mapping.credential.id);
      if (!known || known.credits < mapping.credits) candidates.set(mapping.credential.id, { ...mapping.credential, credits: mapping.credits });
    }
  }
  return [...candidates.values()].sort((a, b) => a.title.localeCompare(b.title));
}

const difference = (after: number, before: number) => {
  const change = after - before;
  return change === 0 ? 'no change' : `${change > 0 ? '+' : '−'}${formatCredits(Math.abs(change))}`;
};

const WhatIf = ({ route, learnerId }: { route: Route; learnerId: string }) => {
  const [ticked, setTicked] = useState<string[]>([]);
  const candidates = whatIfCandidates(route);
  const { data: result, error, isFetching } = useQuery({
    queryKey: ['whatIf', learnerId, route.degreeProgram.id, route.asOf, ticked],
    queryFn: () => fetchWhatIf(learnerId, route.degreeProgram.id, route.asOf, ticked),
    enabled: ticked.length > 0,
  });
  const toggle = (id: string) => setTicked((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  if (!candidates.length) return null;
  return (
    <Box sx={{ mt: 3 }} aria-label="What if">
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        What if the learner earned…
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Tick credentials to see the credit they would add. Nothing is saved.
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 3 }}>
        {candidates.map((candidate) => (
          <FormControlLabel
            key={candidate.id}
            control={<Checkbox checked={ticked.includes(candidate.id)} onChange={() => toggle(candidate.id)} />}
            label={`${candidate.title} (${creditsText(candidate.credits)}, ${formatCredits(candidate.workloadHours)} h)`}
          />
        ))}
      </Stack>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {ticked.length > 0 && result && !isFetching && (
        <Box sx={{ mt: 1 }} data-testid="what-if-result">
          <Figures>
            <Figure label="Applied with these" value={`${formatCredits(result.appliedCredits)} (${difference(result.appliedCredits, route.appliedCredits)})`} strong />
            <Figure label="Remaining with these" value={`${formatCredits(result.remainingCredits)} (${difference(result.remainingCredits, route.remainingCredits)})`} strong />
            <Figure label="Articulated" value={formatCredits(result.articulatedCredits)} />
            <Figure label="Block credit" value={formatCredits(result.blockCredits)} />
            <Figure label="Cut by limits" value={formatCredits(result.creditsCutByLimits)} />
          </Figures>
          <CreditBar bars={[{ label: 'Now', figures: route }, { label: 'With ticked', figures: result }]} />
        </Box>
      )}
    </Box>
  );
};

export const RouteCard = ({ route, learnerId }: { route: Route; learnerId: string }) => {
  const program = route.degreeProgram;
  const phone = usePhone();
  return (
    <Card variant="outlined" sx={{ mb: 3 }} component="section" aria-label={program.title}>
      <CardContent>
        <Typography variant="h6" sx={{ fontWeight: 700 }}>
          {program.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {program.institution.name} · {program.totalCredits} credits, {program.residencyCredits} in residence · prior learning up to{' '}
          {Math.round(program.priorLearningCap * 100)}% · as of {route.asOf}
        </Typography>
        <Figures>
          <Figure label="Applied" value={`${formatCredits(route.appliedCredits)} of ${program.totalCredits}`} strong />
          <Figure label="Remaining" value={formatCredits(route.remainingCredits)} strong />
          <Figure label="Articulated" value={formatCredits(route.articulatedCredits)} />
          <Figure label="Block credit" value={formatCredits(route.blockCredits)} />
          <Figure label="Prior learning" value={formatCredits(route.priorLearningCredits)} />
          <Figure label="Cut by limits" value={formatCredits(route.creditsCutByLimits)} />
        </Figures>
        <CreditBar bars={[{ label: 'Credit', figures: route }]} />
        {phone ? <RouteList route={route} /> : <RouteTable route={route} />}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ mt: 3 }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
              Missing for block credit
            </Typography>
            {route.missingCredentials.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {route.missingCredentials.map((credential) => (
                  <li key={credential.id}>{credential.title}</li>
                ))}
              </ul>
            ) : (
              <Typography variant="body2" color="text.secondary">
                Nothing missing
              </Typography>
            )}
          </Box>
          <Box sx={{ flex: 2 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
              Next steps
            </Typography>
            {route.nextSteps.length ? (
              <ol style={{ margin: 0, paddingLeft: 20 }} aria-label="Next steps">
                {route.nextSteps.map((step) => (
                  <li key={step.credential.id}>
                    {step.credential.title}: +{creditsText(step.creditsGained)} for {formatCredits(step.workloadHours)} hours (
                    {formatCredits(step.creditsPerHour)} per hour)
                  </li>
                ))}
              </ol>
            ) : (
              <Typography variant="body2" color="text.secondary">
                No credential would add credit
              </Typography>
            )}
          </Box>
        </Stack>
        <WhatIf route={route} learnerId={learnerId} />
      </CardContent>
    </Card>
  );
};
