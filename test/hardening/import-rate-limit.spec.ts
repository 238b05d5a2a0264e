import http from 'node:http';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { makeInstitution, makeUser } from '../support/factories';

const PER_ADDRESS = 3;

/** Sends a file to /import/mappings from a loopback address of its own. */
function upload(url: string, body: Buffer, from: string, token?: string): Promise<{ status: number; retryAfter?: string; code?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/import/mappings?target=QXJ0aWN1bGF0aW9uQWdyZWVtZW50OjE=`, {
      method: 'POST',
      localAddress: from,
      headers: { 'content-type': 'text/csv', 'content-length': body.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: { extensions?: { code?: string } }[] };
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, code: answer.errors?.[0]?.extensions?.code });
      });
    });
    // The server may answer before reading a refused upload and close: that is its answer, not a failure.
    request.on('error', reject);
    request.end(body);
  });
}

/** /import takes uploads of up to 20 MB outside GraphQL: its own budget per address, before the body is read. */
describe('the spreadsheet import’s rate limit', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.db, 0, { countSqlStatements: false, importRateLimit: { requestsPerAddress: PER_ADDRESS, windowSeconds: 600 } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it(`answers RATE_LIMITED with Retry-After after ${PER_ADDRESS} uploads from one address, signed in or not, and other addresses go on`, async () => {
    const college = await makeInstitution(database.db);
    const token = (await issueToken(await makeUser(database.db, Role.INSTITUTION_STAFF, { institutionId: college.id }))).token;
    const file = Buffer.from('credential,course_code,credits\n' + 'Intro,CIS-101,3\n'.repeat(20_000));
    const answers = [];
    for (let i = 0; i < PER_ADDRESS; i += 1) answers.push(await upload(server.url, file, '127.0.0.5', i === 0 ? token : undefined));
    expect(answers.map((answer) => answer.status)).not.toContain(429);
    expect(answers[1]).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const refused = await upload(server.url, file, '127.0.0.5', token);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);

    expect(await upload(server.url, file, '127.0.0.6')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
