import { SignJWT } from 'jose';
import { secretFromEnvironment } from '../../api/src/core/secrets';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';

const ME = `{ me { role user { email deactivatedAt } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`;
const PASSWORD_CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token expiresAt userErrors { field code } } }`;
const DEACTIVATE = `mutation($input: UserDeactivateInput!) { userDeactivate(input: $input) { user { id email deactivatedAt } userErrors { field code } } }`;
const REACTIVATE = `mutation($input: UserReactivateInput!) { userReactivate(input: $input) { user { deactivatedAt } userErrors { field code } } }`;
const PASSWORD = 'correct horse battery';

/** A token is good until it expires, and no longer than what it grants stays as it was. */
describe('tokens follow their account', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const refused = async (token: string) => {
    const answer = await api.gql(ME, {}, { token });
    return answer.status === 401 && answer.errors?.[0].extensions?.code === 'UNAUTHENTICATED';
  };

  it('refuses a correctly signed token without an expiry', async () => {
    const user = await makeUser(api.db, Role.ADMIN);
    const noExpiry = await new SignJWT({ role: 'ADMIN', inst: null, emp: null, ver: user.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).setIssuer('pathforge').setIssuedAt()
      .sign(new Uint8Array(secretFromEnvironment('AUTH_SECRET')));
    expect(await refused(noExpiry)).toBe(true);
    // The same claims with an expiry are accepted, so the expiry is what is missing.
    const withExpiry = await new SignJWT({ role: 'ADMIN', inst: null, emp: null, ver: user.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).setIssuer('pathforge').setIssuedAt().setExpirationTime('1h')
      .sign(new Uint8Array(secretFromEnvironment('AUTH_SECRET')));
    expect(await refused(withExpiry)).toBe(false);
  });

  it('passwordChange ends every earlier token and answers a new one', async () => {
    const user = await makeUser(api.db, Role.ADVISOR, { institutionId: (await makeInstitution(api.db)).id });
    const first = await tokenFor(api, user.email);
    const second = await tokenFor(api, user.email);

    const wrong = await api.gql(PASSWORD_CHANGE, { input: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' } }, { token: first });
    expect(wrong.data?.passwordChange).toEqual({ token: null, expiresAt: null, userErrors: [{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS' }] });
    const short = await api.gql(PASSWORD_CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } }, { token: first });
    expect(short.data?.passwordChange.userErrors).toEqual([{ field: ['input', 'newPassword'], code: 'INVALID' }]);
    expect(await refused(first)).toBe(false);

    const changed = await api.gql(PASSWORD_CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } }, { token: first });
    expect(changed.data?.passwordChange.userErrors).toEqual([]);
    expect(await refused(first)).toBe(true);
    expect(await refused(second)).toBe(true);
    expect((await api.gql(ME, {}, { token: changed.data?.passwordChange.token })).data?.me).toMatchObject({ role: 'ADVISOR', user: { email: user.email } });
    expect((await api.gql(LOGIN, { input: { email: user.email, password: PASSWORD } }, { token: null })).data?.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await tokenFor(api, user.email, 'a brand new passphrase')).length).toBeGreaterThan(0);
    expect((await api.gql(PASSWORD_CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'another passphrase' } }, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['role', (user: User, other: { institutionId: number; employerId: number }) => ({ role: Role.EMPLOYER_PARTNER, institutionId: null, employerId: other.employerId })],
    ['institution', (_user: User, other: { institutionId: number; employerId: number }) => ({ institutionId: other.institutionId })],
    ['password, set outside the API', () => ({ passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$3x1wQxVUTwQ2Q3NQyIrTULLbChOnUTQ5Wnlc4JjZcfM' })],
  ])('a change of %s ends earlier tokens', async (_what, change) => {
    const user = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: (await makeInstitution(api.db)).id });
    const other = { institutionId: (await makeInstitution(api.db)).id, employerId: (await makeEmployer(api.db)).id };
    const token = await tokenFor(api, user.email);
    expect(await refused(token)).toBe(false);
    await api.db.getRepository(User).update(user.id, change(user, other));
    expect(await refused(token)).toBe(true);
  });

  it('a change that grants nothing new (the display name) keeps tokens', async () => {
    const user = await makeUser(api.db, Role.ADMIN);
    const token = await tokenFor(api, user.email);
    await api.db.getRepository(User).update(user.id, { displayName: 'Renamed' });
    expect(await refused(token)).toBe(false);
  });

  it('userDeactivate (administrators only) ends tokens and sign-in, and shows deactivatedAt', async () => {
    const college = await makeInstitution(api.db);
    const user = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    const colleague = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    const token = await tokenFor(api, user.email);
    const colleagueToken = await tokenFor(api, colleague.email);

    const notAdmin = await api.gql(DEACTIVATE, { input: { id: gid(user) } }, { token: colleagueToken });
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await refused(token)).toBe(false);
    expect((await api.gql(ME, {}, { token })).data?.me.user.deactivatedAt).toBeNull();

    const done = await api.gql(DEACTIVATE, { input: { id: gid(user) } });
    expect(done.data?.userDeactivate.userErrors).toEqual([]);
    expect(new Date(done.data?.userDeactivate.user.deactivatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await refused(token)).toBe(true);
    expect(await refused(colleagueToken)).toBe(false);

    const login = await api.gql(LOGIN, { input: { email: user.email, password: PASSWORD } }, { token: null });
    expect(login.data?.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS', message: 'This account has been deactivated' }] });
    const again = await api.gql(DEACTIVATE, { input: { id: gid(user) } });
    expect(again.data?.userDeactivate.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_STATE' }]);

    // Reactivated, the account signs in anew; the token from before the deactivation stays ended.
    expect((await api.gql(REACTIVATE, { input: { id: gid(user) } }, { token: colleagueToken })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(REACTIVATE, { input: { id: gid(user) } })).data?.userReactivate).toEqual({ user: { deactivatedAt: null }, userErrors: [] });
    expect(await refused(token)).toBe(true);
    const fresh = await tokenFor(api, user.email);
    expect(await refused(fresh)).toBe(false);
    expect((await api.gql(REACTIVATE, { input: { id: gid(user) } })).data?.userReactivate.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_STATE' }]);
  });

  it('the console\'s cookie session ends with the password change made elsewhere', async () => {
    const user = await makeUser(api.db, Role.ADMIN);
    const signIn = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie' },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email: user.email, password: PASSWORD } } }),
    });
    const cookie = /pathforge_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    const asConsole = () =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie', cookie: cookie! },
        body: JSON.stringify({ query: ME }),
      });
    expect((await asConsole()).status).toBe(200);
    const token = await tokenFor(api, user.email);
    expect((await api.gql(PASSWORD_CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } }, { token })).data?.passwordChange.userErrors).toEqual([]);
    const after = await asConsole();
    expect(after.status).toBe(401);
  });

  it('the console changing its own password gets its new session as a cookie once the change is made, and none when it is refused', async () => {
    const user = await makeUser(api.db, Role.ADMIN);
    const post = (query: string, variables: Record<string, unknown>, cookie?: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie', ...(cookie && { cookie }) },
        body: JSON.stringify({ query, variables }),
      });
    const sessionOf = (response: Response) => /pathforge_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    const first = sessionOf(await post(LOGIN, { input: { email: user.email, password: PASSWORD } }));
    expect(first).toBeDefined();

    const refused = await post(PASSWORD_CHANGE, { input: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' } }, first);
    expect(((await refused.json()) as any).data.passwordChange.userErrors).toEqual([{ field: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS' }]);
    expect(sessionOf(refused)).toBeUndefined();
    expect((await post(ME, {}, first)).status).toBe(200);

    const changed = await post(PASSWORD_CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } }, first);
    const body = (await changed.json()) as any;
    expect(body.data.passwordChange).toEqual({ token: null, expiresAt: expect.any(String), userErrors: [] });
    const second = sessionOf(changed);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await post(ME, {}, first)).status).toBe(401);
    const me = await post(ME, {}, second);
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).data.me.user.email).toBe(user.email);
  });
});
