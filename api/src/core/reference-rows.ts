import { LRUCache } from 'lru-cache';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { Credential } from '../modules/credentials/credential.entity';
import { DegreeProgram } from '../modules/articulation/degree-program.entity';
import { Employer } from '../modules/employers/employer.entity';
import { Institution } from '../modules/institutions/institution.entity';
import { Occupation } from '../modules/occupations/occupation.entity';
import { ChangeListener, primaryConnection } from './change-listener';

/**
 * Rows that nearly every read points at and that change rarely, edited in place: credentials,
 * occupations, employers, institutions and degree programs. Pathway pages, routes, mappings and
 * awards all show them, so the loaders take them from here rather than from SQL each request.
 */
const REFERENCE_ENTITIES: Function[] = [Credential, Occupation, Employer, Institution, DegreeProgram];

/** The channel migrations/1795470000000-reference-rows-notify.ts notifies on commit. */
const CHANNEL = 'pathforge_reference_rows';

type Row = ObjectLiteral & { id: number };

export const isReferenceEntity = (entity: Function): boolean => REFERENCE_ENTITIES.includes(entity);

function capacityFromEnv(): number {
  const raw = process.env.REFERENCE_ROWS_MAX;
  const value = raw === undefined || raw === '' ? 50000 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`REFERENCE_ROWS_MAX must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * One process's copy of the reference rows of one database, one LRU per entity, shared by every
 * request: deduplicated, so a credential shown on a thousand pages is held once. Triggers notify
 * on commit of any update or delete of those tables, whoever wrote it, and everything is dropped
 * then. While the listening connection is down nothing is kept, so a missed notification can
 * never leave a stale row. Rows are loaded on the primary, so a lagging replica cannot put a row
 * older than a notification into the cache. Callers must treat the rows as read-only.
 */
export class ReferenceRows {
  private readonly caches = new Map<Function, LRUCache<number, Row>>();
  /** Bumped by every drop: a load that spans one is served, not kept. */
  private generation = 0;
  private readonly listener: ChangeListener;
  private readonly enabled: boolean;

  constructor(private readonly db: DataSource, private readonly capacity = capacityFromEnv()) {
    this.enabled = capacity > 0;
    const drop = () => this.drop();
    this.listener = new ChangeListener(db, CHANNEL, { listening: drop, notified: drop, lost: drop }, 'pathforge-reference-rows');
  }

  /** Rows held now, over all entities (for tests and figures). */
  get size(): number {
    let size = 0;
    for (const cache of this.caches.values()) size += cache.size;
    return size;
  }

  /** The rows of `entity` with these ids (those that exist), from the cache or loaded in one statement. */
  async byIds<T extends Row>(entity: Function, ids: readonly number[]): Promise<Map<number, T>> {
    const keeping = this.enabled && (await this.listener.ensure());
    const cache = this.cacheOf(entity);
    const found = new Map<number, T>();
    const missing: number[] = [];
    for (const id of ids) {
      const row = keeping ? (cache.get(id) as T | undefined) : undefined;
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const generation = this.generation;
    const rows = keeping ? await this.loadOnPrimary<T>(entity, missing) : await this.db.getRepository<T>(entity).findBy({ id: In(missing) } as never);
    const keep = keeping && generation === this.generation && this.listener.isListening;
    for (const row of rows) {
      found.set(row.id, row);
      if (keep) cache.set(row.id, row);
    }
    return found;
  }

  /** Something changed, or may have: every process drops what it holds. */
  drop(): void {
    this.generation += 1;
    for (const cache of this.caches.values()) cache.clear();
  }

  async close(): Promise<void> {
    await this.listener.close();
    this.drop();
  }

  private cacheOf(entity: Function): LRUCache<number, Row> {
    let cache = this.caches.get(entity);
    if (!cache) {
      cache = new LRUCache<number, Row>({ max: Math.max(1, this.capacity) });
      this.caches.set(entity, cache);
    }
    return cache;
  }

  private async loadOnPrimary<T extends Row>(entity: Function, ids: number[]): Promise<T[]> {
    const runner = this.db.createQueryRunner('master');
    try {
      return await runner.manager.getRepository<T>(entity).findBy({ id: In(ids) } as never);
    } finally {
      await runner.release();
    }
  }
}

/** By the primary's connection settings, so the primary's DataSource and a replica-reading one share the rows. */
const shared = new Map<string, ReferenceRows>();
const keyOf = (db: DataSource) => JSON.stringify(primaryConnection(db));

/** The reference rows of this database, one copy per database and process. */
export function referenceRows(db: DataSource): ReferenceRows {
  const key = keyOf(db);
  let rows = shared.get(key);
  if (!rows) {
    rows = new ReferenceRows(db);
    shared.set(key, rows);
  }
  return rows;
}

/**
 * Drops this process's rows at once: a mutation's own process reads its writes without waiting
 * for the notification, which reaches every other process a moment later.
 */
export function forgetReferenceRows(db: DataSource): void {
  shared.get(keyOf(db))?.drop();
}

/** Stops listening for this database's changes (at shutdown). */
export async function closeReferenceRows(db: DataSource): Promise<void> {
  const key = keyOf(db);
  const rows = shared.get(key);
  shared.delete(key);
  await rows?.close();
}
