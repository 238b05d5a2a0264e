import './modules';
import cluster, { Worker } from 'node:cluster';
import os from 'node:os';
import { Database, openDatabase, OpenOptions } from './core/bootstrap';
import { config } from './core/config';
import { missingV8Flags } from './core/runtime-flags';
import { isEmpty, seedDemoData } from './seed/demo';
import { startServer } from './server';

type Log = (line: string) => void;

/** API_PROCESSES, with 0 meaning one process per CPU. */
export function processCount(setting = config.apiProcesses): number {
  return setting === 0 ? os.availableParallelism() : setting;
}

/**
 * Opens the database (starting the embedded one if need be), migrates it and, outside production,
 * loads the demo data into an empty one. Production never loads demo data or demo accounts: its
 * first account comes from `npm run create-admin`.
 */
export async function prepareDatabase(log: Log, options: OpenOptions = {}): Promise<Database> {
  const database = await openDatabase(log, options);
  try {
    if (config.production) {
      const [{ admins }] = await database.db.query(`SELECT count(*)::int AS admins FROM app_user WHERE role = 'ADMIN'`);
      if (admins === 0) log('No ADMIN account yet: create one with `npm run create-admin -- <email>`');
    } else if (await isEmpty(database.db)) {
      log('Empty database: loading the demo data');
      await seedDemoData(database.db);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Serves the port until SIGINT or SIGTERM (or, in a worker, until the primary process is gone),
 * then finishes the requests in flight, closes the database and exits.
 */
export async function serve(database: Database, log: Log): Promise<void> {
  const server = await startServer(database.db, config.port, { countSqlStatements: config.countSqlStatements, reads: database.reads });
  const worker = cluster.worker;
  if (worker) {
    // Which process answered, for load-spreading checks; the cluster's own small number, not a pid.
    server.httpServer.prependListener('request', (_request, response) => response.setHeader('X-Worker-Id', String(worker.id)));
  } else {
    log(`GraphQL at ${server.url}/graphql`);
    log(`Admin console at ${server.url}/admin/`);
  }

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: finishing requests in flight, then stopping`);
    await server.stop();
    await database.close();
    if (!worker) log('Stopped; the database keeps its data');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (worker) process.on('disconnect', () => void shutdown('Primary process gone'));
}

/** A worker that dies this soon after it started is restarted after a pause, so a failing start cannot spin. */
const QUICK_CRASH_MS = 5000;
const RESTART_PAUSE_MS = 1000;

/**
 * The primary of API_PROCESSES workers: it prepares the database once (embedded server,
 * migrations, demo data), then forks the workers, which share the port, and replaces any that
 * crashes. On SIGINT or SIGTERM every worker drains its requests; then the embedded PostgreSQL
 * stops.
 */
export async function runPrimary(count: number, log: Log): Promise<void> {
  const database = await prepareDatabase(log);
  // The workers hold the connections; the primary keeps only the embedded server running.
  await database.disconnect();

  // Workers start with the API's V8 flags even where the primary was started without them.
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...missingV8Flags()] });
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork({ DATABASE_URL: database.url });
    startedAt.set(worker, Date.now());
    log(`Worker ${worker.id} started (pid ${worker.process.pid})`);
  };

  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    listening += 1;
    if (listening !== count) return;
    log(`${count} processes serving GraphQL at http://localhost:${address.port}/graphql`);
    log(`Admin console at http://localhost:${address.port}/admin/`);
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) void finish();
      return;
    }
    log(`Worker ${worker.id} (pid ${worker.process.pid}) exited with ${signal ?? `code ${code}`}: starting another`);
    setTimeout(() => stopping || fork(), lived < QUICK_CRASH_MS ? RESTART_PAUSE_MS : 0);
  });

  const finish = async () => {
    await database.embedded?.stop();
    log('Stopped; the database keeps its data');
    process.exit(0);
  };
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: every worker finishes its requests in flight, then stops`);
    if (startedAt.size === 0) return void finish();
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  for (let i = 0; i < count; i += 1) fork();
}

/** A worker: the primary has migrated the database and passes its URL. */
export async function runWorker(log: Log): Promise<void> {
  await serve(await openDatabase(log, { migrate: false }), log);
}
