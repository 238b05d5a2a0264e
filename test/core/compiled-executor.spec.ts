import { randomUUID } from 'node:crypto';
import { RunningServer, startServer } from '../../api/src/server';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { createTestDatabase, TestDatabase } from '../support/db';
import { gid, insert, makeInstitution, makeOccupation } from '../support/factories';

/** Operations run as compiled functions kept per document; what clients see does not change. */
describe('compiled executor', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: Record<string, unknown>; path?: unknown[] }[] } };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.db, 0);
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('compiles a document once and answers each request with its own variables', async () => {
    const [first, second] = [await makeOccupation(database.db, { title: 'Welder' }), await makeOccupation(database.db, { title: 'Machinist' })];
    const query = 'query($id: ID!) { occupation(id: $id) { title } }';
    const before = server.executor.stats.compilations;
    expect((await post(query, { id: gid(first) })).body.data).toEqual({ occupation: { title: 'Welder' } });
    expect((await post(query, { id: gid(second) })).body.data).toEqual({ occupation: { title: 'Machinist' } });
    expect((await post(query, { id: gid(first) })).body.data).toEqual({ occupation: { title: 'Welder' } });
    expect(server.executor.stats.compilations - before).toBe(1);
    await post(`${query} # another document`, { id: gid(first) });
    expect(server.executor.stats.compilations - before).toBe(2);
  });

  it('resolves interface types, and keeps resolvers\' error codes and paths', async () => {
    const occupation = await makeOccupation(database.db);
    const college = await makeInstitution(database.db);
    const learner = await insert(database.db, Learner, { institutionId: college.id, givenName: 'Lee', familyName: 'Private', email: `${randomUUID()}@learners.test` });
    const answer = await post('query($a: ID!, $b: ID!) { open: node(id: $a) { __typename id } closed: node(id: $b) { id } }', { a: gid(occupation), b: gid(learner) });
    expect(answer.body.data).toEqual({ open: { __typename: 'Occupation', id: gid(occupation) }, closed: null });
    expect(answer.body.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['UNAUTHENTICATED', ['closed']]]);
  });

  it('refuses variables of the wrong type with BAD_USER_INPUT and HTTP 400, as graphql-js does', async () => {
    const answer = await post('query($first: Int) { occupations(first: $first) { totalCount } }', { first: 'many' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.data).toBeUndefined();
  });
});
