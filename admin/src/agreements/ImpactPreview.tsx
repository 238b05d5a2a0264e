import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCanAccess } from 'react-admin';
import { formatCredits } from '../advising/routeRows';
import { gql } from '../graphql';

interface Impact {
  learnersConsidered: number;
  changes: { appliedBefore: number; appliedAfter: number; difference: number; learner: { id: string; givenName: string; familyName: string } }[];
}

const IMPACT = `query MappingImpact($agreementId: ID!, $change: AgreementChangeInput!) {
  agreementImpact(agreementId: $agreementId, change: $change) {
    learnersConsidered
    changes { appliedBefore appliedAfter difference learner { id givenName familyName } }
  }
}`;

const signed = (credits: number) => (credits > 0 ? `+${formatCredits(credits)}` : `−${formatCredits(-credits)}`);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What a mapping's new credit value would do to learners' applied credit, asked of agreementImpact
 * as the figure is typed (nothing is written): who would gain or lose, and by how much.
 */
export function ImpactPreview({ agreementId, credentialId, credits }: { agreementId: string; credentialId: unknown; credits: unknown }) {
  const { canAccess } = useCanAccess({ resource: 'agreementImpact', action: 'use' });
  const value = typeof credits === 'number' ? credits : typeof credits === 'string' && credits.trim() !== '' ? Number(credits) : NaN;
  const valid = typeof credentialId === 'string' && credentialId !== '' && Number.isFinite(value) && value >= 0 && value <= 200;
  // Asked once typing pauses, not on every keystroke.
  const [settled, setSettled] = useState<{ credentialId: string; credits: number } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(valid ? { credentialId: credentialId as string, credits: value } : null), 300);
    return () => clearTimeout(timer);
  }, [valid, credentialId, value]);
  const impact = useQuery({
    queryKey: ['mappingImpact', agreementId, settled],
    queryFn: () => gql<{ agreementImpact: Impact }>(IMPACT, { agreementId, change: { credits: [settled!] } }).then((data) => data.agreementImpact),
    enabled: Boolean(canAccess && settled),
    retry: false,
  });
  if (!canAccess || !valid) return null;
  return (
    <Box role="region" aria-label="Impact on learners" aria-live="polite" data-testid="mapping-impact">
      {impact.isFetching || !impact.data ? (
        <Typography variant="body2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <CircularProgress size={14} /> Checking which learners this would change…
        </Typography>
      ) : impact.error ? (
        <Alert severity="warning">The impact could not be worked out: {String((impact.error as Error).message)}</Alert>
      ) : impact.data.changes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Saving this changes no learner&apos;s applied credit ({plural(impact.data.learnersConsidered, 'learner', 'learners')} checked).
        </Typography>
      ) : (
        <Alert severity={impact.data.changes.some((change) => change.difference < 0) ? 'warning' : 'info'}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Saving this changes {plural(impact.data.changes.length, 'learner\'s', 'learners\'')} applied credit:
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {impact.data.changes.map((change) => (
              <li key={change.learner.id}>
                {change.learner.givenName} {change.learner.familyName}: {formatCredits(change.appliedBefore)} → {formatCredits(change.appliedAfter)} ({signed(change.difference)})
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
