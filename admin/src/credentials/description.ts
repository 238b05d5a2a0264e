import { ResourceDescription } from '../dataProvider';

const issuer = 'issuer { __typename ... on Institution { id name } ... on Employer { id name } }';

export const credentialDescription: ResourceDescription = {
  typeName: 'Credential',
  listQuery: 'credentials',
  filterFields: ['search', 'status', 'level', 'institutionId', 'employerId', 'occupationId', 'competencyId', 'reviewOverdue'],
  orderFields: { title: 'TITLE', level: 'LEVEL', createdAt: 'CREATED_AT' },
  listSelection: `id title level workloadHours creditValue status assessed nextReviewOn revision ${issuer}`,
  showSelection: `id title description level workloadHours creditValue deliveryMode cost currency status criteria evidenceTypes nextReviewOn assessed revision ${issuer}
    prerequisites { id title }
    outcomes { id position statement alignments { id strength competency { id code statement } } }
    assessments { id method description }
    rubricLevels { id level name criteria }`,
  inputFields: [
    'title', 'description', 'level', 'workloadHours', 'creditValue', 'deliveryMode', 'cost', 'currency', 'status', 'criteria', 'evidenceTypes', 'nextReviewOn',
    'issuerInstitutionId', 'issuerEmployerId', 'prerequisiteIds',
  ],
  requiredOnCreate: ['title'],
  versioned: true,
};
