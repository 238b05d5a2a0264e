import type { DataSource, QueryRunner } from 'typeorm';
import type { Viewer } from './viewer';

/** What a mutation's hooks are told about it. */
export interface MutationScope {
  viewer: Viewer;
  /** The root mutation field being executed. */
  mutation: string;
}

/** What a module does around every mutation's transaction (see runMutation). */
export interface MutationHooks {
  /** Inside the transaction, before the mutation's work. */
  begin?(queryRunner: QueryRunner | undefined, scope: MutationScope): void;
  /** After commit and before the payload is read, so the payload and later requests see the commit. */
  afterCommit?(db: DataSource): Promise<void>;
}

const entities = new Set<Function>();
const subscribers = new Set<Function>();
const mutationHooks: MutationHooks[] = [];
let modulesRegistered = false;

/**
 * `core/` knows no module: modules hand it their entities, TypeORM subscribers and mutation hooks
 * here when `api/src/modules` is imported, which then marks the registration complete. A
 * DataSource built before that would silently lack tables, so asking for the entities earlier fails.
 */
export function registerEntities(...classes: Function[]): void {
  for (const entity of classes) entities.add(entity);
}

export function registerSubscribers(...classes: Function[]): void {
  for (const subscriber of classes) subscribers.add(subscriber);
}

export function registerMutationHooks(hooks: MutationHooks): void {
  mutationHooks.push(hooks);
}

export function markModulesRegistered(): void {
  modulesRegistered = true;
}

function complete(): void {
  if (!modulesRegistered) throw new Error('The modules have not registered themselves: import api/src/modules before opening a database');
}

export function registeredEntities(): Function[] {
  complete();
  return [...entities];
}

/** The entity class whose name (also its GraphQL type name) is `name`. */
export function registeredEntity(name: string): Function | undefined {
  complete();
  for (const entity of entities) if (entity.name === name) return entity;
  return undefined;
}

export function registeredSubscribers(): Function[] {
  complete();
  return [...subscribers];
}

export function registeredMutationHooks(): readonly MutationHooks[] {
  return mutationHooks;
}
