import { graphql } from './gql';

/** A college's published pathways toward an occupation, for a finder page. */
export const PathwayFinder = graphql(`
  query PathwayFinder($institutionId: ID, $search: String, $first: Int) {
    pathways(first: $first, filter: { institutionId: $institutionId, search: $search, status: PUBLISHED }) {
      totalCount
      nodes {
        id
        title
        version
        destinations {
          title
          socCode
          medianAnnualWage
        }
        stages {
          title
          credentials {
            title
            creditValue
            workloadHours
            deliveryMode
          }
        }
        partners {
          role
          employer {
            name
          }
        }
      }
    }
  }
`);
