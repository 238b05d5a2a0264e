import '../support/small-response-limit';
import { randomUUID } from 'node:crypto';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { post } from './client';

describe('response size backstop', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.db, 0, { rateLimits: { pointsPerAddress: 0, pointsPerViewer: 0, keyPrefix: `test:${randomUUID()}`, redis: null } });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('sends RESPONSE_TOO_LARGE instead of an answer past GRAPHQL_MAX_RESPONSE_BYTES, and small answers as they are', async () => {
    // Cheap by the cost limit (introspection costs what the schema can describe) but long: every description.
    const large = await post(url, `{ __schema { types { name description fields { name description } } } }`);
    expect(large.body.data ?? null).toBeNull();
    expect(large.body.errors?.[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 20000 });
    expect(large.body.errors?.[0].extensions?.bytes).toBeGreaterThan(20000);
    const small = await post(url, `{ __schema { queryType { name } } }`);
    expect(small.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
