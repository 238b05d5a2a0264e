import { randomUUID } from 'node:crypto';
import { OperationDefinitionNode, parse } from 'graphql';
import { limits, variablesCost } from '../../api/src/core/limits';
import { buildPathforgeSchema } from '../../api/src/schema/build';
import { PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { gid, makeInstitution, makeOccupation } from '../support/factories';
import { makePathway } from '../support/factories/pathways';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: { data?: Record<string, any> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

const OCCUPATION = 'query($id: ID!) { occupation(id: $id) { title socCode } }';
const PATHWAY = 'query($id: ID!) { pathway(id: $id) { title stages { title } } }';

/**
 * The public's queries that compiled statements answer whole skip Apollo once Apollo has answered
 * their document: the answer, its headers and its statement count are Apollo's, and whatever the
 * lane does not answer itself (an error to report, a limit that refuses) Apollo answers as before.
 */
describe('direct lane', () => {
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  let server: RunningServer;

  const post = async (on: RunningServer, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Reply> => {
    const response = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const seen: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'date') seen[name] = value;
    });
    return { status: response.status, headers: seen, body: JSON.parse(text) };
  };
  const serve = async (options: Parameters<typeof startServer>[2] = {}) => {
    const started = await startServer(database.db, 0, { countSqlStatements: true, ...options });
    servers.push(started);
    return started;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await serve();
  });
  afterAll(async () => {
    for (const started of servers) await started.stop();
    await database.drop();
  });

  it('answers a document Apollo answered for the public with the same body, headers and statement count', async () => {
    const [welder, machinist] = [await makeOccupation(database.db, { title: 'Welder' }), await makeOccupation(database.db, { title: 'Machinist' })];
    for (const accept of [undefined, 'application/graphql-response+json, application/json;q=0.9']) {
      const headers: Record<string, string> = accept ? { accept } : {};
      const before = server.lane.stats.answers;
      const byApollo = await post(server, `${OCCUPATION} # ${accept}`, { id: gid(welder) }, headers);
      expect(server.lane.stats.answers).toBe(before);
      const byLane = await post(server, `${OCCUPATION} # ${accept}`, { id: gid(welder) }, headers);
      expect(server.lane.stats.answers).toBe(before + 1);
      expect(byLane).toEqual(byApollo);
      expect(byLane.headers['x-sql-statements']).toBe('1');
      expect(byLane.headers['content-type']).toBe(accept ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8');
      expect((await post(server, `${OCCUPATION} # ${accept}`, { id: gid(machinist) }, headers)).body).toEqual({ data: { occupation: { title: 'Machinist', socCode: machinist.socCode } } });
      expect(server.lane.stats.answers).toBe(before + 2);
    }
  });

  it('leaves a row the public may not read to Apollo, which reports it', async () => {
    const college = await makeInstitution(database.db);
    const published = await makePathway(database.db, college.id, { title: 'Published', status: PathwayStatus.PUBLISHED });
    const draft = await makePathway(database.db, college.id, { title: 'Draft' });
    await post(server, PATHWAY, { id: gid(published) });
    const before = server.lane.stats.answers;
    expect((await post(server, PATHWAY, { id: gid(published) })).body).toEqual({ data: { pathway: { title: 'Published', stages: [] } } });
    const refused = await post(server, PATHWAY, { id: gid(draft) });
    expect(server.lane.stats.answers).toBe(before + 1);
    expect(refused.body.data).toEqual({ pathway: null });
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('leaves signed-in viewers, bad variables and text with U+0000 to Apollo', async () => {
    const welder = await makeOccupation(database.db, { title: 'Welder' });
    await post(server, OCCUPATION, { id: gid(welder) });
    const before = server.lane.stats.answers;
    const badToken = await post(server, OCCUPATION, { id: gid(welder) }, { authorization: 'Bearer not-a-token' });
    expect([badToken.status, badToken.body.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const badVariable = await post(server, OCCUPATION, { id: { welder: 1 } });
    expect(badVariable.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const nul = await post(server, OCCUPATION, { id: `${gid(welder)}\u0000` });
    expect(nul.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const unnamed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OCCUPATION, variables: { id: gid(welder) }, operationName: '' }),
    });
    expect(((await unnamed.json()) as Reply['body']).errors).toHaveLength(1);
    expect(server.lane.stats.answers).toBe(before);
  });

  it('keeps the query cost limit for each request’s variables', async () => {
    const query = 'query($first: Int) { occupations(first: $first) { nodes { title } } }';
    expect((await post(server, query, { first: 2 })).body.errors).toBeUndefined();
    const maxCost = limits.maxCost;
    limits.maxCost = 10;
    try {
      const before = server.lane.stats.answers;
      const costly = await post(server, query, { first: 50 });
      expect(costly.body.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
      expect((await post(server, query, { first: 2 })).body.errors).toBeUndefined();
      expect(server.lane.stats.answers).toBe(before + 1);
    } finally {
      limits.maxCost = maxCost;
    }
  });

  it('charges the rate limits Apollo charges, from one budget', async () => {
    const limited = await serve({ rateLimits: { keyPrefix: `test:${randomUUID()}`, redis: null, pointsPerAddress: 7, pointsPerViewer: 0 } });
    const welder = await makeOccupation(database.db, { title: 'Welder' });
    // Each request costs 3 (occupation 1 + title 1 + socCode 1): Apollo's, the lane's, then a refusal.
    expect((await post(limited, OCCUPATION, { id: gid(welder) })).status).toBe(200);
    expect((await post(limited, OCCUPATION, { id: gid(welder) })).status).toBe(200);
    expect(limited.lane.stats.answers).toBe(1);
    const refused = await post(limited, OCCUPATION, { id: gid(welder) });
    expect([refused.status, refused.body.errors?.[0].extensions?.code, Number(refused.headers['retry-after']) > 0]).toEqual([429, 'RATE_LIMITED', true]);
  });

  it('charges a request it passes on to Apollo once', async () => {
    const college = await makeInstitution(database.db);
    const published = await makePathway(database.db, college.id, { title: 'Published', status: PathwayStatus.PUBLISHED });
    const draft = await makePathway(database.db, college.id, { title: 'Draft' });
    const document = parse(PATHWAY);
    const cost = variablesCost(await buildPathforgeSchema(), document, document.definitions[0] as OperationDefinitionNode, { id: gid(draft) });
    const limited = await serve({ rateLimits: { keyPrefix: `test:${randomUUID()}`, redis: null, pointsPerAddress: 3 * cost, pointsPerViewer: 0 } });
    expect((await post(limited, PATHWAY, { id: gid(published) })).status).toBe(200);
    // The lane charges each, finds the draft out of the public's reach and passes it on; Apollo answers without charging again.
    for (let i = 0; i < 2; i += 1) {
      const refused = await post(limited, PATHWAY, { id: gid(draft) });
      expect([refused.status, refused.body.errors?.map((error) => error.extensions?.code)]).toEqual([200, ['UNAUTHENTICATED']]);
    }
    const spent = await post(limited, PATHWAY, { id: gid(draft) });
    expect([spent.status, spent.body.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('charges the client address Express would see, whatever X-Forwarded-For says', async () => {
    const limited = await serve({ rateLimits: { keyPrefix: `test:${randomUUID()}`, redis: null, pointsPerAddress: 7, pointsPerViewer: 0 } });
    const welder = await makeOccupation(database.db, { title: 'Welder' });
    const statuses: number[] = [];
    for (const forwarded of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      statuses.push((await post(limited, OCCUPATION, { id: gid(welder) }, { 'x-forwarded-for': forwarded })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.lane.stats.answers).toBe(1);
  });

  it('refuses a body that is not JSON as Express does, whichever of them reads it', async () => {
    const welder = await makeOccupation(database.db, { title: 'Welder' });
    await post(server, OCCUPATION, { id: gid(welder) });
    const raw = async (body: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      return { status: response.status, body: await response.text() };
    };
    for (const body of ['{"query": ', ' 42', '', '[]', `{"query": ${JSON.stringify(OCCUPATION)}, "variables": {"id": ${JSON.stringify(gid(welder))}}, "extra": 1}`]) {
      // The session header keeps a request out of the lane: Express reads that one.
      const byExpress = await raw(body, { 'x-pathforge-session': 'cookie' });
      const byLane = await raw(body);
      expect(byLane).toEqual(byExpress);
      // Apollo reads a body with members it does not know, and answers it.
      expect(byLane.status >= 400).toBe(!body.includes('"extra"'));
    }
    expect(JSON.parse((await raw('{"query": ')).body)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    // Still answered by the lane afterwards, in UTF-8 with its charset named.
    const before = server.lane.stats.answers;
    const named = await raw(JSON.stringify({ query: OCCUPATION, variables: { id: gid(welder) } }), { 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(named.body)).toEqual({ data: { occupation: { title: 'Welder', socCode: welder.socCode } } });
    expect(server.lane.stats.answers).toBe(before + 1);
  });
});
