import { ResourceDescription } from '../dataProvider';

export const employerDescription: ResourceDescription = {
  typeName: 'Employer',
  listQuery: 'employers',
  filterFields: ['search', 'region', 'naicsCode'],
  orderFields: { name: 'NAME', createdAt: 'CREATED_AT' },
  listSelection: 'id name naicsCode region websiteUrl',
  showSelection: 'id name naicsCode region websiteUrl description createdAt updatedAt',
  inputFields: ['name', 'naicsCode', 'region', 'websiteUrl', 'description'],
  requiredOnCreate: ['name'],
};
