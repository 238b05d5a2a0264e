import { EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, QueryRunner, RemoveEvent, UpdateEvent } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Viewer } from '../../core/viewer';
import { AuditAction, AuditEntry } from './audit-entry.entity';

/** What a mutation's transaction carries so its writes can be attributed. */
export interface AuditScope {
  viewer: Viewer;
  mutation: string;
}

export function beginAudit(queryRunner: QueryRunner | undefined, scope: AuditScope): void {
  if (queryRunner) queryRunner.data = { ...queryRunner.data, audit: scope };
}

const HIDDEN = new Set(['passwordHash']);

/** The last audit write queued on each transaction's connection. */
const queued = new WeakMap<QueryRunner, Promise<unknown>>();

/**
 * Runs `write` after every audit write queued before it on this connection. TypeORM tells
 * subscribers about the rows of one save all at once; a connection runs one statement at a time,
 * and pg will refuse a second one sent while the first is running.
 */
function inTurn(queryRunner: QueryRunner, write: () => Promise<unknown>): Promise<unknown> {
  const next = (queued.get(queryRunner) ?? Promise.resolve()).catch(() => undefined).then(write);
  queued.set(queryRunner, next);
  return next;
}

/** The row's own column values; relation objects and secrets stay out of the log. */
function snapshot(row: ObjectLiteral | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const isPlain = (value: unknown) => value === null || typeof value !== 'object' || value instanceof Date || Array.isArray(value);
  return Object.fromEntries(Object.entries(row).filter(([key, value]) => !HIDDEN.has(key) && isPlain(value)));
}

/**
 * Writes an audit entry in the same transaction as every insert, update and remove made by a
 * mutation, so the log and the data cannot disagree. Writes outside mutations (seed, migrations)
 * carry no scope and are not logged.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.queryRunner, event.metadata.name, AuditAction.CREATE, undefined, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.queryRunner, event.metadata.name, AuditAction.UPDATE, event.databaseEntity, event.entity as ObjectLiteral);
  }

  async beforeRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.queryRunner, event.metadata.name, AuditAction.DELETE, event.databaseEntity ?? event.entity, undefined);
  }

  private async record(queryRunner: QueryRunner, recordType: string, action: AuditAction, before: ObjectLiteral | undefined, after: ObjectLiteral | undefined) {
    const scope = queryRunner.data?.audit as AuditScope | undefined;
    const recordId = (after ?? before)?.id;
    if (!scope || recordType === AuditEntry.name || typeof recordId !== 'number') return;
    const entry: Partial<AuditEntry> = {
      userId: scope.viewer.userId,
      role: scope.viewer.role,
      mutation: scope.mutation,
      action,
      recordType,
      recordId,
      before: snapshot(before),
      after: snapshot(after),
    };
    await inTurn(queryRunner, () => queryRunner.manager.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>));
  }
}
