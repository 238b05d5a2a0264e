import { defaultFieldResolver, getNamedType, GraphQLError, GraphQLFieldResolver, GraphQLSchema, isLeafType, isListType, isNonNullType, isObjectType } from 'graphql';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from './viewer';
import { Context } from './context';

/**
 * Who may read and change rows of one entity. ADMIN may do anything and is never asked.
 * A type without a policy is readable by everyone and writable by admins only (reference data).
 */
export interface Policy<E extends ObjectLiteral> {
  canRead?(ctx: Context, row: E): boolean | Promise<boolean>;
  /** Asked with the row as it was and again as it would be saved, so nothing moves out of reach. */
  canWrite(ctx: Context, row: E, em: EntityManager): boolean | Promise<boolean>;
  /** Restricts list queries in SQL to what canRead allows, so pages and totals are right. */
  scope?(qb: SelectQueryBuilder<E>, ctx: Context): void;
}

const policies = new Map<Function, Policy<ObjectLiteral>>();

export function definePolicy<E extends ObjectLiteral>(entity: abstract new (...args: never[]) => E, policy: Policy<E>): void {
  policies.set(entity, policy as unknown as Policy<ObjectLiteral>);
}

function policyFor(row: object): Policy<ObjectLiteral> | undefined {
  return policies.get(row.constructor);
}

export function isAdmin(ctx: Context): boolean {
  return ctx.viewer.role === Role.ADMIN;
}

/** The top-level error for a refusal: it names no record and says nothing about it. */
export function denial(ctx: Context): GraphQLError {
  return ctx.viewer.role === Role.PUBLIC
    ? new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } })
    : new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}

export async function canRead(ctx: Context, row: object): Promise<boolean> {
  return isAdmin(ctx) || readable(ctx, row);
}

export async function assertCanWrite(ctx: Context, em: EntityManager, row: ObjectLiteral): Promise<void> {
  if (ctx.viewer.role === Role.PUBLIC) throw denial(ctx);
  if (isAdmin(ctx)) return;
  const policy = policyFor(row);
  if (!policy || !(await policy.canWrite(ctx, row, em))) throw denial(ctx);
}

export function applyScope<E extends ObjectLiteral>(entity: Function, qb: SelectQueryBuilder<E>, ctx: Context): void {
  if (isAdmin(ctx)) return;
  policies.get(entity)?.scope?.(qb as unknown as SelectQueryBuilder<ObjectLiteral>, ctx);
}

const isGuarded = (value: unknown): value is object => typeof value === 'object' && value !== null && policies.has(value.constructor);

const isPromise = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * The result as the viewer may see it; a promise only where a policy answers with one. In a list
 * whose items may be null (`nodes(ids)`), an unreadable item becomes null, so each stays at the
 * position of the ID asked for; from any other list it drops out.
 */
function guard(context: Context, result: unknown, keepPositions: boolean): unknown {
  if (Array.isArray(result)) {
    if (!result.some(isGuarded)) return result;
    const visible = result.map((item) => (isGuarded(item) ? readable(context, item) : true));
    const shown = (answers: readonly boolean[]) =>
      keepPositions ? result.map((item, index) => (answers[index] ? item : null)) : result.filter((_, index) => answers[index]);
    if (!visible.some(isPromise)) return shown(visible as boolean[]);
    return Promise.all(visible).then(shown);
  }
  if (!isGuarded(result)) return result;
  const answer = readable(context, result);
  if (isPromise(answer)) {
    return Promise.resolve(answer).then((ok) => {
      if (!ok) throw denial(context);
      return result;
    });
  }
  if (!answer) throw denial(context);
  return result;
}

function readable(ctx: Context, row: object): boolean | Promise<boolean> {
  const policy = policyFor(row);
  return policy?.canRead ? policy.canRead(ctx, row as ObjectLiteral) : true;
}

/**
 * Puts the read policies around every field of the schema that returns objects: a single object
 * the viewer may not read becomes a top-level FORBIDDEN/UNAUTHENTICATED error, and unreadable
 * items drop out of lists. This holds for `node(id)`, single queries and nested fields alike.
 * Scalar and enum fields are left as they are, and admins pass straight through, so the check
 * costs nothing where there is nothing to check; where every policy answers at once, so does the
 * field. Mutation fields also name the mutation for the audit log.
 */
export function applyReadGuard(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isMutation = type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const guarded = !isLeafType(getNamedType(field.type));
      const list = isNonNullType(field.type) ? field.type.ofType : field.type;
      const keepPositions = isListType(list) && !isNonNullType(list.ofType);
      if (!guarded && !isMutation) continue;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        if (isMutation) context.mutation = info.fieldName;
        const result = resolve(source, args, context, info);
        if (!guarded || isAdmin(context)) return result;
        return isPromise(result) ? Promise.resolve(result).then((value) => guard(context, value, keepPositions)) : guard(context, result, keepPositions);
      };
    }
  }
  return schema;
}

/** Viewer helpers for policies. */
export const actsForInstitution = (ctx: Context, institutionId: number | null | undefined) =>
  institutionId !== null && institutionId !== undefined && ctx.viewer.institutionId === institutionId;

export const actsForEmployer = (ctx: Context, employerId: number | null | undefined) =>
  employerId !== null && employerId !== undefined && ctx.viewer.employerId === employerId;
