import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';

const RECONNECT_AFTER_MS = 5000;
/** Notifications a process sends itself to know it has heard everything before them; never a change. */
const SYNC_PREFIX = 'sync:';
/** Numbers this process's sync tokens, across all its listeners, so no two share one. */
let syncCount = 0;

/** The primary's connection settings: notifications come from where the writes commit. */
export function primaryConnection(db: DataSource, applicationName = 'pathforge-listener'): ClientConfig {
  const options = db.options as unknown as { replication?: { master: Record<string, unknown> } } & Record<string, unknown>;
  const primary = options.replication?.master ?? options;
  const extra = (options.extra ?? {}) as { connectionTimeoutMillis?: number };
  return {
    connectionString: primary.url as string | undefined,
    host: primary.host as string | undefined,
    port: primary.port as number | undefined,
    user: primary.username as string | undefined,
    password: primary.password as string | undefined,
    database: primary.database as string | undefined,
    connectionTimeoutMillis: extra.connectionTimeoutMillis,
    application_name: applicationName,
  };
}

export interface ChangeHandlers {
  /** Listening has (re)started: whatever was cached before may have missed a notification. */
  listening(): void;
  /** A notification arrived on the channel, with what the trigger said (may be empty). */
  notified(payload: string): void;
  /** The connection is gone: nothing said about changes can be trusted until `listening` again. */
  lost(): void;
}

/**
 * One connection to the primary that LISTENs on a channel which triggers notify on commit, for
 * caches that must drop what they hold when the rows behind it change. It connects on demand and
 * again, at most every few seconds, after it is lost (a restart of PostgreSQL, a dropped
 * connection), and it never keeps a process alive on its own.
 */
export class ChangeListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private lastAttempt = -Infinity;
  private closed = false;
  private readonly syncs = new Map<string, () => void>();
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly channel: string,
    private readonly handlers: ChangeHandlers,
    /** Shown in pg_stat_activity, so each listening connection says what it is for. */
    private readonly applicationName = 'pathforge-listener',
  ) {}

  get isListening(): boolean {
    return this.client !== null;
  }

  /** Whether the listener is up, connecting first where it is down and may try again. */
  async ensure(): Promise<boolean> {
    if (this.client || this.closed) return this.client !== null;
    if (!this.connecting && performance.now() - this.lastAttempt >= RECONNECT_AFTER_MS) {
      this.connecting = this.listen().finally(() => {
        this.connecting = null;
      });
    }
    await this.connecting;
    return this.client !== null;
  }

  private async listen(): Promise<void> {
    this.lastAttempt = performance.now();
    const client = new Client(primaryConnection(this.db, this.applicationName));
    const lost = () => {
      if (this.client === client) this.client = null;
      this.handlers.lost();
      void client.end().catch(() => {});
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (!payload.startsWith(SYNC_PREFIX)) return this.handlers.notified(payload);
      // Another process's sync token means nothing here.
      this.syncs.get(payload)?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      return;
    }
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.handlers.listening();
  }

  /**
   * Resolves true once every notification of a transaction committed before the call has been
   * handled: PostgreSQL delivers notifications in commit order, so the listener sends itself one
   * and waits for it to come back. False when not listening, or not back within `timeoutMs`.
   */
  async sync(timeoutMs = 2000): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    const token = `${SYNC_PREFIX}${process.pid}:${(syncCount += 1)}`;
    const back = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.syncs.set(token, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    try {
      // One statement at a time on the listening connection, however many mutations sync at once.
      const sent = this.sending.then(() => client.query('SELECT pg_notify($1, $2)', [this.channel, token]));
      this.sending = sent.catch(() => undefined);
      await sent;
      return await back;
    } catch {
      return false;
    } finally {
      this.syncs.delete(token);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}

/**
 * One instance of a cache per database and process, found by the primary's connection settings, so
 * that the primary's DataSource and a replica-reading one share it.
 */
export class PerDatabase<T> {
  private readonly instances = new Map<string, T>();

  constructor(private readonly create: (db: DataSource) => T) {}

  /** The database's instance, made on first need. */
  of(db: DataSource): T {
    const key = PerDatabase.keyOf(db);
    let instance = this.instances.get(key);
    if (instance === undefined) {
      instance = this.create(db);
      this.instances.set(key, instance);
    }
    return instance;
  }

  /** The database's instance if there is one. */
  existing(db: DataSource): T | undefined {
    return this.instances.get(PerDatabase.keyOf(db));
  }

  /** The database's instance, no longer kept (at shutdown). */
  take(db: DataSource): T | undefined {
    const key = PerDatabase.keyOf(db);
    const instance = this.instances.get(key);
    this.instances.delete(key);
    return instance;
  }

  private static keyOf(db: DataSource): string {
    return JSON.stringify(primaryConnection(db));
  }
}
