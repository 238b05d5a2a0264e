import DataLoader from 'dataloader';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { DataSource, In } from 'typeorm';
import { Context } from '../../core/context';
import { groupBy } from '../../core/loaders';
import { sharedRedis } from '../../core/redis';
import { Pathway, PathwayStatus } from './pathway.entity';
import { PathwayDestination } from './pathway-destination.entity';
import { PathwayOffRamp } from './pathway-off-ramp.entity';
import { PathwayPartner } from './pathway-partner.entity';
import { PathwayStage } from './pathway-stage.entity';
import { StageCredential } from './stage-credential.entity';

/**
 * The parts of a published version that no edit can change: its stages and their credential
 * entries, destination links, partners and off-ramps.
 */
export interface VersionParts {
  stages: PathwayStage[];
  entries: StageCredential[];
  destinationLinks: PathwayDestination[];
  partners: PathwayPartner[];
  offRamps: PathwayOffRamp[];
}

type Row = { id: number; createdAt: Date; updatedAt: Date };

/** Entries of an older generation are never read again; the expiry only reclaims their memory. */
const REDIS_TTL_SECONDS = 24 * 3600;

function revive<T extends Row>(entity: new () => T, rows: T[]): T[] {
  return rows.map((row) => Object.assign(new entity(), row, { createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }));
}

function reviveParts(json: string): VersionParts {
  const parts = JSON.parse(json) as VersionParts;
  return {
    stages: revive(PathwayStage, parts.stages),
    entries: revive(StageCredential, parts.entries),
    destinationLinks: revive(PathwayDestination, parts.destinationLinks),
    partners: revive(PathwayPartner, parts.partners),
    offRamps: revive(PathwayOffRamp, parts.offRamps),
  };
}

const databaseOf = (db: DataSource) => (db.driver as { database?: string }).database ?? '';

