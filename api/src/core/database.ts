import { types } from 'pg';
import { AbstractLogger, DataSource, DataSourceOptions, LogLevel, LogMessage } from 'typeorm';
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
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
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
