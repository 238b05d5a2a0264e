import { GraphQLFormattedError } from 'graphql';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Error codes and messages by which pg and PostgreSQL say the server cannot be reached. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
// TypeORM reports a transaction whose connection died as a released query runner.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection is closed|timeout expired|Client has encountered a connection error|Query runner already released|connection provided by a query runner was already released/i;

/** pg-pool's words when it gave up waiting for a connection of a full pool to come free. */
const POOL_WAIT = /timeout exceeded when trying to connect/i;

type Link = { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown; thrownValue?: unknown };

/** Whether `error`, or an error it wraps (TypeORM's, graphql-js's, a cause), passes `test`. */
function anyLink(error: unknown, test: (link: Link) => boolean): boolean {
  for (let current = error as Link | undefined; current; ) {
    if (test(current)) return true;
    // pg sometimes rejects with a plain object, which graphql-js wraps as `thrownValue`.
    current = (current.driverError ?? current.originalError ?? current.thrownValue ?? current.cause) as Link | undefined;
  }
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return anyLink(
    error,
    (link) => (typeof link.code === 'string' && UNAVAILABLE_CODES.has(link.code)) || (typeof link.message === 'string' && UNAVAILABLE_MESSAGES.test(link.message)),
  );
}

/**
 * Whether pg gave up waiting for a free connection of a full pool: every connection is busy with
 * other requests, so the server is overloaded, not gone (a pool whose server is gone empties and
 * fails to connect instead).
 */
export function isPoolWait(error: unknown): boolean {
  return anyLink(error, (link) => link instanceof WriteSlotWait || (typeof link.message === 'string' && POOL_WAIT.test(link.message)));
}

/** A mutation waited DATABASE_WRITE_WAIT_TIMEOUT_MS for one of the connections writes may use. */
export class WriteSlotWait extends Error {
  constructor(waitedMs: number) {
    super(`Every connection writes may use stayed busy for ${waitedMs} ms`);
  }
}

export const DATABASE_BUSY: GraphQLFormattedError = {
  message: 'The database is busy: try again shortly',
  extensions: { code: 'DATABASE_BUSY' },
};

export const DATABASE_UNAVAILABLE: GraphQLFormattedError = {
  message: 'The database is unavailable: try again shortly',
  extensions: { code: 'DATABASE_UNAVAILABLE' },
};

export interface Readiness {
  ready: boolean;
  /** busy: every connection of this process's pool stayed in use for the connect timeout. */
  database: 'up' | 'busy' | 'down';
  migrations: 'current' | 'pending' | 'unknown';
  /** Each read replica's state and lag, in DATABASE_REPLICA_URLS order; absent without replicas. */
  replicas?: ReplicaState[];
}

export interface ReplicaState {
  state: 'up' | 'down';
  /**
   * How far the replica's data is behind the primary's, in seconds: 0 when it has replayed all it
   * received, else the age of the last transaction it replayed; null when down or not known.
   */
  lagSeconds: number | null;
}

/**
 * The lag as PostgreSQL's standby sees it: a replica that has replayed everything it received is
 * current (0), however long ago the primary last wrote; otherwise it is behind by the age of the
 * last transaction it replayed.
 */
const REPLICA_STATE = `
  SELECT pg_is_in_recovery() AS standby,
         CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
              ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`;

/** A replica is up when it answers as a standby; a server that is not one would serve diverging reads. */
async function replicaStates(reads: DataSource): Promise<ReplicaState[]> {
  const pools = (reads.driver as PostgresDriver).slaves as Pool[];
  return Promise.all(
    pools.map(async (pool): Promise<ReplicaState> => {
      try {
        const { rows } = await pool.query<{ standby: boolean; lag: number | null }>(REPLICA_STATE);
        if (!rows[0]?.standby) return { state: 'down', lagSeconds: null };
        return { state: 'up', lagSeconds: rows[0].lag === null ? null : Math.max(0, Math.round(rows[0].lag * 1000) / 1000) };
      } catch {
        return { state: 'down', lagSeconds: null };
      }
    }),
  );
}

/**
 * Ready when the primary answers (or is only busy) and no migration is pending. The replicas' states are reported,
 * but a replica that is down does not make the process unready: reads go to the others, or to the
 * primary, so taking every API process out of service for one replica would be the outage.
 */
export async function readiness(db: DataSource, reads: DataSource = db): Promise<Readiness> {
  const replicas = reads === db ? undefined : await replicaStates(reads);
  return { ...(await primaryState(db)), ...(replicas && { replicas }) };
}

async function primaryState(db: DataSource): Promise<Omit<Readiness, 'replicas'>> {
  try {
    await db.query('SELECT 1');
    const pending = await db.showMigrations();
    return { ready: !pending, database: 'up', migrations: pending ? 'pending' : 'current' };
  } catch (error) {
    // Overloaded is still ready: taking busy processes out of service moves their load onto the rest.
    if (isPoolWait(error)) return { ready: true, database: 'busy', migrations: 'unknown' };
    return { ready: false, database: 'down', migrations: 'unknown' };
  }
}
