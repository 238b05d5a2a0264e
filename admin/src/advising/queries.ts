import { gql } from '../graphql';
import { CredentialRef, FIGURES, NextStep, Route, RouteFigures, ROUTE_SELECTION } from './route';

export const fetchRoutes = async (learnerId: string, asOf: string) =>
  (await gql<{ learnerRoutes: Route[] }>(`query LearnerRoutes($learnerId: ID!, $asOf: Date) { learnerRoutes(learnerId: $learnerId, asOf: $asOf) { ${ROUTE_SELECTION} } }`, { learnerId, asOf }))
    .learnerRoutes;

/** The route as if the learner also held these credentials; the API writes nothing. */
export const fetchWhatIf = async (learnerId: string, degreeProgramId: string, asOf: string, addCredentialIds: string[]) =>
  (
    await gql<{ whatIf: (RouteFigures & { nextSteps: NextStep[]; missingCredentials: CredentialRef[] }) | null }>(
      `query WhatIf($learnerId: ID!, $degreeProgramId: ID!, $asOf: Date, $addCredentialIds: [ID!]!) {
        whatIf(learnerId: $learnerId, degreeProgramId: $degreeProgramId, asOf: $asOf, addCredentialIds: $addCredentialIds) {
          ${FIGURES} missingCredentials { id title } nextSteps(first: 3) { credential { id title } creditsGained creditsPerHour workloadHours }
        }
      }`,
      { learnerId, degreeProgramId, asOf, addCredentialIds },
    )
  ).whatIf;
