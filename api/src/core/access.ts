import { getNamedType, GraphQLError, isLeafType } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../modules/accounts/user.entity';
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
  if (isAdmin(ctx)) return true;
  const policy = policyFor(row);
  return policy?.canRead ? policy.canRead(ctx, row as ObjectLiteral) : true;
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

async function guard(context: Context, result: unknown): Promise<unknown> {
  if (Array.isArray(result)) {
    if (!result.some(isGuarded)) return result;
    const visible = await Promise.all(result.map((item) => (isGuarded(item) ? canRead(context, item) : true)));
    return result.filter((_, index) => visible[index]);
  }
  if (isGuarded(result) && !(await canRead(context, result))) throw denial(context);
  return result;
}

/**
 * Runs around every field: a single object the viewer may not read becomes a top-level
 * FORBIDDEN/UNAUTHENTICATED error, and unreadable items drop out of lists. This holds for
 * `node(id)`, single queries and nested fields alike. Scalar and enum fields, and admins, pass
 * straight through, so the check costs nothing where there is nothing to check.
 */
export const ReadGuard: MiddlewareFn<Context> = ({ context, info }, next) => {
  if (info.parentType.name === 'Mutation') context.mutation = info.fieldName;
  if (isAdmin(context) || isLeafType(getNamedType(info.returnType))) return next();
  return next().then((result: unknown) => guard(context, result));
};

/** Viewer helpers for policies. */
export const actsForInstitution = (ctx: Context, institutionId: number | null | undefined) =>
  institutionId !== null && institutionId !== undefined && ctx.viewer.institutionId === institutionId;

export const actsForEmployer = (ctx: Context, employerId: number | null | undefined) =>
  employerId !== null && employerId !== undefined && ctx.viewer.employerId === employerId;
