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
  /** How long opening a new database connection may take before failing with DATABASE_UNAVAILABLE. */
  connectTimeoutMs: intFromEnv('DATABASE_CONNECT_TIMEOUT_MS', 2000),
  /** How long to wait for a connection of a full pool to come free before failing with DATABASE_BUSY. */
  poolWaitTimeoutMs: intFromEnv('DATABASE_POOL_WAIT_TIMEOUT_MS', 2000),
  production: process.env.NODE_ENV === 'production',
  /**
   * Count SQL statements per request (X-SQL-Statements header). It needs AsyncLocalStorage,
   * whose promise hooks cost every request, so it is on for tests and when asked for.
   */
  countSqlStatements: process.env.PATHFORGE_COUNT_SQL === '1' || (process.env.NODE_ENV === 'test' && process.env.PATHFORGE_COUNT_SQL !== '0'),
  maxPageSize: 100,
  defaultPageSize: 20,
  /** Query cost each signed-in viewer and each client address may spend per window (0: no limit). */
  rateLimit: {
    pointsPerViewer: intFromEnv('RATE_LIMIT_VIEWER_POINTS', 200_000),
    pointsPerAddress: intFromEnv('RATE_LIMIT_ADDRESS_POINTS', 400_000),
    windowSeconds: intFromEnv('RATE_LIMIT_WINDOW_SECONDS', 60),
    keyPrefix: process.env.RATE_LIMIT_KEY_PREFIX || 'pathforge:rate',
  },
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client address (unset: none). */
  trustProxy: process.env.TRUST_PROXY ? (/^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY) : undefined,
  /** Streaming replicas of DATABASE_URL (comma-separated URLs) that serve query operations. */
  replicaUrls: (process.env.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean),
  /** How long a replica that could not be connected to is passed over before reads try it again. */
  replicaRetryMs: intFromEnv('DATABASE_REPLICA_RETRY_MS', 5000),
  /** Connections to each replica, per API process (DATABASE_POOL_SIZE is the primary's). */
  replicaPoolSize: intFromEnv('DATABASE_REPLICA_POOL_SIZE', 10),
  /** API processes sharing the port; 0 (or "auto"): one per CPU. */
  apiProcesses: process.env.API_PROCESSES === 'auto' ? 0 : intFromEnv('API_PROCESSES', 1),
};
