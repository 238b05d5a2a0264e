import { Client, ClientConfig, Pool, PoolClient, QueryResultRow, types } from 'pg';
import { AbstractLogger, DataSource, DataSourceOptions, EntityManager, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isDatabaseUnavailable, isPoolWait } from './availability';
import { migrations } from '../../../migrations';
import { config } from './config';
import { registeredEntities, registeredSubscribers } from './registry';
import { SnakeNamingStrategy } from './naming';
import { recordStatement } from './sql-counter';

// Calendar dates stay YYYY-MM-DD strings; pg would otherwise turn them into local-midnight Dates.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** Counts every statement for the request that issued it; logs nothing else. */
class StatementLogger extends AbstractLogger {
  logQuery(): void {
    recordStatement();
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Read replicas of `url`: each gets a pool of `poolSize` connections. */
  replicaUrls?: string[];
  /** How long a replica that could not be reached is passed over (default DATABASE_REPLICA_RETRY_MS). */
  replicaRetryMs?: number;
  /** Longest a new connection may take to open (default DATABASE_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /** Longest a query waits for a connection of a full pool (default DATABASE_POOL_WAIT_TIMEOUT_MS). */
  poolWaitTimeoutMs?: number;
}

/**
 * pg-pool has one timeout, `connectionTimeoutMillis`, for two waits: for a connection of a full
 * pool to come free, and for a new connection to open. They mean different things (an overloaded
 * server, DATABASE_BUSY; a server that is gone, DATABASE_UNAVAILABLE), so they are set apart: the
 * pool's timeout is the pool wait, each connection opens under its own connect timeout, and the
 * pool's own timer is kept off new connections (`separateConnectTimeout`).
 */
function clientWithConnectTimeout(connectTimeoutMs: number): typeof Client {
  return class ConnectTimeoutClient extends Client {
    constructor(options: ClientConfig) {
      super({ ...options, connectionTimeoutMillis: connectTimeoutMs });
    }
  };
}

type PoolInternals = Pool & { newClient(pending: unknown): void; options: { connectionTimeoutMillis?: number } };

/** pg-pool reads its timeout while it starts a new connection: that connection goes by its own. */
function separateConnectTimeout(pool: Pool): void {
  const internals = pool as PoolInternals;
  const newClient = internals.newClient.bind(internals);
  internals.newClient = (pending: unknown) => {
    const poolWait = internals.options.connectionTimeoutMillis;
    internals.options.connectionTimeoutMillis = 0;
    try {
      newClient(pending);
    } finally {
      internals.options.connectionTimeoutMillis = poolWait;
    }
  };
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  const replicas = options.replicaUrls ?? [];
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? { replication: { master: { url: options.url }, slaves: replicas.map((url) => ({ url })), defaultMode: 'slave' as const } }
      : { url: options.url }),
    entities: registeredEntities(),
    migrations,
    subscribers: registeredSubscribers(),
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementLogger(['query']),
    logging: ['query'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'pathforge',
      statement_timeout: config.statementTimeoutMs,
      // Fail fast when the server is away, instead of queueing requests behind a dead pool.
      connectionTimeoutMillis: options.poolWaitTimeoutMs ?? config.poolWaitTimeoutMs,
      Client: clientWithConnectTimeout(options.connectTimeoutMs ?? config.connectTimeoutMs),
    },
  };
}

/**
 * Makes a query runner's statements run one after another. TypeORM's schema reads (`getTables`,
 * behind `migration:generate` and the schema builder's log) start several statements at once on
 * one runner, and pg deprecates a client.query() issued while the client is still busy.
 */
function oneStatementAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

/** The application's DataSource: TypeORM's, with each query runner's statements serialised. */
export class Database extends DataSource {
  override async initialize(): Promise<this> {
    await super.initialize();
    const driver = this.driver as PostgresDriver;
    for (const pool of [driver.master, ...driver.slaves] as Pool[]) if (pool) separateConnectTimeout(pool);
    return this;
  }

