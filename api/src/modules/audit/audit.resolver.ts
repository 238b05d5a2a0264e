import { Arg, Args, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { assertCanWrite, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { registeredEntity } from '../../core/registry';
import { fromGlobalId } from '../../core/ids';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../core/pagination';
import { User } from '../accounts/user.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { AuditAction, AuditEntry } from './audit-entry.entity';

@InputType({ description: 'Narrows the audit log; every field given must match.' })
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes to this record. Required unless you are an admin.' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this kind of record, e.g. "Pathway" (admins).' })
  recordType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes made by accounts whose name or email contains this text, ignoring case (admins).' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this action: CREATE, UPDATE or DELETE.' })
  action?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only changes written at or after this instant (UTC).' })
  since?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only changes written before this instant (UTC); give the day after a date range\'s last day.' })
  before?: Date | null;
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
    if (filter?.action) {
      if (!Object.values(AuditAction).includes(filter.action as AuditAction)) throw new GraphQLError('action must be CREATE, UPDATE or DELETE', { extensions: { code: 'BAD_USER_INPUT' } });
      qb.andWhere('row.action = :action', { action: filter.action });
    }
    if (filter?.author) {
      const pattern = `%${filter.author.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('row.userId IN (SELECT u.id FROM app_user u WHERE u.display_name ILIKE :author OR u.email ILIKE :author)', { author: pattern });
    }
    if (filter?.since) qb.andWhere('row.at >= :since', { since: filter.since });
    if (filter?.before) qb.andWhere('row.at < :before', { before: filter.before });
    return paginate(qb, page, 'id', OrderDirection.DESC);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name of the account that made the change; null for a change made outside any account (seeding, imports) or by a deleted account.' })
  async authorName(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.userId === null ? null : ((await ctx.loaders.byId(User).load(entry.userId))?.displayName ?? null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The institution or employer the author acts for; null for admins.' })
  async authorOrganization(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    const user = entry.userId === null ? null : await ctx.loaders.byId(User).load(entry.userId);
    if (user?.institutionId) return (await ctx.loaders.byId(Institution).load(user.institutionId))?.name ?? null;
    if (user?.employerId) return (await ctx.loaders.byId(Employer).load(user.employerId))?.name ?? null;
    return null;
  }
}
