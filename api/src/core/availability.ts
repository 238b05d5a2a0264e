import { GraphQLFormattedError } from 'graphql';
import { DataSource } from 'typeorm';

/** Error codes and messages by which pg and PostgreSQL say the server cannot be reached. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error/i;

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

export const DATABASE_UNAVAILABLE: GraphQLFormattedError = {
  message: 'The database is unavailable: try again shortly',
  extensions: { code: 'DATABASE_UNAVAILABLE' },
};

export interface Readiness {
  ready: boolean;
  database: 'up' | 'down';
  migrations: 'current' | 'pending' | 'unknown';
}

/** Ready when the database answers and no migration is pending. */
export async function readiness(db: DataSource): Promise<Readiness> {
  try {
    await db.query('SELECT 1');
    const pending = await db.showMigrations();
    return { ready: !pending, database: 'up', migrations: pending ? 'pending' : 'current' };
  } catch {
    return { ready: false, database: 'down', migrations: 'unknown' };
  }
}
