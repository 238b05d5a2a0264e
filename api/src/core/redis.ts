import type Redis from 'ioredis';

let client: Redis | null | undefined;

/**
 * The shared Redis connection when REDIS_URL is set (a cache and rate limits shared across API
 * processes), or null: everything that uses Redis has an in-process fallback. Connected lazily,
 * once per process; commands fail fast instead of queueing while Redis is down.
 */
export function sharedRedis(): Redis | null {
  if (client !== undefined) return client;
  const url = process.env.REDIS_URL;
  // Loaded only when configured: about 19 MB of a process that has no Redis.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  client = url ? new (require('ioredis') as typeof Redis)(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  // Errors surface on the commands that fail; unhandled 'error' events would crash the process.
  client?.on('error', () => {});
  return client;
}

/** Closes the shared connection (at shutdown, and between tests). */
export async function closeSharedRedis(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await current.quit().catch(() => current.disconnect());
}
