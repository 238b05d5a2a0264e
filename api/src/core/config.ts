import path from 'node:path';

/** The repository root, whether running from source (api/src/core) or from dist (dist/api/src/core). */
export const repoRoot = (() => {
  const up = path.resolve(__dirname, '../../..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
})();

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export const config = {
  port: intFromEnv('PORT', 4000),
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.PATHFORGE_DATA_DIR || path.join(repoRoot, '.data'),
  poolSize: intFromEnv('DATABASE_POOL_SIZE', 10),
  /** Longest a single SQL statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: intFromEnv('STATEMENT_TIMEOUT_MS', 10000),
  /** Longest a request may take to arrive in full. */
  requestTimeoutMs: intFromEnv('REQUEST_TIMEOUT_MS', 30000),
  /** How long to wait for a database connection before failing with DATABASE_UNAVAILABLE. */
  connectTimeoutMs: intFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 2000),
  production: process.env.NODE_ENV === 'production',
  /**
   * Count SQL statements per request (X-SQL-Statements header). It needs AsyncLocalStorage,
   * whose promise hooks cost every request, so it is on for tests and when asked for.
   */
  countSqlStatements: process.env.PATHFORGE_COUNT_SQL === '1' || (process.env.NODE_ENV === 'test' && process.env.PATHFORGE_COUNT_SQL !== '0'),
  maxPageSize: 100,
  defaultPageSize: 20,
};
