import { AuditResolver } from './audit.resolver';
import { registerEntities, registerMutationHooks, registerSubscribers } from '../../core/registry';
import { AuditEntry } from './audit-entry.entity';
import { AuditSubscriber, beginAudit } from './audit.subscriber';

export const resolvers = [AuditResolver] as const;

registerEntities(AuditEntry);
registerSubscribers(AuditSubscriber);
registerMutationHooks({ begin: beginAudit });