  override createQueryRunner(mode: 'master' | 'slave' = 'master'): QueryRunner {
    return oneStatementAtATime(super.createQueryRunner(mode));
  }
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new Database(dataSourceOptions(options));
}

/**
 * The database of GraphQL query operations when read replicas are configured. TypeORM's
 * replication sends repository and query builder reads to a replica (one chosen at random per
 * statement) and everything else to the primary; raw SQL, which TypeORM sends to the primary
 * too, goes to a replica here, since a query operation only reads. Mutations never use it: they
 * run on the primary, and so do the reads of their payloads, which must see what they wrote.
 * A read cut off by its replica dying runs again on the primary (see `readOnPrimaryAfterFailure`).
 */
export class ReplicaReads extends Database {
  private choice: ReplicaChoice | null = null;

  constructor(options: DataSourceOptions, private readonly replicaRetryMs = config.replicaRetryMs) {
    super(options);
  }

  /** Sends each read to a replica that can be reached, else to the primary (see ReplicaChoice). */
  override async initialize(): Promise<this> {
    await super.initialize();
    const driver = this.driver as PostgresDriver;
    const choice = new ReplicaChoice(driver.slaves as Pool[], this.replicaRetryMs, () => driver.obtainMasterConnection());
    this.choice = choice;
    driver.obtainSlaveConnection = () => choice.connection();
    return this;
  }

  override createQueryRunner(mode: 'master' | 'slave' = 'master'): QueryRunner {
    const runner = DataSource.prototype.createQueryRunner.call(this, mode);
    if (mode === 'slave') {
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = (async (...args: unknown[]) => {
        try {
          return await query(...args);
        } catch (error) {
          if (!this.readOnPrimaryAfterFailure(runner, error)) throw error;
          return query(...args);
        }
      }) as QueryRunner['query'];
    }
    return oneStatementAtATime(runner);
  }

  /**
   * When a read of a replica's runner failed because the replica went away (killed, stopped,
   * cut off mid-statement), passes that replica over, drops its broken connection and turns the
   * runner to the primary, whose connection the next statement takes: true when the read should
   * be run again there. Only outside a transaction, and only once per runner.
   */
  readOnPrimaryAfterFailure(runner: QueryRunner, error: unknown): boolean {
    const internals = runner as QueryRunner & {
      mode: 'master' | 'slave';
      databaseConnection?: PoolClient;
      databaseConnectionPromise?: Promise<PoolClient>;
      releasePostgresConnection(error?: unknown): Promise<void>;
    };
    if (internals.mode !== 'slave' || runner.isTransactionActive || !isDatabaseUnavailable(error)) return false;
    if (internals.databaseConnection) this.choice?.passOver(internals.databaseConnection);
    // Released with the error, so that pg-pool destroys the connection rather than reuse it.
    void internals.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
    Object.assign(internals, { mode: 'master', isReleased: false, databaseConnection: undefined, databaseConnectionPromise: undefined });
    return true;
  }

  override async query<T = any>(sql: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner) return super.query<T>(sql, parameters, queryRunner);
    const replica = this.createQueryRunner('slave');
    try {
      return await super.query<T>(sql, parameters, replica);
    } finally {
      await replica.release();
    }
  }
}

type Connection = [PoolClient, Function];

/**
 * Which replica a read goes to: one chosen at random among those not known to be down. A replica
 * that cannot be connected to is passed over for `retryMs`, and when none can be reached the read
 * goes to the primary, so a replica that dies costs reads their spread, never their answer. A
 * replica whose pool is full is busy, not down: that read goes elsewhere and the replica keeps its
 * turn. A replica that dies while a statement runs on it is passed over the same way
 * (`passOver`), and that statement runs again on the primary (ReplicaReads).
 */
export class ReplicaChoice {
  private readonly downUntil: number[];
  private readonly poolOf = new WeakMap<PoolClient, number>();

  constructor(private readonly pools: Pool[], private readonly retryMs: number, private readonly primary: () => Promise<Connection>) {
    this.downUntil = pools.map(() => 0);
  }

