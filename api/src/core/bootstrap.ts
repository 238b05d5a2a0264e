import path from 'node:path';
import { DataSource } from 'typeorm';
import { config } from './config';
import { createDataSource } from './database';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { withDatabase } from './db-url';

export interface Database {
  db: DataSource;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL with its data under .data/, then
 * runs pending migrations. `close` releases the pool and stops the embedded server.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const dataDir = path.join(config.dataDir, 'pg');
    log(`Starting embedded PostgreSQL with data in ${dataDir}`);
    embedded = await startEmbeddedPostgres(dataDir);
    url = withDatabase(embedded.url, 'postgres');
  }
  const db = createDataSource({ url, poolSize: config.poolSize });
  try {
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (error) {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
