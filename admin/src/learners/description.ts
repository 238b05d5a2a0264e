import { ResourceDescription } from '../dataProvider';

export const learnerDescription: ResourceDescription = {
  typeName: 'Learner',
  listQuery: 'learners',
  filterFields: ['search', 'institutionId'],
  orderFields: { familyName: 'FAMILY_NAME', createdAt: 'CREATED_AT' },
  listSelection: 'id givenName familyName email externalId revision institution { id name }',
  showSelection: `id givenName familyName email externalId revision institution { id name }
    awards { id awardedOn masteryLevel evidenceUrl revoked revocationReason credential { id title } }
    priorLearningClaims { id title status evidence creditsRequested creditsApproved decisionReason decidedAt degreeProgram { id title } }`,
  inputFields: ['givenName', 'familyName', 'email', 'externalId', 'institutionId'],
  requiredOnCreate: ['givenName', 'familyName', 'email'],
  versioned: true,
};
