import { byCohort } from './cohorts';
import { Alert, Box, Card, CardContent, Chip, CircularProgress, List, ListItem, ListItemButton, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '../common/charts';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { Link } from 'react-admin';
import { sessionCan } from '../common/sessionCan';
import { AfterFirstCommit, DeferredMount } from '../common/DeferredMount';
import { useFirstContent } from '../common/firstContent';
import { PageTitle } from '../common/PageTitle';
import { humanize } from '../common/choices';
import { daysBetween, formatDate, todayIso } from '../common/dates';
import { DashboardData, EXPIRY_WINDOW_DAYS, fetchDashboard, fetchExpiryImpacts, OutcomeReport, PATHWAY_STATUSES } from './queries';

const STATUS_COLOURS: Record<string, string> = {
  DRAFT: '#8a99a6',
  IN_REVIEW: '#2f7fc1',
  CHANGES_REQUESTED: '#e0a030',
  APPROVED: '#5aa7b8',
  PUBLISHED: '#2e8b57',
  RETIRED: '#b7bfc6',
};

const Panel = ({ title, subtitle, children, wide }: { title: string; subtitle?: string; children: ReactNode; wide?: boolean }) => (
  <Card variant="outlined" component="section" aria-label={title} sx={{ gridColumn: wide ? '1 / -1' : undefined }}>
    <CardContent>
      <Typography variant="h6" sx={{ fontWeight: 700, fontSize: '1.05rem' }}>
        {title}
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="text.secondary">
          {subtitle}
        </Typography>
      )}
      <Box sx={{ mt: 1 }}>{children}</Box>
    </CardContent>
  </Card>
);

