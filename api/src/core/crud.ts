import { IsInt } from 'class-validator';
import { Arg, Args, ClassType, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applyScope, assertCanWrite } from './access';
import { Context } from './context';
import { ErrorCode, UserError, UserInputFailure } from './errors';
import { argumentId, decodeId, decodeInput } from './input';
import { runMutation } from './mutation';
import { ConnectionType, OrderDirection, PageArgs, paginate } from './pagination';
import { toGlobalId } from './ids';
import { ImmutableData, isPublicClass, PublicData } from './public-data';

type Row = ObjectLiteral & { id: number };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The list queries of every type, by query name, for the read compiler. */
export const listQueries = new Map<string, { entity: ClassType<Row>; list: ListOptions<Row, object, string> }>();

/** Rules a type adds to plain create/update/delete; each runs inside the mutation's transaction. */
export interface CrudHooks<E extends Row> {
  /** Before insert or update, with the merged row; throw UserInputFailure to refuse. */
  beforeSave?(em: EntityManager, row: E, ctx: Context, previous: E | null, input: Record<string, unknown>): Promise<void>;
  /** After insert or update, for rows that depend on the saved one. */
  afterSave?(em: EntityManager, row: E, ctx: Context, input: Record<string, unknown>): Promise<void>;
  beforeDelete?(em: EntityManager, row: E, ctx: Context, input: DeleteInput & { expectedRevision?: number }): Promise<void>;
  /** Input properties that are not columns (handled in afterSave). */
  virtualFields?: string[];
}

export interface ListOptions<E extends Row, F extends object, O extends string> {
  /** Query name, e.g. "employers". */
  name: string;
  filter: ClassType<F>;
  orderFields: Record<string, O>;
  /** Column to sort by for each order field. */
  orderColumn: Record<O, string>;
  defaultOrder: O;
  applyFilter(qb: SelectQueryBuilder<E>, filter: F, ctx: Context): void;
}

export interface CrudOptions<E extends Row, C extends object, U extends { id: string }, F extends object, O extends string> {
  entity: ClassType<E>;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  list?: ListOptions<E, F, O>;
  hooks?: CrudHooks<E>;
  /**
   * The single query by ID answers immutable data (see `ImmutableData`): true only where the
   * public can read nothing of the type but frozen rows, as with published pathway versions.
   */
  immutableById?: boolean;
  /**
   * The record is edited by revision, or belongs to something that is (a pathway version, a
   * learner, a credential, an agreement): its delete input requires `expectedRevision`, which
   * beforeDelete checks, so a delete based on a stale page is refused like any other stale edit.
   */
  versionedDelete?: boolean;
}

@InputType({ description: 'Which record to delete.' })
export class DeleteInput {
  @Field(() => ID, { description: 'Global ID of the record to delete.' })
  id: string;
}

@InputType({ description: 'Which record to delete, and the revision the deletion is based on.' })
export class VersionedDeleteInput extends DeleteInput {
  @Field(() => Int, { description: 'The revision this deletion is based on, of the record or of the record it belongs to; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;
}

function deleteInputFor(typeName: string, versioned: boolean): ClassType {
  if (versioned) {
    @InputType(`${typeName}DeleteInput`, { description: `Which ${typeName} to delete, and the revision the deletion is based on.` })
    class EntityVersionedDeleteInput extends VersionedDeleteInput {}
    return EntityVersionedDeleteInput;
  }
  @InputType(`${typeName}DeleteInput`, { description: `Which ${typeName} to delete.` })
  class EntityDeleteInput extends DeleteInput {}
  return EntityDeleteInput;
}

export function payloadType<T extends object>(typeName: string, fieldName: string, type: ClassType<T>): ClassType {
  @ObjectType(typeName, { description: `What the mutation did: the ${type.name} as saved, or the userErrors that kept it from saving.` })
  class Payload {
    @Field(() => type, { name: fieldName, nullable: true, description: `The ${type.name} as saved; null when userErrors says why nothing was saved.` })
    value: T | null;

    @Field(() => [UserError], { description: 'Why the input was refused, one per problem; empty when the mutation succeeded.' })
    userErrors: UserError[];
  }
  return Payload;
}

@ObjectType({ description: 'Result of a delete.' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: 'Global ID of the deleted record; null if nothing was deleted.' })
  deletedId: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted, one per problem; empty when the delete succeeded.' })
  userErrors: UserError[];
}

/** Copies the input's defined properties onto the row: omitted means unchanged, null clears. */
function assignDefined<E>(row: E, data: Record<string, unknown>, skip: string[]): E {
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined && !skip.includes(key)) (row as Record<string, unknown>)[key] = value;
  }
  return row;
}

/**
 * The create/update/delete mutations and list/single queries of one type, built from its entity
 * and input classes. Rules specific to the type live in its hooks; resolvers for its relations
 * go in the subclass.
 */