  async connection(): Promise<Connection> {
    const start = Math.floor(Math.random() * this.pools.length);
    for (let step = 0; step < this.pools.length; step += 1) {
      const index = (start + step) % this.pools.length;
      if (this.downUntil[index] > performance.now()) continue;
      try {
        const client = await this.pools[index].connect();
        this.poolOf.set(client, index);
        return [client, (error?: Error) => client.release(error)];
      } catch (error) {
        if (isPoolWait(error)) continue;
        if (!isDatabaseUnavailable(error)) throw error;
        this.downUntil[index] = performance.now() + this.retryMs;
      }
    }
    return this.primary();
  }

  /** The replica `client` came from has gone away while in use: it is passed over for `retryMs`. */
  passOver(client: PoolClient): void {
    const index = this.poolOf.get(client);
    if (index !== undefined) this.downUntil[index] = performance.now() + this.retryMs;
  }
}

/** `url` is the primary's: TypeORM's replication needs it, and sends any write there. */
export function createReplicaReads(options: DatabaseOptions & { replicaUrls: string[] }): ReplicaReads {
  return new ReplicaReads(dataSourceOptions({ applicationName: 'pathforge-reads', ...options }), options.replicaRetryMs);
}

/** Runs `work` on a connection to the primary, whether `db` is the primary's DataSource or the replicas'. */
export async function onPrimary<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner('master');
  try {
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

/**
 * A statement PostgreSQL keeps prepared, under `name`, on each connection that runs it: the second
 * run on a connection skips parsing and planning, which for the hottest read statements is about
 * half their time. It runs where `em.query` would: in the manager's transaction, or on a replica
 * when `em` belongs to the replicas' DataSource. Counted like every other statement.
 */
export async function preparedQuery<T extends QueryResultRow>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const own = !em.queryRunner;
  const reads = em.connection instanceof ReplicaReads ? em.connection : null;
  const runner = em.queryRunner ?? em.connection.createQueryRunner(reads ? 'slave' : 'master');
  const run = async () => {
    const client = (await runner.connect()) as PoolClient;
    recordStatement();
    return (await client.query<T>({ name, text, values })).rows;
  };
  try {
    return await run();
  } catch (error) {
    // A replica that died under the statement: the read runs again on the primary.
    if (!own || !reads?.readOnPrimaryAfterFailure(runner, error)) throw error;
    return await run();
  } finally {
    if (own) await runner.release();
  }
}

/** Named statements of `readJson`, by text: each is prepared once per connection. */
const readStatementNames = new Map<string, string>();
/** Past this many texts, further ones run unnamed, so a flood of one-off documents cannot grow every connection. */
const READ_STATEMENT_NAMES = Number(process.env.DATABASE_PREPARED_READS ?? 500);
/** The texts `readJson` prepares under names, oldest first (for tests). */
export const preparedReadTexts = (): string[] => [...readStatementNames.keys()];
/** The first column as PostgreSQL's text, unparsed. */
const rawText = { getTypeParser: () => (value: string) => value };

/**
 * The text of the one value a read statement returns (its first column, or null without rows),
 * as PostgreSQL wrote it: JSON is not parsed, so it can go into a response as it is. The statement
 * is prepared under a name of its own text, on the primary's pool (or a replica for the replicas'
 * DataSource, or in the manager's transaction as `preparedQuery`). Counted like every statement.
 */
export async function readJson(db: DataSource, text: string, values: unknown[]): Promise<string | null> {
  let name = readStatementNames.get(text);
  if (!name && readStatementNames.size < READ_STATEMENT_NAMES) readStatementNames.set(text, (name = `pf_read_${readStatementNames.size + 1}`));
  const query = { name, text, values, types: rawText, rowMode: 'array' as const };
  if (db instanceof ReplicaReads) {
    const runner = db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      recordStatement();
      const { rows } = await client.query<unknown[]>(query);
      return (rows[0]?.[0] as string | null | undefined) ?? null;
    } finally {
      await runner.release();
    }
  }
  recordStatement();
  const { rows } = await ((db.driver as PostgresDriver).master as Pool).query<unknown[]>(query);
  return (rows[0]?.[0] as string | null | undefined) ?? null;
}
