import { ResourceDescription } from '../dataProvider';

export const degreeProgramDescription: ResourceDescription = {
  typeName: 'DegreeProgram',
  listQuery: 'degreePrograms',
  filterFields: ['search', 'awardLevel', 'cipCode', 'institutionId', 'region'],
  orderFields: { title: 'TITLE', createdAt: 'CREATED_AT' },
  listSelection: 'id title awardLevel cipCode totalCredits residencyCredits priorLearningCap institution { id name }',
  showSelection: 'id title awardLevel cipCode totalCredits residencyCredits priorLearningCap institution { id name }',
  inputFields: ['title', 'awardLevel', 'cipCode', 'totalCredits', 'residencyCredits', 'priorLearningCap', 'institutionId'],
  requiredOnCreate: ['title'],
};
