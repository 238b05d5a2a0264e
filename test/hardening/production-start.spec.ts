import { prepareDatabase } from '../../api/src/cluster';
import { config } from '../../api/src/core/config';
import { isEmpty } from '../../api/src/seed/demo';
import { createAdmin } from '../../api/src/modules/accounts/create-admin';
import { RunningServer, startServer } from '../../api/src/server';
import { post } from './client';
import { createTestDatabase, TestDatabase } from '../support/db';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token viewer { role } userErrors { code } } }`;

describe('production start on an empty database', () => {
  let database: TestDatabase;
  let server: RunningServer | undefined;
  const gql = async (query: string, input: Record<string, unknown>) => (await post(server!.url, query, { input })).body as { data: Record<string, any> };
  const production = config.production;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    config.production = production;
    await server?.stop();
    await database.drop();
  });

  it('loads no demo data and no demo account, and says how to create the first admin', async () => {
    expect(await isEmpty(database.db)).toBe(true);
    config.production = true;
    const lines: string[] = [];
    const opened = await prepareDatabase((line) => lines.push(line), { url: database.url });
    await opened.close();
    config.production = production;

    expect(await isEmpty(database.db)).toBe(true);
    expect(await database.db.query(`SELECT email FROM app_user`)).toEqual([]);
    expect(lines.some((line) => line.includes('npm run create-admin'))).toBe(true);

    server = await startServer(database.db, 0);
    const demo = await gql(LOGIN, { email: 'admin@demo.test', password: 'demo-password' });
    expect(demo.data.login).toMatchObject({ token: null, viewer: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('creates the first ADMIN with the create-admin command’s function, who can then sign in', async () => {
    await expect(createAdmin(database.db, 'root@example.org', 'short')).rejects.toThrow(/at least 12/);
    const { created } = await createAdmin(database.db, ' Root@Example.org ', 'a long enough password');
    expect(created).toBe(true);
    const signedIn = await gql(LOGIN, { email: 'root@example.org', password: 'a long enough password' });
    expect(signedIn.data.login).toMatchObject({ viewer: { role: 'ADMIN' }, userErrors: [] });

    // Run again, it resets the password rather than adding a second account.
    expect((await createAdmin(database.db, 'root@example.org', 'another long password')).created).toBe(false);
    expect(await database.db.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual([{ n: 1 }]);
    const old = await gql(LOGIN, { email: 'root@example.org', password: 'a long enough password' });
    expect(old.data.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
  });
});
