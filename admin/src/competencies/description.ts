import { ResourceDescription } from '../dataProvider';

export const competencyDescription: ResourceDescription = {
  typeName: 'Competency',
  listQuery: 'competencies',
  filterFields: ['search', 'frameworkId', 'occupationId', 'type', 'coreOnly'],
  orderFields: { code: 'CODE', createdAt: 'CREATED_AT' },
  listSelection: 'id code statement type framework { id name }',
  showSelection: `id code statement type caseIdentifier framework { id name } parent { id code statement } children { id code statement }
    occupations { id isCore occupation { id socCode title } } updatedAt`,
  inputFields: ['frameworkId', 'code', 'statement', 'type', 'parentId', 'caseIdentifier'],
  requiredOnCreate: ['code', 'statement'],
};
