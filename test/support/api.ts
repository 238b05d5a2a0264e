import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from './db';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
  status: number;
  statements: number;
}

export interface TestApi {
  db: DataSource;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/** A real server on a fresh database, spoken to over HTTP as a client would. */
export async function startTestApi(): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase();
  const server: RunningServer = await startServer(database.db, 0);
  return {
    db: database.db,
    url: server.url,
    async gql(query, variables = {}, options = {}) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult, 'status' | 'statements'>;
      return { ...body, status: response.status, statements: Number(response.headers.get('x-sql-statements') ?? NaN) } as never;
    },
    async close() {
      await server.stop();
      await database.drop();
    },
  };
}
