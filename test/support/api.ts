import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from './db';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
  status: number;
  statements: number;
}

export interface TestApi {
  db: DataSource;
  url: string;
  /** Runs as an admin unless `token` says otherwise: another account's token, or null for the public. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null }): Promise<GraphQLResult<T>>;
  adminToken: string;
  close(): Promise<void>;
}

/** A real server on a fresh database, spoken to over HTTP as a client would. */
export async function startTestApi(): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase();
  const server: RunningServer = await startServer(database.db, 0);
  const admin = await database.db.getRepository(User).save({
    email: `admin-${database.name}@tests.test`, displayName: 'Test admin', role: Role.ADMIN, passwordHash: 'not used: tokens are issued directly',
  });
  const { token: adminToken } = await issueToken(admin);
  return {
    adminToken,
    db: database.db,
    url: server.url,
    async gql(query, variables = {}, options = {}) {
      const token = options.token === undefined ? adminToken : options.token;
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
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