export function crudResolver<E extends Row, C extends object, U extends { id: string }, F extends object, O extends string>(
  options: CrudOptions<E, C, U, F, O>,
) {
  const typeName = options.entity.name;
  const fieldName = lowerFirst(typeName);
  const hooks = options.hooks ?? {};
  const skip = ['id', ...(hooks.virtualFields ?? [])];
  const CreatePayload = payloadType(`${typeName}CreatePayload`, fieldName, options.entity);
  const UpdatePayload = payloadType(`${typeName}UpdatePayload`, fieldName, options.entity);

  /**
   * Locks the row for the rest of the transaction. Updates take FOR NO KEY UPDATE, which does not
   * block other transactions' foreign-key checks against the row (so two edits that reference
   * each other's rows do not deadlock); deletes need the full FOR UPDATE.
   */
  async function findForUpdate(em: EntityManager, id: number, field: string[], forDelete = false): Promise<E> {
    const row = await em.getRepository(options.entity).findOne({ where: { id } as never, lock: { mode: forDelete ? 'pessimistic_write' : 'for_no_key_update' } });
    if (!row) throw UserInputFailure.of(field, `No ${typeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} has that ID`, ErrorCode.NOT_FOUND);
    return row;
  }

  // Each delete mutation has its own input type, so generic clients can tell them apart.
  const DeleteInputType = deleteInputFor(typeName, options.versionedDelete ?? false);

  @Resolver()
  abstract class CrudResolver {
    @Query(() => options.entity, { name: fieldName, nullable: true, description: `One ${typeName} by its global ID.` })
    async one(@Arg('id', () => ID, { description: `Global ID of the ${typeName}.` }) id: string, @Ctx() ctx: Context): Promise<E | null> {
      let localId: number;
      try {
        localId = decodeId(id, [typeName], ['id']);
      } catch {
        return null;
      }
      return ctx.loaders.byId(options.entity).load(localId);
    }

    @Mutation(() => CreatePayload, { name: `${fieldName}Create`, description: `Creates a ${typeName}; userErrors name the input fields it refuses.` })
    create(@Arg('input', () => options.createInput, { description: `The new ${typeName}.` }) input: C, @Ctx() ctx: Context) {
      return runMutation(ctx, async (em) => {
        const data = await decodeInput(input);
        const row = assignDefined(em.getRepository(options.entity).create(), data as Record<string, unknown>, skip);
        await assertCanWrite(ctx, em, row);
        await hooks.beforeSave?.(em, row, ctx, null, data as Record<string, unknown>);
        const saved = await em.save(row);
        await hooks.afterSave?.(em, saved, ctx, data as Record<string, unknown>);
        return { value: saved };
      }, { value: null });
    }

    @Mutation(() => UpdatePayload, { name: `${fieldName}Update`, description: `Changes a ${typeName}: omitted fields stay as they are, null clears a field.` })
    update(@Arg('input', () => options.updateInput, { description: `The ${typeName}'s ID and the fields to change.` }) input: U, @Ctx() ctx: Context) {
      return runMutation(ctx, async (em) => {
        const id = decodeId(input.id, [typeName], ['input', 'id']);
        const data = (await decodeInput(input)) as Record<string, unknown>;
        const row = await findForUpdate(em, id, ['input', 'id']);
        await assertCanWrite(ctx, em, row);
        const previous = { ...row };
        assignDefined(row, data, skip);
        await assertCanWrite(ctx, em, row);
        await hooks.beforeSave?.(em, row, ctx, previous, data);
        const saved = await em.save(row);
        await hooks.afterSave?.(em, saved, ctx, data);
        return { value: saved };
      }, { value: null });
    }

    @Mutation(() => DeletePayload, { name: `${fieldName}Delete`, description: `Deletes a ${typeName}; refused with a userError while other records depend on it.` })
    delete(@Arg('input', () => DeleteInputType, { description: `Which ${typeName} to delete.` }) input: DeleteInput, @Ctx() ctx: Context) {
      return runMutation(ctx, async (em) => {
        const id = decodeId(input.id, [typeName], ['input', 'id']);
        if (options.versionedDelete) await decodeInput(input);
        const row = await findForUpdate(em, id, ['input', 'id'], true);
        await assertCanWrite(ctx, em, row);
        await hooks.beforeDelete?.(em, row, ctx, input);
        await em.remove(row);
        return { deletedId: toGlobalId(typeName, id) };
      }, { deletedId: null });
    }
  }

  const publicQuery = (resolver: Function, method: string) => {
    if (isPublicClass(options.entity)) PublicData()(resolver.prototype, method, Object.getOwnPropertyDescriptor(resolver.prototype, method)!);
  };
  publicQuery(CrudResolver, 'one');
  if (options.immutableById) ImmutableData()(CrudResolver.prototype, 'one', Object.getOwnPropertyDescriptor(CrudResolver.prototype, 'one')!);
  if (!options.list) return CrudResolver;
  const list = options.list;
  listQueries.set(list.name, { entity: options.entity, list: list as unknown as ListOptions<Row, object, string> });
  const Connection = ConnectionType(options.entity);

  @InputType(`${typeName}Order`, { description: `How a list of ${typeName} is sorted; ties are broken by ID.` })
  class Order {
    @Field(() => list.orderFields, { nullable: true, description: 'The field to sort by; the list\'s default when omitted.' })
    field?: O;

    @Field(() => OrderDirection, { nullable: true, description: 'ASC when omitted.' })
    direction?: OrderDirection;
  }

  @Resolver()
  abstract class ListResolver extends CrudResolver {
    @Query(() => Connection, { name: list.name, description: `A page of the ${typeName} records the viewer may read.` })
    async list(
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => list.filter, { nullable: true, description: 'Only records that match every field given.' }) filter: F | null,
      @Arg('orderBy', () => Order, { nullable: true, description: 'Sort order; the list\'s default when omitted.' }) orderBy: Order | null,
      @Ctx() ctx: Context,
    ) {
      const qb = ctx.db.getRepository(options.entity).createQueryBuilder('row');
      applyScope(options.entity, qb, ctx);
      if (filter) list.applyFilter(qb, filter, ctx);
      const column = list.orderColumn[orderBy?.field ?? list.defaultOrder];
      return paginate(qb, page, column, orderBy?.direction ?? OrderDirection.ASC);
    }
  }
  publicQuery(ListResolver, 'list');
  return ListResolver;
}

/** ILIKE pattern for a user's search text, with LIKE's wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An ID in a filter: a wrong one is a bad query argument, not an empty result. */
export function filterId(globalId: string, typeName: string): number {
  return argumentId(globalId, typeName, 'filter');
}
