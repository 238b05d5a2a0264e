import { Role } from '../../api/src/modules/accounts/user.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { makeUser } from '../support/factories';
import { Answer, post } from './client';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const PASSWORD = 'correct horse battery';
const PER_ADDRESS = 30;

/** Guessing passwords: per account and address, and per address, with rate-limiter-flexible. */
describe('login throttling', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database.db, 0, {
      countSqlStatements: false,
      rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0, redis: null },
      loginThrottle: { failuresPerAccountAndAddress: 10, accountAndAddressWindowSeconds: 900, failuresPerAddress: PER_ADDRESS, addressWindowSeconds: 86_400, redis: null },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const login = (email: string, password: string, from: string) => post(server.url, LOGIN, { input: { email, password } }, { from });
  const outcome = (answer: Answer) =>
    answer.body.errors?.[0]?.extensions?.code ?? (answer.body.data?.login.token ? 'SIGNED_IN' : answer.body.data?.login.userErrors[0]?.code);

  it('after 10 failures in a row, that account from that address waits 15 minutes; its owner elsewhere signs in', async () => {
    const user = await makeUser(database.db, Role.ADMIN);
    const failures: unknown[] = [];
    for (let i = 0; i < 10; i += 1) failures.push(outcome(await login(user.email, `guess ${i}`, '127.0.0.2')));
    expect(failures).toEqual(Array(10).fill('INVALID_CREDENTIALS'));

    // Refused before the password is looked at: the right one does not get through either.
    const refused = await login(user.email.toUpperCase(), PASSWORD, '127.0.0.2');
    expect(refused.status).toBe(429);
    expect(outcome(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(refused.body.errors?.[0].extensions?.scope).toBe('login-account');

    expect(outcome(await login(user.email, PASSWORD, '127.0.0.3'))).toBe('SIGNED_IN');
    // Another account from the throttled address is not held back by this one.
    const other = await makeUser(database.db, Role.ADMIN);
    expect(outcome(await login(other.email, PASSWORD, '127.0.0.2'))).toBe('SIGNED_IN');
  }, 60_000);

  it('a success clears the count of failures in a row', async () => {
    const user = await makeUser(database.db, Role.ADMIN);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 9; i += 1) expect(outcome(await login(user.email, `guess ${i}`, '127.0.0.4'))).toBe('INVALID_CREDENTIALS');
      expect(outcome(await login(user.email, PASSWORD, '127.0.0.4'))).toBe('SIGNED_IN');
    }
  }, 60_000);

  it(`after ${PER_ADDRESS} failures from one address, whatever the accounts, that address waits a day; others do not`, async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => makeUser(database.db, Role.ADMIN)));
    const outcomes: unknown[] = [];
    for (let i = 0; i < PER_ADDRESS; i += 1) outcomes.push(outcome(await login(users[i % 3].email, `guess ${i}`, '127.0.0.5')));
    expect(outcomes).toEqual(Array(PER_ADDRESS).fill('INVALID_CREDENTIALS'));

    const refused = await login(users[3].email, PASSWORD, '127.0.0.5');
    expect(refused.status).toBe(429);
    expect(outcome(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0].extensions?.scope).toBe('login-address');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(86_000);
    expect(outcome(await login(users[3].email, PASSWORD, '127.0.0.6'))).toBe('SIGNED_IN');
    expect(outcome(await login(users[0].email, PASSWORD, '127.0.0.6'))).toBe('SIGNED_IN');
  }, 120_000);
});
