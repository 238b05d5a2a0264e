import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { serverAudits } from 'graphql-http';
import { seedDemoData } from '../../api/src/seed/demo';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { toGlobalId } from '../../api/src/core/ids';
import { createTestDatabase, TestDatabase } from '../support/db';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still encoded. */
  wire: Buffer;
  json: any;
}

/** A GET as a browser or CDN sends it, with nothing decoded for us (fetch would hide the encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'apollo-require-preflight': 'true', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const wire = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'];
          const text = (encoding === 'br' ? zlib.brotliDecompressSync(wire) : encoding === 'gzip' ? zlib.gunzipSync(wire) : wire).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, wire, json: text ? JSON.parse(text) : undefined });
        });
      })
      .on('error', reject);
  });
}

const PATHWAYS = `query PublishedPathways { pathways(first: 20) { totalCount nodes { id title description version status publishedAt ownerInstitution { name } destinations { title } stages { title credentials { title description creditValue workloadHours deliveryMode } } } } }`;

describe('GraphQL over HTTP, caching, compression and persisted queries', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let base: string;
  let adminToken: string;
  const graphqlGet = (query: string, variables?: object, extensions?: object) =>
    `${base}/graphql?${new URLSearchParams({ ...(query ? { query } : {}), ...(variables ? { variables: JSON.stringify(variables) } : {}), ...(extensions ? { extensions: JSON.stringify(extensions) } : {}) })}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    server = await startServer(database.db, 0, {
      rateLimits: { pointsPerAddress: 0, pointsPerViewer: 0, keyPrefix: `test:${randomUUID()}`, redis: null },
      httpCache: { maxAgeSeconds: 120, staleWhileRevalidateSeconds: 600, immutableMaxAgeSeconds: 7200, compressionThresholdBytes: 1024 },
    });
    base = `http://127.0.0.1:${server.port}`;
    const admin = await database.db.getRepository(User).save({ email: `admin-${randomUUID()}@tests.test`, displayName: 'Admin', role: Role.ADMIN, passwordHash: 'unused' });
    adminToken = (await issueToken(admin)).token;
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  it('passes the graphql-http server audit with no errors and no warnings', async () => {
    const results = await Promise.all(serverAudits({ url: `${base}/graphql`, fetchFn: fetch }).map((audit) => audit.fn()));
    // Notices are MAYs: the three left are GETs without a CSRF-prevention header, which are refused.
    const failing = results.filter((result) => result.status === 'warn' || result.status === 'error').map((result) => `${result.status}: ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failing).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  it('answers request errors 200 as application/json and 400 as application/graphql-response+json', async () => {
    const asJson = await get(graphqlGet('{ pathways(first: 1) { nodes { nope } } }'), { accept: 'application/json' });
    expect(asJson.status).toBe(200);
    expect(asJson.headers['content-type']).toMatch(/^application\/json/);
    expect(asJson.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const asGraphQL = await get(graphqlGet('{ pathways(first: 1) { nodes { nope } } }'), { accept: 'application/graphql-response+json' });
    expect(asGraphQL.status).toBe(400);
    expect(asGraphQL.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(asGraphQL.headers['cache-control']).toBe('private, no-store');
  });

  it('lets any cache keep an anonymous GET of published pathways, with a strong ETag that revalidates with 304', async () => {
    const first = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'identity' });
    expect(first.status).toBe(200);
    expect(first.json.errors).toBeUndefined();
    expect(first.json.data.pathways.nodes.length).toBeGreaterThan(0);
    expect(first.json.data.pathways.nodes.every((pathway: { status: string }) => pathway.status === 'PUBLISHED')).toBe(true);
    expect(first.headers['cache-control']).toBe('public, max-age=120, stale-while-revalidate=600');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers.vary).toBe('Accept, Accept-Encoding, Authorization, X-Pathforge-Session');
    const etag = first.headers.etag!;
    expect(etag).toBe(`"${createHash('sha256').update(first.wire).digest('base64url')}"`);

    const again = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'identity', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.wire.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=120, stale-while-revalidate=600');

    const stale = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'identity', 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it('keeps signed-in answers, private fields, errors and POSTs out of shared caches', async () => {
    const signedIn = await get(graphqlGet(PATHWAYS), { authorization: `Bearer ${adminToken}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers.etag).toBeUndefined();

    const viewer = await get(graphqlGet('{ me { role } }'));
    expect(viewer.json.data.me.role).toBe('PUBLIC');
    expect(viewer.headers['cache-control']).toBe('private, no-store');

    // A public type reached through a field that is not public data: a pathway's review comments.
    const comments = await get(graphqlGet('{ pathways(first: 1) { nodes { title comments { body } } } }'));
    expect(comments.headers['cache-control']).toBe('private, no-store');
    const learners = await get(graphqlGet('{ learners(first: 1) { totalCount } }'));
    expect(learners.headers['cache-control']).toBe('private, no-store');

    const posted = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PATHWAYS }) });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('cache-control')).toBe('private, no-store');
    expect(posted.headers.get('etag')).toBeNull();
  });

  it('keeps a published version read by ID long, as immutable, but nothing that a published version still changes', async () => {
    const listed = await get(graphqlGet('{ pathways(first: 1) { nodes { id } } }'));
    expect(listed.headers['cache-control']).toBe('public, max-age=120, stale-while-revalidate=600');
    const id = listed.json.data.pathways.nodes[0].id as string;
    const version = (fields: string, headers: Record<string, string> = {}) => get(graphqlGet(`query Version($id: ID!) { pathway(id: $id) { ${fields} } }`, { id }), headers);
    const FROZEN = 'id title description version lineageId publishedAt stages { id position title requirement requiredCount minCredits credentials { id } } destinations { id } offRamps { credential { id } occupation { id } } partners { role employer { id } }';

    const frozen = await version(FROZEN);
    expect(frozen.json.errors).toBeUndefined();
    expect(frozen.json.data.pathway.stages.length).toBeGreaterThan(0);
    expect(frozen.json.data.pathway.stages[0].credentials.length).toBeGreaterThan(0);
    expect(frozen.headers['cache-control']).toBe('public, max-age=7200, immutable');
    expect(frozen.headers.etag).toBeDefined();
    expect((await version(FROZEN, { 'if-none-match': frozen.headers.etag! })).status).toBe(304);

    // What a published version still gains or loses, and the linked records' own fields, change.
    for (const changing of ['id status', 'id endorsements { statement }', 'id stages { credentials { title } }', 'id destinations { medianAnnualWage }']) {
      const answer = await version(changing);
      expect(answer.json.errors).toBeUndefined();
      expect([changing, answer.headers['cache-control']]).toEqual([changing, 'public, max-age=120, stale-while-revalidate=600']);
    }
    // Introspection is public, but the schema changes with every release.
    const introspection = await get(graphqlGet('{ __schema { queryType { name } } }'));
    expect(introspection.json.data.__schema.queryType.name).toBe('Query');
    expect(introspection.headers['cache-control']).toBe('public, max-age=120, stale-while-revalidate=600');
    // An ID that names no published version answers null, and one may be published under it later.
    const missing = await get(graphqlGet('query Version($id: ID!) { pathway(id: $id) { id title } }', { id: toGlobalId('Pathway', 2_000_000_000) }));
    expect(missing.json.data.pathway).toBeNull();
    expect(missing.headers['cache-control']).toBe('public, max-age=120, stale-while-revalidate=600');
    // Signed in, the same document is private.
    const signedIn = await version(FROZEN, { authorization: `Bearer ${adminToken}` });
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
  });

  it('compresses with brotli or gzip as the client accepts, above the threshold only', async () => {
    const raw = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'identity' });
    const brotli = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await get(graphqlGet(PATHWAYS), { 'accept-encoding': 'gzip' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotli.json).toEqual(raw.json);
    expect(gzip.json).toEqual(raw.json);
    expect(brotli.wire.length).toBeLessThan(raw.wire.length / 2);
    expect(Number(brotli.headers['content-length'])).toBe(brotli.wire.length);
    // Each encoding is its own representation, so each has its own strong ETag.
    expect(new Set([raw.headers.etag, brotli.headers.etag, gzip.headers.etag]).size).toBe(3);
    const small = await get(graphqlGet('{ __typename }'), { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('runs automatic persisted queries by hash over GET, cached like the full text', async () => {
    const hash = createHash('sha256').update(PATHWAYS).digest('hex');
    const persistedQuery = { persistedQuery: { version: 1, sha256Hash: hash } };
    const unknown = await get(graphqlGet('', undefined, persistedQuery));
    expect(unknown.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers['cache-control']).toBe('private, no-store');
    const registered = await get(graphqlGet(PATHWAYS, undefined, persistedQuery));
    expect(registered.json.data.pathways.totalCount).toBeGreaterThan(0);
    const byHash = await get(graphqlGet('', undefined, persistedQuery));
    expect(byHash.status).toBe(200);
    expect(byHash.json).toEqual(registered.json);
    expect(byHash.headers['cache-control']).toMatch(/^public, max-age=120/);
    expect((await get(graphqlGet('', undefined, persistedQuery), { 'if-none-match': byHash.headers.etag! })).status).toBe(304);
  });

  it('answers cross-origin preflights for GETs', async () => {
    const preflight = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://college.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'apollo-require-preflight' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/apollo-require-preflight/);
  });
});
