import { getIntrospectionQuery } from 'graphql';
import { randomUUID } from 'node:crypto';
import { limits } from '../../api/src/core/limits';
import { undeclaredListFields } from '../../api/src/core/list-bounds';
import { buildPathforgeSchema } from '../../api/src/schema/build';
import { seedDemoData } from '../../api/src/seed/demo';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { Answer, post } from './client';

/** Nested plain lists under a page of 100 credentials: 162 bytes that once returned 6.9 MB. */
const NESTED_LISTS = `{credentials(first:100){nodes{occupations{coreCompetencies{occupations{occupation{coreCompetencies{occupations{occupation{coreCompetencies{statement}}}}}}}}}}}`;

/** F1 spreads F0 twice, F2 spreads F1 twice, …: a short document whose naive expansion doubles at every step. */
function fragmentChain(length: number, base = `credentials(first: 100) { nodes { title } }`): string {
  const fragments = [`fragment F0 on Query { ${base} }`];
  for (let i = 1; i <= length; i += 1) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return fragments.join('\n');
}

const code = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('query cost and shape limits', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    server = await startServer(database.db, 0, { countSqlStatements: true, rateLimits: { pointsPerAddress: 0, pointsPerViewer: 0, keyPrefix: `test:${randomUUID()}`, redis: null } });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('multiplies every list by a bound, so nested plain lists are refused before they run', async () => {
    const answer = await post(url, NESTED_LISTS);
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('QUERY_TOO_COSTLY');
    expect(answer.body.errors?.[0].extensions?.cost).toBeGreaterThan(limits.maxCost);
    expect(answer.headers['x-sql-statements']).toBe('0');
    // The same lists, one level each, are an ordinary page and answer.
    const shallow = await post(url, `{ credentials(first: 100) { nodes { title occupations { socCode coreCompetencies { code } } } } }`);
    expect(shallow.status).toBe(200);
    expect(shallow.body.errors).toBeUndefined();
    expect(shallow.body.data?.credentials.nodes.length).toBeGreaterThan(10);
  });

  it('costs each plain list by the most items one parent has in the data', async () => {
    const most = async (table: string, column: string) =>
      (await database.db.query(`SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM ${table} GROUP BY ${column}) g`))[0].n as number;
    const [stages, entries] = [await most('pathway_stage', 'pathway_id'), await most('stage_credential', 'stage_id')];
    expect(stages).toBeGreaterThan(1);
    expect(entries).toBeGreaterThan(1);
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: pathways(first: 100) { nodes { stages { credentials { title } } } }`).join(' ')} }`;
    const answer = await post(url, query);
    expect(code(answer)).toBe('QUERY_TOO_COSTLY');
    // Each alias: pathways 1 + 100 items × (nodes 1 + stages 1 + the most stages × (credentials 1 + the most entries × title 1)).
    expect(answer.body.errors?.[0].extensions?.cost).toBe(30 * (1 + 100 * (1 + 1 + stages * (1 + entries))));
  });

  it('declares or measures a bound for every plain list of objects in the schema', async () => {
    expect(undeclaredListFields(await buildPathforgeSchema())).toEqual([]);
  });

  it('measures a doubling fragment chain in time linear in the document and refuses it for its cost', async () => {
    // Forty doublings: a naive walk would visit 2^40 fields and never answer.
    const answer = await post(url, `{ ...F40 }\n${fragmentChain(40)}`);
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('QUERY_TOO_COSTLY');
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('never skips the cost limit when a fragment chain is appended to a costly query', async () => {
    const costly = `credentials(first: 100) { nodes { title occupations { coreCompetencies { occupations { occupation { title } } } } } }`;
    expect(code(await post(url, `{ ${costly} }`))).toBe('QUERY_TOO_COSTLY');
    const appended = await post(url, `{ ${costly} ...F14 }\n${fragmentChain(14, '__typename')}`);
    expect(code(appended)).toBe('QUERY_TOO_COSTLY');
  });

  it('caps fragment spreads', async () => {
    const spreads = limits.maxFragmentSpreads + 1;
    const answer = await post(url, `{ ${Array.from({ length: spreads }, () => '...T').join(' ')} }\nfragment T on Query { __typename }`);
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('TOO_MANY_FRAGMENT_SPREADS');
    expect(answer.body.errors?.[0].extensions).toMatchObject({ fragmentSpreads: spreads, limit: limits.maxFragmentSpreads });
  });

  it('answers the standard introspection query that GraphiQL, Apollo Sandbox and codegen send', async () => {
    const answer = await post(url, getIntrospectionQuery());
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.__schema.queryType.name).toBe('Query');
    expect(answer.body.data?.__schema.types.length).toBeGreaterThan(100);
  });

  it('costs introspection by the size of the schema, so many aliased copies are refused', async () => {
    const one = `__schema { types { name fields { name } } }`;
    const many = await post(url, `{ ${Array.from({ length: limits.maxAliases }, (_, i) => `i${i}: ${one}`).join(' ')} }`);
    expect(many.status).toBe(400);
    expect(code(many)).toBe('QUERY_TOO_COSTLY');
    // Introspection nested past graphql-js's own limit is refused by validation.
    const recursive = await post(url, `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
    expect(recursive.status).toBe(400);
    expect(recursive.body.errors?.[0].message).toMatch(/introspection/i);
  });
});