const Empty = ({ children }: { children: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
    {children}
  </Typography>
);

const PathwaysByStatus = ({ counts }: { counts: DashboardData['statusCounts'] }) => {
  const total = PATHWAY_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return (
    <Panel title="Pathways by status" subtitle={`${total} pathway versions`}>
      <BarChart
        layout="horizontal"
        height={240}
        margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
        yAxis={[{ scaleType: 'band', data: PATHWAY_STATUSES.map(humanize), width: 130, colorMap: { type: 'ordinal', colors: PATHWAY_STATUSES.map((status) => STATUS_COLOURS[status]) } }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[{ data: PATHWAY_STATUSES.map((status) => counts[status]), label: 'Pathway versions', barLabel: 'value' }]}
        hideLegend
      />
      {/* Two columns on a phone, three wider: a status and its count stay on one line. */}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(3, minmax(0, 1fr))' }, gap: 0.5, m: 0, fontSize: '0.85rem' }} aria-label="Pathway counts">
        {PATHWAY_STATUSES.map((status) => (
          <Box key={status} sx={{ display: 'flex', gap: 0.75, whiteSpace: 'nowrap' }} data-status={status}>
            <dt style={{ color: '#5b6b78' }}>{humanize(status)}</dt>
            <dd style={{ margin: 0, fontWeight: 700 }}>{counts[status]}</dd>
          </Box>
        ))}
      </Box>
    </Panel>
  );
};

const LinkItem = ({ to, primary, secondary }: { to: string; primary: string; secondary: string }) => (
  <ListItem disablePadding>
    <ListItemButton component={Link} to={to} sx={{ px: 0.5, borderRadius: 1 }}>
      <ListItemText primary={primary} secondary={secondary} />
    </ListItemButton>
  </ListItem>
);

const overdueBy = (date: string) => {
  const days = daysBetween(date, todayIso());
  return `${days} day${days === 1 ? '' : 's'} overdue`;
};

const OverdueReviews = ({ pathways, credentials }: { pathways: DashboardData['overduePathways']; credentials: DashboardData['overdueCredentials'] }) => {
  const total = pathways.totalCount + credentials.totalCount;
  const sortedCredentials = [...credentials.nodes].sort((a, b) => a.nextReviewOn.localeCompare(b.nextReviewOn));
  return (
    <Panel title="Reviews overdue" subtitle={total ? `${total} past their review date` : undefined}>
      {total === 0 && <Empty>Every pathway and credential is within its review date</Empty>}
      <List dense disablePadding aria-label="Overdue reviews">
        {pathways.nodes.map((pathway) => (
          <LinkItem
            key={pathway.id}
            to={`/pathways/${encodeURIComponent(pathway.id)}/show`}
            primary={`${pathway.title} v${pathway.version}`}
            secondary={`Pathway · ${humanize(pathway.status)} · due ${pathway.reviewDueOn}, ${overdueBy(pathway.reviewDueOn)}`}
          />
        ))}
        {sortedCredentials.map((credential) => (
          <LinkItem
            key={credential.id}
            to={`/credentials/${encodeURIComponent(credential.id)}/show`}
            primary={credential.title}
            secondary={`Credential · ${credential.issuer.name} · due ${credential.nextReviewOn}, ${overdueBy(credential.nextReviewOn)}`}
          />
        ))}
      </List>
    </Panel>
  );
};

const dueText = (date: string | null) => {
  if (!date) return 'no review date';
  const days = daysBetween(todayIso(), date);
  const on = formatDate(date);
  return days < 0 ? `due ${on}, ${-days} day${days === -1 ? '' : 's'} overdue` : days === 0 ? `due today` : `due ${on}, in ${days} day${days === 1 ? '' : 's'}`;
};

/** For a validating partner: the versions submitted to them, the earliest due first. */
const ReviewQueue = ({ pathways }: { pathways: DashboardData['reviewQueue'] }) => (
  <Panel title="Waiting for your review" subtitle={`${pathways.length} version${pathways.length === 1 ? '' : 's'} to approve or send back`}>
    <List dense disablePadding aria-label="Waiting for your review">
      {pathways.map((pathway) => (
        <LinkItem
          key={pathway.id}
          to={`/pathways/${encodeURIComponent(pathway.id)}/show`}
          primary={`${pathway.title} v${pathway.version}`}
          secondary={`${pathway.ownerInstitution.name} · ${dueText(pathway.reviewDueOn)}`}
        />
      ))}
    </List>
  </Panel>
);

const ExpiringAgreements = ({ agreements }: { agreements: DashboardData['expiringAgreements'] }) => {
  const seesImpact = sessionCan('agreementImpact', 'use');
  const { data: losing } = useQuery({ queryKey: ['expiryImpacts'], queryFn: fetchExpiryImpacts, enabled: seesImpact && agreements.totalCount > 0 });
  return (
    <Panel title="Agreements ending soon" subtitle={`Active agreements ending within ${EXPIRY_WINDOW_DAYS} days`}>
      {agreements.totalCount === 0 && <Empty>{`No active agreement ends within ${EXPIRY_WINDOW_DAYS} days`}</Empty>}
      <List dense disablePadding aria-label="Expiring agreements">
        {agreements.nodes.map((agreement) => {
          const left = daysBetween(todayIso(), agreement.effectiveTo);
          const affected = losing?.[agreement.id];
          return (
            <LinkItem
              key={agreement.id}
              to={`/articulationAgreements/${encodeURIComponent(agreement.id)}/show`}
              primary={agreement.title}
              secondary={`${agreement.degreeProgram.title} · ends ${agreement.effectiveTo}, in ${left} day${left === 1 ? '' : 's'}${
                affected === undefined ? '' : ` · ${affected} learner${affected === 1 ? '' : 's'} would lose credit`
              }`}
            />
          );
        })}
      </List>
    </Panel>
  );
};

const SUPPRESSED = <Chip size="small" label="suppressed" variant="outlined" sx={{ fontStyle: 'italic' }} />;

const count = (value: number | null, report: OutcomeReport) => (value === null ? (report.suppressed ? SUPPRESSED : '—') : value);

const wage = (value: number | null, report: OutcomeReport) =>
  value === null ? (report.suppressed ? SUPPRESSED : '—') : new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);

/** Suppressed figures are left out of the chart (no bar, not a zero bar) and named in the table beneath it. */
const PathwayOutcomes = ({ pathway }: { pathway: DashboardData['outcomePathways'][number] }) => {
  const cohorts = [...pathway.outcomes].sort((a, b) => byCohort(a.cohort, b.cohort));
  const anySuppressed = cohorts.some((report) => report.suppressed);
  return (
    <Box component="article" aria-label={`Outcomes of ${pathway.title}`} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        {pathway.title}
      </Typography>
      {/* minmax(0, …): on a phone the table's width must not widen the chart's column past the screen. */}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 3fr)' }, gap: 3, alignItems: 'center' }}>
        <BarChart
          height={200}
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
          xAxis={[{ scaleType: 'band', data: cohorts.map((report) => (report.suppressed ? `${report.cohort} *` : report.cohort)) }]}
          yAxis={[{ width: 34 }]}
          series={[
            { data: cohorts.map((report) => report.enrolled), label: 'Enrolled', color: '#8fb8c4' },
            { data: cohorts.map((report) => report.completed), label: 'Completed', color: '#0e6b80' },
            { data: cohorts.map((report) => report.placed), label: 'Placed in 180 days', color: '#2e8b57' },
          ]}
          slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
        />
        {anySuppressed && (
          <Typography variant="caption" color="text.secondary" data-testid="suppressed-note" sx={{ gridColumn: { md: '1' }, mt: -2 }}>
            * Some counts of this cohort are suppressed (under 10): no bar is drawn for them.
          </Typography>
        )}
        {/* Wider than a phone: it scrolls sideways on its own, and can be focused to scroll by keyboard. */}
        <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={`${pathway.title} by cohort`}>
          <Table size="small" aria-label={`Outcome figures of ${pathway.title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Cohort</TableCell>
                <TableCell align="right">Enrolled</TableCell>
                <TableCell align="right">Completed</TableCell>
                <TableCell align="right">Placed</TableCell>
                <TableCell align="right">Median wage before</TableCell>
                <TableCell align="right">Median wage after</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {cohorts.map((report) => (
                <TableRow key={report.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{report.cohort}</TableCell>
                  <TableCell align="right">{count(report.enrolled, report)}</TableCell>
                  <TableCell align="right">{count(report.completed, report)}</TableCell>
                  <TableCell align="right">{count(report.placed, report)}</TableCell>
                  <TableCell align="right">{wage(report.medianWageBefore, report)}</TableCell>
                  <TableCell align="right">{wage(report.medianWageAfter, report)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </Box>
    </Box>
  );
};

const Outcomes = ({ pathways }: { pathways: DashboardData['outcomePathways'] }) => (
  <Panel title="Outcomes by pathway" subtitle="Published pathways. Counts under 10 are suppressed to protect learners' privacy." wide>
    {pathways.length === 0 && <Empty>No outcome reports yet</Empty>}
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 4 }}>
      {pathways.map((pathway) => (
        <PathwayOutcomes key={pathway.id} pathway={pathway} />
      ))}
    </Box>
  </Panel>
);

const loading = <CircularProgress sx={{ m: 4 }} aria-label="Loading the dashboard" />;

/** The start page: what needs attention across pathways, reviews and agreements, and how pathways are doing. */
export const Dashboard = () => {
  const { data, error, isPending } = useQuery({ queryKey: ['dashboard'], queryFn: fetchDashboard });
  // The content itself is drawn behind DeferredMount, which says when; an error is drawn here.
  useFirstContent(Boolean(error));
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <PageTitle title="Dashboard" />
      {isPending && loading}
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data && (
        <DeferredMount fallback={loading}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, 1fr)' }, gap: 2, alignItems: 'start' }}>
            {data.reviewQueue.length > 0 && <ReviewQueue pathways={data.reviewQueue} />}
            <PathwaysByStatus counts={data.statusCounts} />
            <OverdueReviews pathways={data.overduePathways} credentials={data.overdueCredentials} />
            <ExpiringAgreements agreements={data.expiringAgreements} />
            {/* The widest panel, with a chart and a table per pathway, and the last: committed on its own. */}
            <AfterFirstCommit>
              <Outcomes pathways={data.outcomePathways} />
            </AfterFirstCommit>
          </Box>
        </DeferredMount>
      )}
    </Box>
  );
};
