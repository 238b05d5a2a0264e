import 'reflect-metadata';
import '../../api/src/modules';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database';
import { withDatabase } from '../../api/src/core/db-url';

export interface TestDatabase {
  db: DataSource;
  url: string;
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.PATHFORGE_TEST_SERVER_URL;
  if (!url) throw new Error('PATHFORGE_TEST_SERVER_URL is not set: run the tests through jest (global-setup starts PostgreSQL)');
  return url;
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one spec file, cloned from the migrated template (fast: a file copy). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `pathforge_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await onServer((client) =>
    client.query(options.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${process.env.PATHFORGE_TEST_TEMPLATE}`),
  );
  const url = withDatabase(serverUrl(), name);
  const db = createDataSource({ url, poolSize: 5 });
  await db.initialize();
  return {
    db,
    url,
    name,
    drop: async () => {
      if (db.isInitialized) await db.destroy();
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
