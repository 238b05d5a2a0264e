import { ResourceDescription } from '../dataProvider';

export const frameworkDescription: ResourceDescription = {
  typeName: 'CompetencyFramework',
  listQuery: 'competencyFrameworks',
  filterFields: ['search', 'publisher', 'jurisdiction'],
  orderFields: { name: 'NAME', publisher: 'PUBLISHER', createdAt: 'CREATED_AT' },
  listSelection: 'id name publisher version jurisdiction competencyCount',
  showSelection: 'id name publisher version jurisdiction description sourceUrl caseIdentifier competencyCount updatedAt',
  inputFields: ['name', 'publisher', 'version', 'jurisdiction', 'description', 'sourceUrl', 'caseIdentifier'],
  requiredOnCreate: ['name', 'publisher'],
};
