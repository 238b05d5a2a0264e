import { Arg, Args, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { assertCanWrite, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { registeredEntity } from '../../core/registry';
import { fromGlobalId } from '../../core/ids';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../core/pagination';
import { AuditEntry } from './audit-entry.entity';

@InputType({ description: 'Narrows the audit log; every field given must match.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes to this record. Required unless you are an admin.' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this kind of record, e.g. "Pathway" (admins).' })
  recordType?: string | null;
}

const AuditEntryConnection = ConnectionType(AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Changes made through the API, newest first: admins see all, owners see their records\' history.' })
  async auditLog(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Only entries that match every field given.' }) filter: AuditLogFilter | null, @Ctx() ctx: Context) {
    const qb = ctx.db.getRepository(AuditEntry).createQueryBuilder('row');
    const record = filter?.recordId ? fromGlobalId(filter.recordId) : null;
    if (filter?.recordId && !record) throw new GraphQLError('recordId is not an ID', { extensions: { code: 'BAD_USER_INPUT' } });
    if (record) {
      const entity = registeredEntity(record.typeName);
      const row = entity ? await ctx.db.getRepository(entity).findOneBy({ id: record.localId }) : null;
      // Owners may read the history of what they may change; a deleted record's history is for admins.
      if (!isAdmin(ctx)) {
        if (!row) throw new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
        await assertCanWrite(ctx, ctx.db.manager, row);
      }
      qb.andWhere('row.recordType = :type AND row.recordId = :id', { type: record.typeName, id: record.localId });
    } else if (!isAdmin(ctx)) {
      await assertCanWrite(ctx, ctx.db.manager, new AuditEntry());
    }
    if (filter?.recordType) qb.andWhere('row.recordType = :recordType', { recordType: filter.recordType });
    return paginate(qb, page, 'id', OrderDirection.DESC);
  }
}
