import { PoolClient, QueryResultRow, types } from 'pg';
import { AbstractLogger, DataSource, DataSourceOptions, EntityManager, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { migrations } from '../../../migrations';
import { config } from './config';
import { entities } from './entities';
import { AuditSubscriber } from '../modules/audit/audit.subscriber';
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
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  const replicas = options.replicaUrls ?? [];
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? { replication: { master: { url: options.url }, slaves: replicas.map((url) => ({ url })), defaultMode: 'slave' as const } }
      : { url: options.url }),
    entities,
    migrations,
    subscribers: [AuditSubscriber],
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
      connectionTimeoutMillis: config.connectTimeoutMs,
    },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/**
 * The database of GraphQL query operations when read replicas are configured. TypeORM's
 * replication sends repository and query builder reads to a replica (one chosen at random per
 * statement) and everything else to the primary; raw SQL, which TypeORM sends to the primary
 * too, goes to a replica here, since a query operation only reads. Mutations never use it: they
 * run on the primary, and so do the reads of their payloads, which must see what they wrote.
 */
export class ReplicaReads extends DataSource {
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

/** `url` is the primary's: TypeORM's replication needs it, and sends any write there. */
export function createReplicaReads(options: DatabaseOptions & { replicaUrls: string[] }): ReplicaReads {
  return new ReplicaReads(dataSourceOptions({ applicationName: 'pathforge-reads', ...options }));
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
  const runner = em.queryRunner ?? em.connection.createQueryRunner(em.connection instanceof ReplicaReads ? 'slave' : 'master');
  try {
    const client = (await runner.connect()) as PoolClient;
    recordStatement();
    return (await client.query<T>({ name, text, values })).rows;
  } finally {
    if (own) await runner.release();
  }
}
