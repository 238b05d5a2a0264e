import { Client, ClientConfig } from 'pg';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { EngineAgreement, EngineCredential, EngineProgram } from '../articulation/engine';
import { credentialIdsOf, loadCredentials, loadProgramData } from './route-data';

/** A program as the route engine sees it: its terms, its ACTIVE agreements, and the credentials they name. */
export interface CatalogueEntry {
  program: EngineProgram;
  agreements: EngineAgreement[];
  credentials: Map<number, EngineCredential>;
}

/** The channel migrations/1795460000000-catalogue-notify.ts notifies on commit. */
const CHANNEL = 'pathforge_catalogue';
const RECONNECT_AFTER_MS = 5000;
/** Programs loaded together when warming the cache, and the quiet after a change before warming again. */
const WARM_BATCH = 250;
const REWARM_AFTER_MS = 2000;

function capacityFromEnv(): number {
  const raw = process.env.ROUTE_CATALOGUE_PROGRAMS;
  const value = raw === undefined || raw === '' ? 5000 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`ROUTE_CATALOGUE_PROGRAMS must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The primary's connection settings: notifications come from where the writes commit. */
function primaryConnection(db: DataSource): ClientConfig {
  const options = db.options as unknown as { replication?: { master: Record<string, unknown> } } & Record<string, unknown>;
  const primary = options.replication?.master ?? options;
  const extra = (options.extra ?? {}) as { connectionTimeoutMillis?: number };
  return {
    connectionString: primary.url as string | undefined,
    host: primary.host as string | undefined,
    port: primary.port as number | undefined,
    user: primary.username as string | undefined,
    password: primary.password as string | undefined,
    database: primary.database as string | undefined,
    connectionTimeoutMillis: extra.connectionTimeoutMillis,
    application_name: 'pathforge-catalogue',
  };
}

/**
 * Programs with their agreements, mappings and block pathways, kept between requests: every
 * route of every learner reads them, and they change rarely. Triggers notify on commit of any
 * change to the tables they come from, and the whole cache is dropped then. While the listening
 * connection is down nothing is cached, so a missed notification can never leave stale data.
 */
export class ProgramCatalogue {
  private readonly capacity: number;
  private readonly entries: LRUCache<number, CatalogueEntry>;
  /** Bumped by every notification: a load that spans one is not stored. */
  private generation = 0;
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private lastAttempt = -Infinity;
  private closed = false;
  private rewarm: NodeJS.Timeout | null = null;
  /** ROUTE_CATALOGUE_PROGRAMS=0 turns caching off. */
  private readonly enabled: boolean;

  constructor(private readonly db: DataSource, capacity = capacityFromEnv()) {
    this.capacity = capacity;
    this.entries = new LRUCache({ max: Math.max(1, capacity) });
    this.enabled = capacity > 0;
  }

  /** The entries of these programs (those that exist), from the cache or loaded together in one go. */
  async programs(ids: number[]): Promise<CatalogueEntry[]> {
    if (this.enabled) await this.ensureListening();
    const caching = this.enabled && this.listener !== null;
    const found = new Map<number, CatalogueEntry>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const entry = caching ? this.entries.get(id) : undefined;
      if (entry) found.set(id, entry);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const generation = this.generation;
      const loaded = await this.load(missing);
      const stillCurrent = caching && this.listener !== null && generation === this.generation;
      for (const entry of loaded) {
        found.set(entry.program.id, entry);
        if (stillCurrent) this.entries.set(entry.program.id, entry);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** On the primary, so that a replica's replay lag cannot put data older than a notification into the cache. */
  private async load(programIds: number[]): Promise<CatalogueEntry[]> {
    const runner = this.db.createQueryRunner('master');
    try {
      const { programs, agreementsByProgram } = await loadProgramData(runner.manager, programIds);
      const credentials = await loadCredentials(runner.manager, credentialIdsOf([...agreementsByProgram.values()].flat(), []));
      return programs.map((program) => {
        const agreements = agreementsByProgram.get(program.id) ?? [];
        const named = credentialIdsOf(agreements, []);
        return { program, agreements, credentials: new Map(named.flatMap((id) => (credentials.has(id) ? [[id, credentials.get(id)!] as const] : []))) };
      });
    } finally {
      await runner.release();
    }
  }

  /** Something in the catalogue's tables may have changed: drop everything, and warm again once it is quiet. */
  changed(): void {
    this.invalidate();
    if (this.listener) this.scheduleWarm();
  }

  private invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private async ensureListening(): Promise<void> {
    if (this.listener || this.closed) return;
    if (!this.connecting && performance.now() - this.lastAttempt < RECONNECT_AFTER_MS) return;
    this.connecting ??= this.listen().finally(() => {
      this.connecting = null;
    });
    await this.connecting;
  }

  private async listen(): Promise<void> {
    this.lastAttempt = performance.now();
    const client = new Client(primaryConnection(this.db));
    const lost = () => {
      if (this.listener === client) this.listener = null;
      this.invalidate();
      void client.end().catch(() => {});
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.changed());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      return;
    }
    // The connection only listens: it must not keep a process alive that has nothing else to do.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    // Anything committed before LISTEN took effect might be missing from entries loaded earlier.
    this.invalidate();
    this.listener = client;
    void this.warm(this.generation).catch(() => {});
  }

  private scheduleWarm(): void {
    if (this.rewarm) clearTimeout(this.rewarm);
    this.rewarm = setTimeout(() => {
      this.rewarm = null;
      if (this.listener) void this.warm(this.generation).catch(() => {});
    }, REWARM_AFTER_MS);
    this.rewarm.unref();
  }

  /**
   * Loads programs in the background after the catalogue starts listening, and again once changes
   * have been quiet for a moment, so that requests
   * rarely wait for one; it stops at the first change, after which requests load what they need.
   */
  private async warm(generation: number): Promise<void> {
    const rows: { id: number }[] = await this.db.query(`SELECT id FROM degree_program ORDER BY id LIMIT $1`, [this.capacity]);
    for (let start = 0; start < rows.length; start += WARM_BATCH) {
      if (generation !== this.generation || this.closed) return;
      const loaded = await this.load(rows.slice(start, start + WARM_BATCH).map((row) => row.id));
      if (generation !== this.generation) return;
      for (const entry of loaded) if (!this.entries.has(entry.program.id)) this.entries.set(entry.program.id, entry);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.rewarm) clearTimeout(this.rewarm);
    await this.connecting;
    const client = this.listener;
    this.listener = null;
    this.invalidate();
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}

/** By the primary's connection settings, so the primary's DataSource and a replica-reading one share a catalogue. */
const catalogues = new Map<string, ProgramCatalogue>();
const keyOf = (db: DataSource) => JSON.stringify(primaryConnection(db));

/** The catalogue of this database, one per database and process. */
export function programCatalogue(db: DataSource): ProgramCatalogue {
  const key = keyOf(db);
  let catalogue = catalogues.get(key);
  if (!catalogue) {
    catalogue = new ProgramCatalogue(db);
    catalogues.set(key, catalogue);
  }
  return catalogue;
}

/**
 * Drops what this process has cached, at once: a mutation's own process reads its writes without
 * waiting for the notification, which reaches every other process a moment later.
 */
export function forgetProgramCatalogue(db: DataSource): void {
  catalogues.get(keyOf(db))?.changed();
}

/** Stops listening for this database's changes (at shutdown). */
export async function closeProgramCatalogue(db: DataSource): Promise<void> {
  const key = keyOf(db);
  const catalogue = catalogues.get(key);
  catalogues.delete(key);
  await catalogue?.close();
}