/** Loads the parts of many versions in five statements, whatever their number. */
async function loadParts(db: DataSource, ids: number[]): Promise<VersionParts[]> {
  const [stages, destinationLinks, partners, offRamps] = await Promise.all([
    db.getRepository(PathwayStage).find({ where: { pathwayId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }),
    db.getRepository(PathwayDestination).find({ where: { pathwayId: In(ids) }, order: { id: 'ASC' } }),
    db.getRepository(PathwayPartner).find({ where: { pathwayId: In(ids) }, order: { id: 'ASC' } }),
    db.getRepository(PathwayOffRamp).find({ where: { pathwayId: In(ids) }, order: { id: 'ASC' } }),
  ]);
  const entries = stages.length ? await db.getRepository(StageCredential).find({ where: { stageId: In(stages.map((s) => s.id)) }, order: { position: 'ASC', id: 'ASC' } }) : [];
  const stagesOf = groupBy(ids, stages, (s) => s.pathwayId);
  const linksOf = groupBy(ids, destinationLinks, (l) => l.pathwayId);
  const partnersOf = groupBy(ids, partners, (p) => p.pathwayId);
  const offRampsOf = groupBy(ids, offRamps, (o) => o.pathwayId);
  return ids.map((_, index) => {
    const own = new Set(stagesOf[index].map((s) => s.id));
    return {
      stages: stagesOf[index],
      entries: entries.filter((entry) => own.has(entry.stageId)),
      destinationLinks: linksOf[index],
      partners: partnersOf[index],
      offRamps: offRampsOf[index],
    };
  });
}

/**
 * Published versions' parts, in an in-process LRU and, when REDIS_URL is set, in Redis shared by
 * every API process. A version's parts never change once published, so nothing expires; a new
 * publish (or a retirement) starts a new generation: Redis keys carry the generation, and a
 * message on a Redis channel tells every process to drop its LRU.
 */
export class PublishedVersionCache {
  private readonly lru: LRUCache<string, VersionParts>;
  private generation = 0;
  private subscriber: Redis | null = null;
  private ready: Promise<void> | null = null;

  /** `prefix` names the Redis channel and keys; processes that share it share the cache. */
  constructor(
    private readonly redis: Redis | null,
    maxVersions: number,
    private readonly prefix = 'pathforge:pathway-versions',
  ) {
    this.lru = new LRUCache({ max: maxVersions });
  }

  get size(): number {
    return this.lru.size;
  }

  async getMany(db: DataSource, ids: readonly number[]): Promise<VersionParts[]> {
    await this.connect();
    // Keys name the database too: a process (a test run, say) may serve more than one.
    const database = databaseOf(db);
    const found = new Map<number, VersionParts>();
    for (const id of ids) {
      const parts = this.lru.get(`${database}:${id}`);
      if (parts) found.set(id, parts);
    }
    let missing = ids.filter((id) => !found.has(id));
    const generation = this.generation;
    if (missing.length && this.redis) {
      const shared = await this.redis.mget(missing.map((id) => this.key(generation, database, id))).catch(() => missing.map(() => null));
      shared.forEach((json, index) => {
        if (json) found.set(missing[index], reviveParts(json));
      });
      for (const id of missing) if (found.has(id)) this.lru.set(`${database}:${id}`, found.get(id)!);
      missing = missing.filter((id) => !found.has(id));
    }
    if (missing.length) {
      const loaded = await loadParts(db, missing);
      const store = this.redis?.pipeline();
      missing.forEach((id, index) => {
        found.set(id, loaded[index]);
        // A load that spans a new generation may predate it: serve it, do not keep it.
        if (generation !== this.generation) return;
        this.lru.set(`${database}:${id}`, loaded[index]);
        store?.set(this.key(generation, database, id), JSON.stringify(loaded[index]), 'EX', REDIS_TTL_SECONDS);
      });
      await store?.exec().catch(() => undefined);
    }
    return ids.map((id) => found.get(id)!);
  }

  /** After a publish or a retirement: every process starts over. */
  async invalidate(): Promise<void> {
    this.lru.clear();
    if (!this.redis) {
      this.generation += 1;
      return;
    }
    try {
      const generation = await this.redis.incr(`${this.prefix}:generation`);
      this.adopt(generation);
      await this.redis.publish(this.prefix, String(generation));
    } catch {
      // Redis is down: this process still drops what it holds; the others drop theirs when their
      // subscription reconnects and finds the generation moved.
      this.generation += 1;
    }
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.ready = null;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private key(generation: number, database: string, id: number): string {
    return `${this.prefix}:${generation}:${database}:${id}`;
  }

  private adopt(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.lru.clear();
  }

  /** Subscribes once; on every (re)connection the generation is read again, so no publish is missed. */
  private connect(): Promise<void> {
    if (!this.redis) return Promise.resolve();
    this.ready ??= (async () => {
      const subscriber = this.redis!.duplicate({ enableOfflineQueue: true, lazyConnect: false });
      subscriber.on('error', () => {});
      subscriber.on('message', (_channel: string, message: string) => this.adopt(Number(message)));
      subscriber.on('ready', () => void this.refreshGeneration());
      this.subscriber = subscriber;
      await subscriber.subscribe(this.prefix).catch(() => undefined);
      await this.refreshGeneration();
    })();
    return this.ready;
  }

  private async refreshGeneration(): Promise<void> {
    const current = await this.redis!.get(`${this.prefix}:generation`).catch(() => null);
    if (current !== null) this.adopt(Number(current));
  }
}

let shared: PublishedVersionCache | null = null;

/** The process's cache, sized by PATHWAY_CACHE_MAX_VERSIONS (0 turns it off). */
export function publishedVersionCache(): PublishedVersionCache | null {
  const max = Number(process.env.PATHWAY_CACHE_MAX_VERSIONS ?? 10000);
  if (!Number.isInteger(max) || max < 0) throw new Error(`PATHWAY_CACHE_MAX_VERSIONS must be a non-negative integer, got "${process.env.PATHWAY_CACHE_MAX_VERSIONS}"`);
  if (max === 0) return null;
  shared ??= new PublishedVersionCache(sharedRedis(), max);
  return shared;
}

/** Drops the process's cache and its subscription (at shutdown, and between tests). */
export async function closePublishedVersionCache(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}

const STAGE_ORDER = { position: 'ASC' } as const;
const ENTRY_ORDER = { position: 'ASC' } as const;

/**
 * For a published version, puts its cached parts into this request's loaders, so the field
 * resolvers that follow (stages and their entries, destinations, partners, off-ramps) find them
 * without SQL; the credentials, occupations, employers and owner they point at are reference rows,
 * which the loaders take from the process's shared copy (core/reference-rows.ts). Other versions
 * are left to the loaders. The orders match the resolvers' loaders.
 */
export async function primePublishedParts(ctx: Context, pathway: Pathway): Promise<void> {
  const cache = publishedVersionCache();
  if (!cache || pathway.status !== PathwayStatus.PUBLISHED) return;
  const parts = await ctx.loaders
    .custom('pathway.publishedPage', (db) => new DataLoader<number, VersionParts>((ids) => cache.getMany(db, ids)))
    .load(pathway.id);
  ctx.loaders.manyBy(PathwayStage, 'pathwayId', STAGE_ORDER).prime(pathway.id, parts.stages);
  const entries = ctx.loaders.manyBy(StageCredential, 'stageId', ENTRY_ORDER);
  const entriesOf = groupBy(parts.stages.map((s) => s.id), parts.entries, (entry) => entry.stageId);
  parts.stages.forEach((stage, index) => entries.prime(stage.id, entriesOf[index]));
  ctx.loaders.manyBy(PathwayDestination, 'pathwayId').prime(pathway.id, parts.destinationLinks);
  ctx.loaders.manyBy(PathwayPartner, 'pathwayId').prime(pathway.id, parts.partners);
  ctx.loaders.manyBy(PathwayOffRamp, 'pathwayId').prime(pathway.id, parts.offRamps);
}
