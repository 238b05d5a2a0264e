import 'reflect-metadata';
import '../../api/src/modules';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../api/src/core/database';
import { startEmbeddedPostgres } from '../../api/src/core/embedded';
import { withDatabase } from '../../api/src/core/db-url';

/**
 * The migrated template this run's spec files clone, named per run: a shared server such as the
 * system PostgreSQL on 5432 may hold other runs' templates at the same time.
 */
export function templateName(): string {
  return (process.env.PATHFORGE_TEST_TEMPLATE ??= `pathforge_template_${randomBytes(4).toString('hex')}`);
}

/**
 * One PostgreSQL for the run: DATABASE_URL's server if set, else a throwaway embedded one. The
 * migrations build a template database once; each spec file clones it (see db.ts).
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-test-pg-'));
    // As root, initdb runs as the unprivileged postgres user, which must reach the directory.
    fs.chmodSync(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'), { persistent: false });
    (globalThis as { __PATHFORGE_PG__?: unknown }).__PATHFORGE_PG__ = { embedded, dataDir };
    serverUrl = embedded.superuserUrl;
  }
  process.env.PATHFORGE_TEST_SERVER_URL = serverUrl;
  process.env.AUTH_SECRET ??= randomBytes(48).toString('base64url');

  const TEMPLATE = templateName();
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();

  const db = createDataSource({ url: withDatabase(serverUrl, TEMPLATE), poolSize: 2 });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}
