import '../support/production-mode';
import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { config } from '../../api/src/core/config';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { post } from '../hardening/client';

/** What GraphiQL, Apollo Sandbox and GraphQL Code Generator send, with every option they may turn on. */
const STANDARD_INTROSPECTION = getIntrospectionQuery();
const FULL_INTROSPECTION = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

describe('introspection in production mode', () => {
  let database: TestDatabase;
  let servers: RunningServer[];
  let byDefault: string;
  let switchedOff: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const rateLimits = { pointsPerAddress: 0, pointsPerViewer: 0, keyPrefix: `test:${randomUUID()}`, redis: null };
    servers = [await startServer(database.db, 0, { rateLimits }), await startServer(database.db, 0, { rateLimits, introspection: false })];
    [byDefault, switchedOff] = servers.map((server) => `http://127.0.0.1:${server.port}`);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database.drop();
  });

  it('runs as production, where introspection is on unless GRAPHQL_INTROSPECTION turns it off', () => {
    expect(config.production).toBe(true);
    expect(process.env.GRAPHQL_INTROSPECTION).toBeUndefined();
    expect(config.introspection).toBe(true);
  });

  it.each([
    ['getIntrospectionQuery()', STANDARD_INTROSPECTION],
    ['getIntrospectionQuery() with every option', FULL_INTROSPECTION],
  ])('answers %s in full, within the depth and cost limits', async (_name, document) => {
    const answer = await post(byDefault, document);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.__schema.queryType.name).toBe('Query');
    expect(answer.body.data?.__schema.mutationType.name).toBe('Mutation');
    expect(answer.body.data?.__schema.types.map((type: { name: string }) => type.name)).toEqual(expect.arrayContaining(['Pathway', 'PathwayConnection', 'Credential']));
  });

  it('refuses introspection when switched off, and still answers data queries', async () => {
    const refused = await post(switchedOff, STANDARD_INTROSPECTION);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const data = await post(switchedOff, '{ pathways(first: 1) { totalCount } }');
    expect(data.body.errors).toBeUndefined();
  });

  it('reads GRAPHQL_INTROSPECTION as on or off, and refuses anything else', () => {
    const load = (value: string) => {
      process.env.GRAPHQL_INTROSPECTION = value;
      try {
        let introspection: boolean | undefined;
        jest.isolateModules(() => {
          introspection = (require('../../api/src/core/config') as typeof import('../../api/src/core/config')).config.introspection;
        });
        return introspection;
      } finally {
        delete process.env.GRAPHQL_INTROSPECTION;
      }
    };
    expect(load('off')).toBe(false);
    expect(load('false')).toBe(false);
    expect(load('on')).toBe(true);
    expect(() => load('sometimes')).toThrow(/GRAPHQL_INTROSPECTION must be on or off/);
  });
});
