import path from 'node:path';

/** The repository root, whether running from source (api/src/core) or from dist (dist/api/src/core). */
export const repoRoot = (() => {
  const up = path.resolve(__dirname, '../../..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
})();

function switchFromEnv(name: string, fallback: boolean): boolean {
  const raw = (process.env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got "${process.env[name]}"`);
}

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
  /**
   * How many of the pool's connections mutations may hold at once (default half the pool); the
   * rest stay free for reads, however many writers queue on one row's lock.
   */
  writeConnections: intFromEnv('DATABASE_WRITE_CONNECTIONS', 0),
  /** How long a mutation waits for one of those connections before failing with DATABASE_BUSY. */
  writeWaitTimeoutMs: intFromEnv('DATABASE_WRITE_WAIT_TIMEOUT_MS', 10000),
  production: process.env.NODE_ENV === 'production',
  /**
   * Count SQL statements per request (X-SQL-Statements header). It needs AsyncLocalStorage,
   * whose promise hooks cost every request, so it is on for tests and when asked for.
   */
  countSqlStatements: process.env.PATHFORGE_COUNT_SQL === '1' || (process.env.NODE_ENV === 'test' && process.env.PATHFORGE_COUNT_SQL !== '0'),
  /**
   * How far V8 lets the heap grow past what the last full collection kept, in percent (0: V8's
   * own factor, up to 4×). 60 keeps the process within about 1.6× its live data, and full
   * collections rare enough for learner routes' p99 (README, Benchmark).
   */
  heapGrowingPercent: intFromEnv('HEAP_GROWING_PERCENT', 60),
  maxPageSize: 100,
  defaultPageSize: 20,
  /** Query cost each signed-in viewer and each client address may spend per window (0: no limit). */
  rateLimit: {
    pointsPerViewer: intFromEnv('RATE_LIMIT_VIEWER_POINTS', 200_000),
    pointsPerAddress: intFromEnv('RATE_LIMIT_ADDRESS_POINTS', 400_000),
    windowSeconds: intFromEnv('RATE_LIMIT_WINDOW_SECONDS', 60),
    keyPrefix: process.env.RATE_LIMIT_KEY_PREFIX || 'pathforge:rate',
  },
  /** Failed sign-ins (see login-throttle.ts); 0 turns a limit off. */
  loginThrottle: {
    /** Consecutive failures of one account from one address before it must wait out the window. */
    failuresPerAccountAndAddress: intFromEnv('LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS', 10),
    accountAndAddressWindowSeconds: intFromEnv('LOGIN_FAILURES_ACCOUNT_WINDOW_SECONDS', 15 * 60),
    /** Failures from one address, whichever accounts, per day. */
    failuresPerAddress: intFromEnv('LOGIN_FAILURES_PER_ADDRESS', 100),
    addressWindowSeconds: intFromEnv('LOGIN_FAILURES_ADDRESS_WINDOW_SECONDS', 24 * 3600),
  },
  /** Spreadsheet uploads to /import (each up to 20 MB) one client address may send per window; 0 turns it off. */
  importRateLimit: {
    requestsPerAddress: intFromEnv('IMPORT_REQUESTS_PER_ADDRESS', 30),
    windowSeconds: intFromEnv('IMPORT_WINDOW_SECONDS', 60),
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
  /**
   * Whether `__schema` and `__type` are answered. On by default in every mode: the schema is the
   * public contract college sites build against (GraphiQL, Apollo Sandbox, code generators), and
   * access follows the viewer, not the schema's secrecy. GRAPHQL_INTROSPECTION=off turns it off.
   */
  introspection: switchFromEnv('GRAPHQL_INTROSPECTION', true),
  /** HTTP caching of public data: how long shared caches keep an answer, and serve it stale while they refresh it. */
  publicMaxAgeSeconds: intFromEnv('PUBLIC_CACHE_MAX_AGE', 300),
  publicStaleWhileRevalidateSeconds: intFromEnv('PUBLIC_CACHE_STALE_WHILE_REVALIDATE', 3600),
  /**
   * How long shared caches keep a public answer that reads immutable data only, such as a
   * published pathway version by ID: a day by default, which also bounds how long a version
   * retired meanwhile stays visible in caches.
   */
  publicImmutableMaxAgeSeconds: intFromEnv('PUBLIC_CACHE_IMMUTABLE_MAX_AGE', 86400),
  /** Responses smaller than this many bytes go out uncompressed. */
  compressionThresholdBytes: intFromEnv('COMPRESSION_THRESHOLD_BYTES', 1024),
  /**
   * Persisted queries: `auto` (automatic persisted queries, plus the registered documents) or
   * `only` (callers without a token may run registered documents only).
   */
  persistedQueries: (() => {
    const mode = process.env.PERSISTED_QUERIES || 'auto';
    if (mode !== 'auto' && mode !== 'only') throw new Error(`PERSISTED_QUERIES must be auto or only, got "${mode}"`);
    return mode as 'auto' | 'only';
  })(),
  /** Registered documents: a JSON object from sha256 hash to document, as GraphQL Code Generator's persisted documents. */
  persistedDocumentsFile: process.env.PERSISTED_DOCUMENTS_FILE || undefined,
};
