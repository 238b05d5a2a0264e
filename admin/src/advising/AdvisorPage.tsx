import { Alert, Autocomplete, Box, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useGetList, useGetOne } from 'react-admin';
import { useSearchParams } from 'react-router';
import { todayIso } from '../common/dates';
import { fetchRoutes } from './queries';
import { RouteCard } from './RouteCard';

interface LearnerOption {
  id: string;
  givenName: string;
  familyName: string;
  externalId: string | null;
  email: string;
}

const learnerLabel = (learner: LearnerOption) => `${learner.givenName} ${learner.familyName}${learner.externalId ? ` · ${learner.externalId}` : ''}`;

const LearnerPicker = ({ value, onChange }: { value: LearnerOption | null; onChange: (learner: LearnerOption | null) => void }) => {
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList<LearnerOption>('learners', { filter: { q: search }, pagination: { page: 1, perPage: 20 }, sort: { field: 'familyName', order: 'ASC' } });
  return (
    <Autocomplete
      sx={{ width: { xs: '100%', sm: 360 }, flex: 'none' }}
      options={value && !data.some((learner) => learner.id === value.id) ? [value, ...data] : data}
      value={value}
      loading={isPending}
      filterOptions={(options) => options}
      getOptionLabel={learnerLabel}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      onInputChange={(_event, text, reason) => reason === 'input' && setSearch(text)}
      onChange={(_event, learner) => onChange(learner)}
      renderInput={(params) => <TextField {...params} label="Learner" placeholder="Search by name or email" />}
    />
  );
};

const Routes = ({ learnerId, asOf }: { learnerId: string; asOf: string }) => {
  const { data: routes, error, isPending } = useQuery({ queryKey: ['learnerRoutes', learnerId, asOf], queryFn: () => fetchRoutes(learnerId, asOf) });
  if (isPending) return <CircularProgress sx={{ m: 4 }} />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!routes.length) return <Alert severity="info">No active agreement or approved prior learning connects this learner to a degree program yet.</Alert>;
  return (
    <>
      {routes.map((route) => (
        <RouteCard key={route.degreeProgram.id} route={route} learnerId={learnerId} />
      ))}
    </>
  );
};

/**
 * An advisor picks a learner and sees, per degree program, what their credentials and prior learning
 * are worth on the chosen date. The learner and date live in the address, so a view can be shared.
 */
export const AdvisorPage = () => {
  const [params, setParams] = useSearchParams();
  const learnerId = params.get('learner');
  const asOf = params.get('asOf') || todayIso();
  const { data: learner } = useGetOne<LearnerOption>('learners', { id: learnerId ?? '' }, { enabled: Boolean(learnerId) });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Advising" />
      <Card variant="outlined" sx={{ mb: 3 }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Pick a learner to see how their credentials and prior learning count toward each degree program, what is missing and what to earn next.
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { xs: 'stretch', sm: 'center' }, gap: { xs: 1, sm: 2 } }}>
            <LearnerPicker value={learnerId && learner ? learner : null} onChange={(picked) => update({ learner: picked?.id ?? null })} />
            <TextField
              type="date"
              label="As of"
              value={asOf}
              onChange={(event) => update({ asOf: event.target.value || null })}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ width: { xs: '100%', sm: 190 }, flex: 'none' }}
            />
            {learner && learnerId && (
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {learner.email}
              </Typography>
            )}
          </Stack>
        </CardContent>
      </Card>
      {learnerId ? <Routes learnerId={learnerId} asOf={asOf} /> : null}
    </Box>
  );
};
