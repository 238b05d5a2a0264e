import { LRUCache } from 'lru-cache';
import { DataSource, In } from 'typeorm';
import { ChangeListener, PerDatabase } from '../../core/change-listener';
import type { EngineCredential } from '../articulation/engine';
import { CatalogueEntry, CatalogueSlice, credentialIdsOf, loadProgramData, ProgramSource } from './route-data';
import { onPrimary } from '../../core/database';
import { registerMutationHooks } from '../../core/registry';
import { Credential } from '../credentials/credential.entity';

/** The channel migrations/1795460000000-catalogue-notify.ts notifies on commit. */
const CHANNEL = 'pathforge_catalogue';
/** Programs loaded together when warming the cache, and the quiet after a change before warming again. */
const WARM_BATCH = 250;
const REWARM_AFTER_MS = 2000;
/** How soon after a change names programs they are loaded again. */
const REFILL_AFTER_MS = 50;

function capacityFromEnv(): number {
  const raw = process.env.ROUTE_CATALOGUE_PROGRAMS;
  const value = raw === undefined || raw === '' ? 20000 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`ROUTE_CATALOGUE_PROGRAMS must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * A program's entry as kept between requests: the program, its agreements and the credentials they
 * name, as one JSON string, read back into objects for each request that needs it. A string is one
 * object to the garbage collector, however much it holds: kept as objects, the catalogue was about
 * 280,000 of the heap's 750,000 at size M, and every full collection marked them all.
 */
interface StoredEntry {
  readonly json: string;
}

/** What a stored entry's JSON holds. */
interface PackedEntry extends CatalogueEntry {
  credentials: EngineCredential[];
}

/** An entry to keep, with the credentials its agreements name taken from those loaded with it. */
function stored(entry: CatalogueEntry, credentials: ReadonlyMap<number, EngineCredential>): StoredEntry {
  const named = new Set(credentialIdsOf(entry.agreements, []));
  const packed: PackedEntry = { ...entry, credentials: [...named].flatMap((id) => credentials.get(id) ?? []) };
  return { json: JSON.stringify(packed) };
}

/**
 * Programs with their agreements, mappings and block pathways, kept between requests: every
 * route of every learner reads them, and they change rarely. Triggers notify on commit of any
 * change to the tables they come from: a change to programs, agreements or mappings names the
 * programs it touched and just those are dropped; anything else (a credential's title, a
 * publication, a truncate) drops the whole cache. While the listening connection is down nothing
 * is cached, so a missed notification can never leave stale data.
 */
export class ProgramCatalogue implements ProgramSource {
  private readonly capacity: number;
  private readonly entries: LRUCache<number, StoredEntry>;
  /** Bumped by every notification: a load that spans one is not stored. */
  private generation = 0;
  private readonly listener: ChangeListener;
  private closed = false;
  private rewarm: NodeJS.Timeout | null = null;
  /** Programs that changes dropped, loaded again by `refillDropped` shortly after. */
  private readonly refill = new Set<number>();
  private refilling: NodeJS.Timeout | null = null;
  /** ROUTE_CATALOGUE_PROGRAMS=0 turns caching off. */
  private readonly enabled: boolean;

  constructor(private readonly db: DataSource, capacity = capacityFromEnv()) {
    this.capacity = capacity;
    this.entries = new LRUCache({ max: Math.max(1, capacity) });
    this.enabled = capacity > 0;
    this.listener = new ChangeListener(db, CHANNEL, {
      listening: () => {
        // Anything committed before LISTEN took effect might be missing from entries loaded earlier.
        this.invalidate();
        void this.warm(this.generation).catch(() => {});
      },
      notified: (payload) => this.notified(payload),
      lost: () => this.invalidate(),
    }, 'pathforge-catalogue');
  }

  /** Starts listening, and so warming, ahead of the first route (at server start). */
  start(): void {
    if (this.enabled) void this.listener.ensure();
  }

  /** The entries of these programs (those that exist), from the cache or loaded together in one go. */
  async programs(ids: number[]): Promise<CatalogueSlice> {
    const caching = this.enabled && (await this.listener.ensure());
    const found = new Map<number, CatalogueEntry>();
    const credentials = new Map<number, EngineCredential>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const kept = caching ? this.entries.get(id) : undefined;
      if (!kept) {
        missing.push(id);
        continue;
      }
      const { program, agreements, credentials: named } = JSON.parse(kept.json) as PackedEntry;
      found.set(id, { program, agreements });
      for (const credential of named) credentials.set(credential.id, credential);
    }
    if (missing.length > 0) {
      const generation = this.generation;
      const loaded = await this.load(missing);
      const stillCurrent = caching && this.listener.isListening && generation === this.generation;
      for (const entry of loaded.entries) {
        found.set(entry.program.id, entry);
        if (stillCurrent) this.entries.set(entry.program.id, stored(entry, loaded.credentials));
      }
      for (const [id, credential] of loaded.credentials) credentials.set(id, credential);
    }
    return { entries: ids.flatMap((id) => found.get(id) ?? []), credentials };
  }

  /**
   * On the primary, so that a replica's replay lag cannot put data older than a notification into
   * the cache. With the programs, the titles and workloads of the credentials their agreements name.
   */
  private async load(programIds: number[]): Promise<{ entries: CatalogueEntry[]; credentials: Map<number, EngineCredential> }> {
    const { programs, agreementsByProgram, credentialRows } = await onPrimary(this.db, async (manager) => {
      const data = await loadProgramData(manager, programIds);
      const ids = [...new Set(credentialIdsOf([...data.agreementsByProgram.values()].flat(), []))];
      const rows = ids.length === 0 ? [] : await manager.getRepository(Credential).find({ select: { id: true, title: true, workloadHours: true }, where: { id: In(ids) } });
      return { ...data, credentialRows: rows };
    });
    const credentials = new Map<number, EngineCredential>();
    for (const { id, title, workloadHours } of credentialRows) credentials.set(id, { id, title, workloadHours });
    return { entries: programs.map((program) => ({ program, agreements: agreementsByProgram.get(program.id) ?? [] })), credentials };
  }

  /** Once this returns, every change committed before the call has been heard, or the cache dropped. */
  async sync(): Promise<void> {
    if (!(await this.listener.sync())) this.changed();
  }

  /** The program's stored entry if this process holds it now (for tests: each load makes a new one). */
  held(programId: number): StoredEntry | undefined {
    return this.entries.peek(programId);
  }

  /** Something in the catalogue's tables may have changed: drop everything, and warm again once it is quiet. */
  changed(): void {
    this.invalidate();
    if (this.listener.isListening) this.scheduleWarm();
  }

  /** "programs:12,40" drops those programs; anything else, everything. */
  private notified(payload: string): void {
    const named = /^programs:(\d+(?:,\d+)*)$/.exec(payload);
    if (!named) return this.changed();
    // A load in flight may have read a program before the change: none is kept.
    this.generation += 1;
    for (const id of named[1].split(',').map(Number)) {
      if (this.entries.delete(id)) this.refill.add(id);
    }
    if (this.refill.size > 0 && this.listener.isListening) this.scheduleRefill();
  }

  private scheduleRefill(): void {
    if (this.refilling || this.closed) return;
    this.refilling = setTimeout(() => void this.refillDropped().catch(() => {}), REFILL_AFTER_MS);
    this.refilling.unref();
  }

  /**
   * Loads again the programs that changes dropped, a moment after the first of them: a few
   * programs cost one load, so a registrar's edits leave the catalogue warm instead of making
   * every route that shows an edited program load it. A load that spans another change is not
   * kept, and its programs wait for the next turn.
   */
  private async refillDropped(): Promise<void> {
    this.refilling = null;
    const ids = [...this.refill].filter((id) => !this.entries.has(id));
    this.refill.clear();
    if (ids.length === 0 || this.closed || !this.listener.isListening) return;
    const generation = this.generation;
    const loaded = await this.load(ids);
    if (generation !== this.generation || !this.listener.isListening) {
      for (const id of ids) this.refill.add(id);
      this.scheduleRefill();
      return;
    }
    this.keep(loaded);
  }

  /** Keeps what a background load read, beside (never over) entries a request has kept meanwhile. */
  private keep(loaded: { entries: CatalogueEntry[]; credentials: Map<number, EngineCredential> }): void {
    for (const entry of loaded.entries) if (!this.entries.has(entry.program.id)) this.entries.set(entry.program.id, stored(entry, loaded.credentials));
  }

  private invalidate(): void {
    this.generation += 1;
    this.refill.clear();
    this.entries.clear();
  }

  private scheduleWarm(): void {
    if (this.rewarm) clearTimeout(this.rewarm);
    this.rewarm = setTimeout(() => {
      this.rewarm = null;
      if (this.listener.isListening) void this.warm(this.generation).catch(() => {});
    }, REWARM_AFTER_MS);
    this.rewarm.unref();
  }

  /**
   * Loads the programs it does not hold in the background once the catalogue listens, and again
   * once changes have been quiet for a moment, so that requests rarely wait for one. It stops at
   * the first change; until the next warming, requests load what they need.
   */
  private async warm(generation: number): Promise<void> {
    const rows: { id: number }[] = await this.db.query(`SELECT id FROM degree_program ORDER BY id LIMIT $1`, [this.capacity]);
    const missing = rows.map((row) => row.id).filter((id) => !this.entries.has(id));
    for (let start = 0; start < missing.length; start += WARM_BATCH) {
      if (generation !== this.generation || this.closed) return;
      const loaded = await this.load(missing.slice(start, start + WARM_BATCH));
      if (generation !== this.generation) return;
      this.keep(loaded);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.rewarm) clearTimeout(this.rewarm);
    if (this.refilling) clearTimeout(this.refilling);
    await this.listener.close();
    this.invalidate();
  }
}

const catalogues = new PerDatabase((db) => new ProgramCatalogue(db));

/** The catalogue of this database, one per database and process. */
export function programCatalogue(db: DataSource): ProgramCatalogue {
  return catalogues.of(db);
}

/**
 * Waits until this process has heard every change committed so far (or, failing that, drops what
 * it has cached): a mutation's own process then reads its writes, and a mutation of nothing the
 * catalogue holds leaves it as it is.
 */
export async function syncProgramCatalogue(db: DataSource): Promise<void> {
  await catalogues.existing(db)?.sync();
}
registerMutationHooks({ afterCommit: syncProgramCatalogue });

/** Stops listening for this database's changes (at shutdown). */
export async function closeProgramCatalogue(db: DataSource): Promise<void> {
  await catalogues.take(db)?.close();
}
