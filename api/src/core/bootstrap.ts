import path from 'node:path';
import { DataSource } from 'typeorm';
import { config } from './config';
import { createDataSource, createReplicaReads } from './database';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded';

export interface Database {
  /** The primary: writes, mutations (their payloads' reads too) and migrations. */
  db: DataSource;
  /** Where query operations read: the replicas when there are any, else the primary. */
  reads: DataSource;
  /** The primary's URL, for other processes to connect to. */
  url: string;
  embedded: EmbeddedDatabase | null;
  /** Releases the pools; the embedded server keeps running. */
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  replicaUrls?: string[];
  /** How long a replica that could not be reached is passed over (default DATABASE_REPLICA_RETRY_MS). */
  replicaRetryMs?: number;
  /** False where another process has run the migrations already. */
  migrate?: boolean;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL with its data under .data/, then
 * runs pending migrations on it. With DATABASE_REPLICA_URLS, query operations read from those
 * replicas. `close` releases the pools and stops the embedded server.
 */
export async function openDatabase(log: (line: string) => void = () => {}, options: OpenOptions = {}): Promise<Database> {
  const replicaUrls = options.replicaUrls ?? config.replicaUrls;
  let url = options.url ?? config.databaseUrl;
  if (!url && replicaUrls.length > 0) throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas of the embedded PostgreSQL are not supported');
  let embedded: EmbeddedDatabase | null = null;
  if (!url) {
    const dataDir = path.join(config.dataDir, 'pg');
    log(`Starting embedded PostgreSQL with data in ${dataDir}`);
    embedded = await startEmbeddedPostgres(dataDir, { notice: log });
    url = embedded.url;
  }
  const db = createDataSource({ url, poolSize: config.poolSize });
  const reads = replicaUrls.length > 0 ? createReplicaReads({ url, replicaUrls, poolSize: config.replicaPoolSize, replicaRetryMs: options.replicaRetryMs }) : db;
  const disconnect = async () => {
    await Promise.all([...new Set([db, reads])].filter((source) => source.isInitialized).map((source) => source.destroy()));
  };
  const close = async () => {
    await disconnect();
    await embedded?.stop();
  };
  try {
    await db.initialize();
    if (options.migrate ?? true) {
      const applied = await db.runMigrations({ transaction: 'each' });
      if (applied.length > 0) log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
    if (reads !== db) {
      await reads.initialize();
      log(`Query operations read from ${replicaUrls.length} replica(s)`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { db, reads, url, embedded, disconnect, close };
}
