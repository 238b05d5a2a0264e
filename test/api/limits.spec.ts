import '../support/strict-limits';
import { startTestApi, TestApi } from '../support/api';

describe('query limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers ordinary queries', async () => {
    const result = await api.gql(`{ pathways(first: 10) { totalCount nodes { title stages { title } } } }`, {}, { token: null });
    expect(result.errors).toBeUndefined();
  });

  it('refuses a query nested too deeply, before running it', async () => {
    const result = await api.gql(`{ pathways { nodes { stages { credentials { outcomes { alignments { competency { code } } } } } } } }`, {}, { token: null });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 8, limit: 6 });
    expect(result.statements).toBe(0);
  });

  it('costs lists by their page size', async () => {
    const cheap = await api.gql(`{ credentials(first: 10) { nodes { title outcomes { statement } } } }`, {}, { token: null });
    expect(cheap.errors).toBeUndefined();
    const costly = await api.gql(`{ credentials(first: 100) { nodes { title description level status outcomes { statement alignments { strength } } assessments { method } rubricLevels { name } } } }`, {}, { token: null });
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 1000 });
  });

  it('limits aliases, tokens and body size', async () => {
    const aliases = await api.gql(`{ a: me { role } b: me { role } c: me { role } d: me { role } }`, {}, { token: null });
    expect(aliases.errors?.[0].extensions?.code).toBe('TOO_MANY_ALIASES');
    const tokens = await api.gql(`{ ${Array.from({ length: 150 }, (_, i) => `f${i}: __typename`).join(' ')} }`, {}, { token: null });
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0].message).toMatch(/more th\w+ 400 tokens/);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { role } }', variables: { padding: 'x'.repeat(30000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses batched requests and cross-site simple requests', async () => {
    const batched = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]),
    });
    expect(batched.status).toBe(400);
    const simple = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });
});
