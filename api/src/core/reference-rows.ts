import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager, In, ObjectLiteral } from 'typeorm';
import { ChangeListener, PerDatabase } from './change-listener';
import { onPrimary } from './database';
import { registerMutationHooks, registeredEntities } from './registry';

/**
 * Rows that nearly every read points at and that change rarely, edited in place: credentials,
 * occupations, employers, institutions and degree programs. Pathway pages, routes, mappings and
 * awards all show them, so the loaders take them from here rather than from SQL each request.
 */
const REFERENCE_TYPES = new Set(['Credential', 'Occupation', 'Employer', 'Institution', 'DegreeProgram']);

/** The channel migrations/1795470000000-reference-rows-notify.ts notifies on commit, naming the rows. */
const CHANNEL = 'pathforge_reference_rows';

type Row = ObjectLiteral & { id: number };

export const isReferenceEntity = (entity: Function): boolean => REFERENCE_TYPES.has(entity.name);
const referenceEntities = (): Function[] => registeredEntities().filter(isReferenceEntity);

function capacityFromEnv(): number {
  const raw = process.env.REFERENCE_ROWS_MAX;
  const value = raw === undefined || raw === '' ? 50000 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`REFERENCE_ROWS_MAX must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Rows loaded together when warming, small enough that a batch's hydration barely delays a request. */
const WARM_BATCH = 500;

interface Table {
  rows: LRUCache<number, Row>;
  /** Bumped by every notification naming the table: a load that spans one is served, not kept. */
  generation: number;
}

/**
 * One process's copy of the reference rows of one database, one LRU per entity, shared by every
 * request: deduplicated, so a credential shown on a thousand pages is held once. Triggers notify
 * on commit of any update or delete of those tables, whoever wrote it, naming the rows, and just
 * those are dropped (the whole table for a truncate or a statement of many rows). While the
 * listening connection is down nothing is kept, so a missed notification can never leave a stale
 * row; each time listening starts, everything is dropped and the tables are read again in the
 * background, up to the capacity. Rows are loaded on the primary, so a lagging replica cannot put
 * a row older than a notification into the cache. Callers must treat the rows as read-only.
 */
export class ReferenceRows {
  private readonly tables = new Map<Function, Table>();
  /** Bumped by every drop of everything: a warm-up that spans one stops. */
  private epoch = 0;
  private readonly listener: ChangeListener;
  private readonly enabled: boolean;
  private closed = false;

  constructor(private readonly db: DataSource, private readonly capacity = capacityFromEnv()) {
    this.enabled = capacity > 0;
    this.listener = new ChangeListener(
      db,
      CHANNEL,
      {
        listening: () => {
          this.drop();
          void this.warm(this.epoch).catch(() => {});
        },
        notified: (payload) => this.changed(payload),
        lost: () => this.drop(),
      },
      'pathforge-reference-rows',
    );
  }

  /** Rows held now, over all entities (for tests and figures). */
  get size(): number {
    let size = 0;
    for (const table of this.tables.values()) size += table.rows.size;
    return size;
  }

  /** Starts listening, and so warming, ahead of the first request (at server start). */
  start(): void {
    if (this.enabled) void this.listener.ensure();
  }

  /** Whether this process is listening for changes, connecting first where it may. */
  listening(): Promise<boolean> {
    return this.enabled ? this.listener.ensure() : Promise.resolve(false);
  }

  /** The row if this process holds it now (and is listening, so it is current); undefined otherwise. */
  peek<T extends Row>(entity: Function, id: number): T | undefined {
    if (!this.enabled || !this.listener.isListening) return undefined;
    return this.tables.get(entity)?.rows.get(id) as T | undefined;
  }

  /** The rows of `entity` with these ids (those that exist), from the cache or loaded in one statement. */
  async byIds<T extends Row>(entity: Function, ids: readonly number[]): Promise<Map<number, T>> {
    const table = this.tableOf(entity);
    // Taken before anything is awaited: a load that spans any drop, even the one of listening
    // starting, is served and not kept.
    const generation = table.generation;
    const keeping = this.enabled && (await this.listener.ensure());
    const found = new Map<number, T>();
    const missing: number[] = [];
    for (const id of ids) {
      const row = keeping ? (table.rows.get(id) as T | undefined) : undefined;
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const load = (manager: EntityManager) => manager.getRepository<T>(entity).findBy({ id: In(missing) } as never);
    const rows = keeping ? await onPrimary(this.db, load) : await load(this.db.manager);
    const keep = keeping && generation === table.generation && this.listener.isListening;
    for (const row of rows) {
      found.set(row.id, row);
      if (keep) table.rows.set(row.id, row);
    }
    return found;
  }

  /**
   * Once this returns, every change committed before the call has been heard (or, failing that,
   * everything has been dropped): after a mutation, its own process reads what it wrote.
   */
  async sync(): Promise<void> {
    if (!(await this.listener.sync())) this.drop();
  }

  /** Drops everything this process holds. */
  drop(): void {
    this.epoch += 1;
    for (const table of this.tables.values()) {
      table.generation += 1;
      table.rows.clear();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener.close();
    this.drop();
  }

  /** "credential:12,40" drops those rows; "credential" the table; anything else, everything. */
  private changed(payload: string): void {
    const [tableName, ids] = payload.split(':');
    const entity = referenceEntities().find((candidate) => this.db.getMetadata(candidate).tableName === tableName);
    if (!entity) return this.drop();
    const table = this.tableOf(entity);
    table.generation += 1;
    if (ids === undefined) table.rows.clear();
    else for (const id of ids.split(',')) table.rows.delete(Number(id));
  }

  /** Reads every table, a batch at a time, until it is full or something drops everything. */
  private async warm(epoch: number): Promise<void> {
    for (const entity of referenceEntities()) {
      const { tableName } = this.db.getMetadata(entity);
      const ids: { id: number }[] = await onPrimary(this.db, (manager) => manager.query(`SELECT id FROM ${tableName} ORDER BY id LIMIT $1`, [this.capacity]));
      for (let start = 0; start < ids.length; start += WARM_BATCH) {
        if (epoch !== this.epoch || this.closed || !this.listener.isListening) return;
        await this.byIds(entity, ids.slice(start, start + WARM_BATCH).map((row) => row.id));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private tableOf(entity: Function): Table {
    let table = this.tables.get(entity);
    if (!table) {
      table = { rows: new LRUCache<number, Row>({ max: Math.max(1, this.capacity) }), generation: 0 };
      this.tables.set(entity, table);
    }
    return table;
  }
}

const shared = new PerDatabase((db) => new ReferenceRows(db));

/** The reference rows of this database, one copy per database and process. */
export function referenceRows(db: DataSource): ReferenceRows {
  return shared.of(db);
}

/**
 * Waits until this process has heard every change committed so far: a mutation's own process then
 * reads its writes, and keeps every row the mutation did not touch.
 */
export async function syncReferenceRows(db: DataSource): Promise<void> {
  await shared.existing(db)?.sync();
}
registerMutationHooks({ afterCommit: syncReferenceRows });

/**
 * Drops this process's rows once it is listening (tests that count statements start cold with
 * it): listening starting later would read every table again behind the caller's back.
 */
export async function forgetReferenceRows(db: DataSource): Promise<void> {
  const rows = shared.existing(db);
  if (!rows) return;
  await rows.listening();
  rows.drop();
}

/** Stops listening for this database's changes (at shutdown). */
export async function closeReferenceRows(db: DataSource): Promise<void> {
  await shared.take(db)?.close();
}
