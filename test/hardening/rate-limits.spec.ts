import '../support/strict-limits';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { freePort } from '../../api/src/core/db-url';
import { limits } from '../../api/src/core/limits';
import { RateLimitOptions } from '../../api/src/core/rate-limit';
import { closeSharedRedis, sharedRedis } from '../../api/src/core/redis';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Employer } from '../../api/src/modules/employers/employer.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { makeUser } from '../support/factories';
import { Answer, post } from './client';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** Checked once, synchronously, so the Redis cases can be skipped (with a message) where it is not running. */
const redisReachable =
  spawnSync(process.execPath, ['-e', `require('net').connect(6379, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`], { timeout: 3000 }).status === 0;
if (!redisReachable) console.warn(`Redis is not reachable at ${REDIS_URL}: the shared rate-limit tests are skipped`);
const withRedis = redisReachable ? it : it.skip;

// Costs under the rules of api/src/core/limits.ts: each field 1, a list its page size times its items.
const CHEAP = `{ me { role } }`; // me 1 + role 1
const COSTLY = `{ employers(first: 4) { nodes { name } } }`; // 1 + 4 × (nodes 1 + name 1)
const CHEAP_COST = 2;
const COSTLY_COST = 9;

const refusal = (answer: Answer) => ({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, retryAfter: Number(answer.headers['retry-after']) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rate limits by query cost', () => {
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  let alice: string;
  let bob: string;

  const serve = async (rateLimits: Partial<RateLimitOptions>) => {
    const server = await startServer(database.db, 0, { rateLimits: { keyPrefix: `test:${randomUUID()}`, redis: null, ...rateLimits } });
    servers.push(server);
    return `http://127.0.0.1:${server.port}`;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    alice = (await issueToken(await makeUser(database.db, Role.ADMIN))).token;
    bob = (await issueToken(await makeUser(database.db, Role.ADMIN))).token;
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await closeSharedRedis();
    await database.drop();
  });

  it('charges each viewer its queries’ cost and refuses with 429, Retry-After and RATE_LIMITED once spent', async () => {
    const url = await serve({ pointsPerViewer: 2 * COSTLY_COST + CHEAP_COST, pointsPerAddress: 0, windowSeconds: 30 });
    expect((await post(url, COSTLY, {}, { token: alice })).status).toBe(200);
    expect((await post(url, COSTLY, {}, { token: alice })).status).toBe(200);
    const last = await post(url, CHEAP, {}, { token: alice });
    expect(last.body).toEqual({ data: { me: { role: 'ADMIN' } } });

    const refused = await post(url, CHEAP, {}, { token: alice });
    expect(refusal(refused)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(refusal(refused).retryAfter).toBeGreaterThanOrEqual(1);
    expect(refusal(refused).retryAfter).toBeLessThanOrEqual(30);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0].extensions).toMatchObject({ scope: 'viewer', retryAfterSeconds: refusal(refused).retryAfter });

    // Another token is unaffected, and the public (no token) has only the address limit, here off.
    expect((await post(url, CHEAP, {}, { token: bob })).status).toBe(200);
    expect((await post(url, CHEAP, {}, { token: null })).status).toBe(200);
  });

  it('charges a query refused for its size no more than the cost limit', async () => {
    const url = await serve({ pointsPerViewer: limits.maxCost + CHEAP_COST, pointsPerAddress: 0, windowSeconds: 30 });
    // strict-limits sets the cost limit to 1,000; this query costs several times that.
    const tooCostly = await post(url, `{ credentials(first: 100) { nodes { title description level status outcomes { statement alignments { strength } } assessments { method } rubricLevels { name } } } }`, {}, { token: alice });
    expect(tooCostly.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await post(url, CHEAP, {}, { token: alice })).status).toBe(200);
    expect(refusal(await post(url, CHEAP, {}, { token: alice }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('charges introspection what the part of the schema it describes costs, not a single point', async () => {
    const url = await serve({ pointsPerViewer: 0, pointsPerAddress: 20 * CHEAP_COST, windowSeconds: 30 });
    const describeType = `{ __type(name: "Pathway") { name fields { name type { name } } } }`;
    expect(refusal(await post(url, describeType, {}, { token: null, from: '127.0.0.4' }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await post(url, CHEAP, {}, { token: null, from: '127.0.0.5' })).status).toBe(200);
  });

  it('does not run a refused mutation', async () => {
    const url = await serve({ pointsPerViewer: 1, pointsPerAddress: 0, windowSeconds: 30 });
    const name = `Refused ${randomUUID()}`;
    const refused = await post(url, `mutation($name: String!) { employerCreate(input: { name: $name }) { employer { id } userErrors { code } } }`, { name }, { token: alice });
    expect(refusal(refused)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await database.db.getRepository(Employer).countBy({ name })).toBe(0);
  });

  it('charges each client address, whoever signs in, and leaves other addresses alone', async () => {
    const url = await serve({ pointsPerViewer: 0, pointsPerAddress: 3 * CHEAP_COST, windowSeconds: 30 });
    for (let i = 0; i < 3; i += 1) expect((await post(url, CHEAP, {}, { token: i === 0 ? alice : null, from: '127.0.0.2' })).status).toBe(200);
    expect(refusal(await post(url, CHEAP, {}, { token: bob, from: '127.0.0.2' }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(refusal(await post(url, CHEAP, {}, { token: null, from: '127.0.0.2' }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await post(url, CHEAP, {}, { token: alice, from: '127.0.0.3' })).status).toBe(200);
  });

  it('gives the budget back when the window ends', async () => {
    const url = await serve({ pointsPerViewer: CHEAP_COST, pointsPerAddress: 0, windowSeconds: 1 });
    expect((await post(url, CHEAP, {}, { token: alice })).status).toBe(200);
    const refused = await post(url, CHEAP, {}, { token: alice });
    expect(refusal(refused)).toEqual({ status: 429, code: 'RATE_LIMITED', retryAfter: 1 });
    await sleep(1100);
    expect((await post(url, CHEAP, {}, { token: alice })).status).toBe(200);
  });

  withRedis('shares budgets through Redis between API processes', async () => {
    process.env.REDIS_URL = REDIS_URL;
    try {
      await closeSharedRedis();
      const shared = { keyPrefix: `test:${randomUUID()}`, redis: sharedRedis(), pointsPerViewer: 4 * CHEAP_COST, pointsPerAddress: 0, windowSeconds: 30 };
      const redis = shared.redis!;
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      const first = await serve(shared);
      const second = await serve(shared);
      expect((await post(first, CHEAP, {}, { token: alice })).status).toBe(200);
      expect((await post(second, CHEAP, {}, { token: alice })).status).toBe(200);
      expect((await post(first, CHEAP, {}, { token: alice })).status).toBe(200);
      expect((await post(second, CHEAP, {}, { token: alice })).status).toBe(200);
      expect(refusal(await post(first, CHEAP, {}, { token: alice }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(refusal(await post(second, CHEAP, {}, { token: alice }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect((await post(second, CHEAP, {}, { token: bob })).status).toBe(200);
      // The spent budget is in Redis, where any other process finds it.
      const keys = await shared.redis!.keys(`${shared.keyPrefix}:*`);
      expect(keys.length).toBe(2);
    } finally {
      delete process.env.REDIS_URL;
    }
  });

  it('counts in memory instead of refusing everyone while Redis is unreachable', async () => {
    const unreachable = new Redis({ host: '127.0.0.1', port: await freePort(), enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 1000 });
    unreachable.on('error', () => {});
    try {
      const url = await serve({ redis: unreachable, pointsPerViewer: 2 * CHEAP_COST, pointsPerAddress: 0, windowSeconds: 30 });
      expect((await post(url, CHEAP, {}, { token: alice })).body).toEqual({ data: { me: { role: 'ADMIN' } } });
      expect((await post(url, CHEAP, {}, { token: alice })).status).toBe(200);
      expect(refusal(await post(url, CHEAP, {}, { token: alice }))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    } finally {
      unreachable.disconnect();
    }
  });
});
