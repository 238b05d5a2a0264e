import { ResourceDescription } from '../dataProvider';

export const institutionDescription: ResourceDescription = {
  typeName: 'Institution',
  listQuery: 'institutions',
  filterFields: ['search', 'kind', 'region'],
  orderFields: { name: 'NAME', createdAt: 'CREATED_AT' },
  listSelection: 'id name kind region websiteUrl',
  showSelection: 'id name kind region websiteUrl createdAt updatedAt',
  inputFields: ['name', 'kind', 'region', 'websiteUrl'],
  requiredOnCreate: ['name'],
};
