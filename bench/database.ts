import '../api/src/modules';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { repoRoot } from '../api/src/core/config';
import { createDataSource } from '../api/src/core/database';
import { withDatabase } from '../api/src/core/db-url';
import { startEmbeddedPostgres } from '../api/src/core/embedded';
import { generate, SIZES, tableCounts } from './generate';

/** Bumped whenever the generator's output changes, so an older data set is not reused. */
const GENERATOR_VERSION = 3;

export interface BenchDatabase {
  /** URL of the generated database, for other processes (the limit server, PostGraphile). */
  url: string;
  db: DataSource;
  close(): Promise<void>;
}

export interface PrepareOptions {
  size: 'S' | 'M';
  /** A server or a database URL; unset means the embedded server kept in bench/out/pg. */
  url?: string;
  /** Keep a database this generator version already filled at this size. */
  reuse: boolean;
  log: (line: string) => void;
  onStep?: (step: string, millis: number) => void;
}

/**
 * The database a benchmark runs on: the one a URL names (or `pathforge_bench_<size>` when it names
 * the server's `postgres` database), generated afresh unless `reuse` finds a complete one, marked
 * by a comment on the database that names the generator version and size.
 */
export async function prepareBenchDatabase(options: PrepareOptions): Promise<BenchDatabase> {
  let serverUrl = options.url;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(path.join(repoRoot, 'bench', 'out', 'pg'), { persistent: true });
    serverUrl = embedded.superuserUrl;
    stopEmbedded = () => embedded.stop();
  }
  const named = new URL(serverUrl).pathname.slice(1);
  const database = named && named !== 'postgres' ? named : `pathforge_bench_${options.size.toLowerCase()}`;
  const marker = `pathforge bench generator ${GENERATOR_VERSION} size ${options.size}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const existing = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1`, [database]);
    const reusable = options.reuse && existing.rows[0]?.marker === marker;
    if (!reusable) {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${database}"`);
    }
    const url = withDatabase(serverUrl, database);
    const db = createDataSource({ url, poolSize: 10, applicationName: 'pathforge-bench' });
    await db.initialize();
    if (reusable) {
      const applied = await db.runMigrations({ transaction: 'each' });
      options.log(`reusing ${database} (${marker})${applied.length ? `, after migrations ${applied.map((m) => m.name).join(', ')}` : ''}`);
    } else {
      await db.runMigrations({ transaction: 'each' });
      const started = performance.now();
      await generate(db, SIZES[options.size], options.onStep);
      await admin.query(`COMMENT ON DATABASE "${database}" IS '${marker}'`);
      options.log(`generated ${database} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    options.log(`rows: ${JSON.stringify(await tableCounts(db))}`);
    return {
      url,
      db,
      close: async () => {
        await db.destroy();
        await stopEmbedded?.();
      },
    };
  } finally {
    await admin.end();
  }
}
