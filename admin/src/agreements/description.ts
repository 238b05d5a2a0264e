import { ResourceDescription } from '../dataProvider';

export const agreementDescription: ResourceDescription = {
  typeName: 'ArticulationAgreement',
  listQuery: 'articulationAgreements',
  filterFields: ['search', 'status', 'degreeProgramId', 'institutionId', 'employerId', 'credentialId', 'activeOn', 'expiringWithinDays'],
  orderFields: { title: 'TITLE', effectiveFrom: 'EFFECTIVE_FROM', effectiveTo: 'EFFECTIVE_TO' },
  listSelection: 'id title status effectiveFrom effectiveTo revision mappingCount degreeProgram { id title }',
  showSelection: `id title status effectiveFrom effectiveTo revision recencyYears blockCredits signedBy signedOn
    issuer { __typename ... on Institution { id name } ... on Employer { id name } }
    degreeProgram { id title } blockPathway { id title version }
    mappings { id credits courseEquivalent minMasteryLevel credential { id title } }`,
  inputFields: [
    'title', 'status', 'effectiveFrom', 'effectiveTo', 'recencyYears', 'blockCredits', 'signedBy', 'signedOn',
    'degreeProgramId', 'issuerInstitutionId', 'issuerEmployerId', 'blockPathwayId',
  ],
  requiredOnCreate: ['title'],
  versioned: true,
};
