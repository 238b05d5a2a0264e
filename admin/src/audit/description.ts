import { ResourceDescription } from '../dataProvider';

export const auditDescription: ResourceDescription = {
  typeName: 'AuditEntry',
  listQuery: 'auditLog',
  filterType: 'AuditLogFilter',
  orderable: false,
  listOnly: true,
  filterFields: ['recordType', 'author', 'action', 'since', 'before'],
  orderFields: {},
  listSelection: 'id: sequence at role mutation action recordType record authorName authorOrganization before after',
  showSelection: 'id: sequence at role mutation action recordType record authorName authorOrganization before after',
  inputFields: [],
};
