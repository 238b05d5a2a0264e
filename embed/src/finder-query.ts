/**
 * The one document the finder sends, as a persisted GET: a college's published pathways and the
 * active agreements that turn their credentials into degree credit.
 */
export const FINDER_QUERY = `query PathwayFinder($institutionId: ID, $search: String) {
  pathways(first: 50, filter: { institutionId: $institutionId, search: $search, status: PUBLISHED }) {
    nodes {
      id title description version
      destinations { title socCode medianAnnualWage wageYear }
      stages { title position credentials { id title creditValue workloadHours deliveryMode } }
      partners { role employer { name } }
    }
  }
  articulationAgreements(first: 50, filter: { institutionId: $institutionId, status: ACTIVE }) {
    nodes { blockPathway { id } degreeProgram { title awardLevel totalCredits institution { name } } mappings { credits credential { id } } }
  }
}`;
