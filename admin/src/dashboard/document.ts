/** The dashboard's query, apart from its code so that earlyRequests.ts can send it before the console's code runs. */

export const PATHWAY_STATUSES = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED'] as const;

/** How far ahead "expiring soon" looks. */
export const EXPIRY_WINDOW_DAYS = 90;

const statusCounts = PATHWAY_STATUSES.map((status) => `${status}: pathways(first: 1, filter: { status: ${status} }) { totalCount }`).join('\n');

export const DASHBOARD = `query Dashboard($expiryDays: Int!) {
  ${statusCounts}
  overduePathways: pathways(first: 10, filter: { reviewOverdue: true }, orderBy: { field: REVIEW_DUE_ON, direction: ASC }) {
    totalCount nodes { id title version status reviewDueOn ownerInstitution { name } }
  }
  overdueCredentials: credentials(first: 10, filter: { reviewOverdue: true }) {
    totalCount nodes { id title status nextReviewOn issuer { ... on Institution { name } ... on Employer { name } } }
  }
  expiringAgreements: articulationAgreements(first: 10, filter: { expiringWithinDays: $expiryDays }, orderBy: { field: EFFECTIVE_TO, direction: ASC }) {
    totalCount nodes { id title effectiveTo degreeProgram { title } }
  }
  reviewQueue: pathwayReviewQueue { id title version reviewDueOn updatedAt ownerInstitution { name } }
  outcomePathways: pathways(first: 20, filter: { status: PUBLISHED }, orderBy: { field: TITLE, direction: ASC }) {
    nodes { id title version outcomes { id cohort enrolled completed placed medianWageBefore medianWageAfter suppressed } }
  }
}`;
