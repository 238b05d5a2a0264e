import { ResourceDescription } from '../dataProvider';

export const learnerDescription: ResourceDescription = {
  typeName: 'Learner',
  listQuery: 'learners',
  filterFields: ['search', 'institutionId'],
  orderFields: { familyName: 'FAMILY_NAME', createdAt: 'CREATED_AT' },
  listSelection: 'id givenName familyName email externalId institution { id name }',
  showSelection: `id givenName familyName email externalId institution { id name }
    awards { id awardedOn masteryLevel revoked credential { id title } }
    priorLearningClaims { id title status creditsRequested creditsApproved }`,
  inputFields: ['givenName', 'familyName', 'email', 'externalId'],
  requiredOnCreate: ['givenName', 'familyName', 'email'],
};
