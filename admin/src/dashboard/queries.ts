import { gql } from '../graphql';
import { DASHBOARD, EXPIRY_WINDOW_DAYS, PATHWAY_STATUSES } from './document';

export { EXPIRY_WINDOW_DAYS, PATHWAY_STATUSES };

export interface OutcomeReport {
  id: string;
  cohort: string;
  enrolled: number | null;
  completed: number | null;
  placed: number | null;
  medianWageBefore: number | null;
  medianWageAfter: number | null;
  suppressed: boolean;
}

export interface DashboardData {
  statusCounts: Record<(typeof PATHWAY_STATUSES)[number], number>;
  overduePathways: { totalCount: number; nodes: { id: string; title: string; version: number; status: string; reviewDueOn: string; ownerInstitution: { name: string } }[] };
  overdueCredentials: { totalCount: number; nodes: { id: string; title: string; status: string; nextReviewOn: string; issuer: { name: string } }[] };
  expiringAgreements: { totalCount: number; nodes: { id: string; title: string; effectiveTo: string; degreeProgram: { title: string } }[] };
  outcomePathways: { id: string; title: string; version: number; outcomes: OutcomeReport[] }[];
  reviewQueue: { id: string; title: string; version: number; reviewDueOn: string | null; updatedAt: string; ownerInstitution: { name: string } }[];
}

type Raw = Omit<DashboardData, 'statusCounts' | 'outcomePathways' | 'reviewQueue'> & { outcomePathways: { nodes: DashboardData['outcomePathways'] }; reviewQueue: DashboardData['reviewQueue'] } & Record<string, { totalCount: number }>;

export async function fetchDashboard(): Promise<DashboardData> {
  const raw = await gql<Raw>(DASHBOARD, { expiryDays: EXPIRY_WINDOW_DAYS });
  return {
    statusCounts: Object.fromEntries(PATHWAY_STATUSES.map((status) => [status, raw[status].totalCount])) as DashboardData['statusCounts'],
    overduePathways: raw.overduePathways,
    overdueCredentials: raw.overdueCredentials,
    expiringAgreements: raw.expiringAgreements,
    outcomePathways: raw.outcomePathways.nodes.filter((pathway) => pathway.outcomes.length > 0),
    reviewQueue: raw.reviewQueue,
  };
}

/** Registrars only: for each agreement ending soon, how many learners would lose credit. */
export async function fetchExpiryImpacts(): Promise<Record<string, number>> {
  const { expiringAgreementImpacts } = await gql<{ expiringAgreementImpacts: { agreement: { id: string }; changes: { difference: number }[] }[] }>(
    `query ExpiryImpacts($days: Int!) { expiringAgreementImpacts(withinDays: $days) { agreement { id } changes { difference } } }`,
    { days: EXPIRY_WINDOW_DAYS },
  );
  return Object.fromEntries(expiringAgreementImpacts.map((impact) => [impact.agreement.id, impact.changes.filter((change) => change.difference < 0).length]));
}
