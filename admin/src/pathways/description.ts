import { ResourceDescription } from '../dataProvider';

export const pathwayDescription: ResourceDescription = {
  typeName: 'Pathway',
  listQuery: 'pathways',
  filterFields: ['search', 'status', 'institutionId', 'employerId', 'occupationId', 'region', 'reviewOverdue'],
  orderFields: { title: 'TITLE', reviewDueOn: 'REVIEW_DUE_ON', updatedAt: 'UPDATED_AT', createdAt: 'CREATED_AT' },
  listSelection: 'id title status version revision reviewDueOn ownerInstitution { id name } coverage { coreCount coveredCount ratio }',
  showSelection: `id title description status version revision reviewDueOn publishedAt updatedAt
    ownerInstitution { id name }
    destinations { id socCode title }
    partners { id role employer { id name } }
    stages { id position title requirement requiredCount credentials { id title level } }
    coverage { coreCount coveredCount ratio uncovered { id code statement } }
    publishReadiness { ready checks { check passed message } }`,
  inputFields: ['title', 'description', 'reviewDueOn'],
  versioned: true,
};
