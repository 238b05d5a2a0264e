import { GraphQLFormattedError } from 'graphql';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Error codes and messages by which pg and PostgreSQL say the server cannot be reached. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
// TypeORM reports a transaction whose connection died as a released query runner.
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error|Query runner already released|connection provided by a query runner was already released/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  type Link = { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown; thrownValue?: unknown };
  for (let current = error as Link | undefined; current; ) {
    if (typeof current.code === 'string' && UNAVAILABLE_CODES.has(current.code)) return true;
    if (typeof current.message === 'string' && UNAVAILABLE_MESSAGES.test(current.message)) return true;
    // pg sometimes rejects with a plain object, which graphql-js wraps as `thrownValue`.
    current = (current.driverError ?? current.originalError ?? current.thrownValue ?? current.cause) as Link | undefined;
  }
  return false;
}

/** Whether pg gave up waiting for a free connection of a full pool (the server is busy, not gone). */
export function isPoolWait(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

export const DATABASE_UNAVAILABLE: GraphQLFormattedError = {
  message: 'The database is unavailable: try again shortly',
  extensions: { code: 'DATABASE_UNAVAILABLE' },
};

export interface Readiness {
  ready: boolean;
  database: 'up' | 'down';
  migrations: 'current' | 'pending' | 'unknown';
  /** Each read replica's state, in DATABASE_REPLICA_URLS order; absent without replicas. */
  replicas?: ('up' | 'down')[];
}

/** A replica is up when it answers as a standby; a server that is not one would serve diverging reads. */
async function replicaStates(reads: DataSource): Promise<('up' | 'down')[]> {
  const pools = (reads.driver as PostgresDriver).slaves as Pool[];
  return Promise.all(
    pools.map(async (pool) => {
      try {
        const { rows } = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
        return rows[0]?.standby ? 'up' : 'down';
      } catch {
        return 'down';
      }
    }),
  );
}

/**
 * Ready when the primary answers and no migration is pending. The replicas' states are reported,
 * but a replica that is down does not make the process unready: reads go to the others, or to the
 * primary, so taking every API process out of service for one replica would be the outage.
 */
export async function readiness(db: DataSource, reads: DataSource = db): Promise<Readiness> {
  const replicas = reads === db ? undefined : await replicaStates(reads);
  try {
    await db.query('SELECT 1');
    const pending = await db.showMigrations();
    return { ready: !pending, database: 'up', migrations: pending ? 'pending' : 'current', ...(replicas && { replicas }) };
  } catch {
    return { ready: false, database: 'down', migrations: 'unknown', ...(replicas && { replicas }) };
  }
}
