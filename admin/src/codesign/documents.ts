/** The designer's first queries, apart from its code so that earlyRequests.ts can send them before the console's code runs. */

/** Everything the designer shows, in one request: it is fetched again after every edit. */
export const DESIGN_SELECTION = `id title description status version revision reviewDueOn publishedAt approvedBy createdAt updatedAt
  ownerInstitution { id name }
  stages { id position title requirement requiredCount minCredits entries { id credential { id title level creditValue status assessed } } }
  destinationLinks { id occupation { id socCode title medianAnnualWage } }
  offRamps { id credential { id title } occupation { id socCode title } }
  partners { id role employer { id name } }
  coverage {
    coreCount coveredCount ratio
    covered { competency { id code statement } by { strength credential { id title } } }
    relatedOnly { competency { id code statement } by { strength credential { id title } } }
    uncovered { id code statement }
  }
  publishReadiness { ready checks { check passed message } }
  comments { id kind body authorName authorOrganization createdAt resolution resolutionNote resolvedAt stage { id title } }
  endorsements { id statement commitment signatoryName signatoryTitle endorsedOn current employer { id name } }
  versions { id version status publishedAt createdAt updatedAt }`;

export const DESIGN = `query PathwayDesign($id: ID!) { pathway(id: $id) { ${DESIGN_SELECTION} } }`;

export const VIEWER = `query DesignerViewer { me { role employer { id name } institution { id name } user { displayName } } }`;
