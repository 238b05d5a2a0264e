import { SignJWT } from 'jose';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';

const LOGIN = `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token expiresAt viewer { role institution { name } } userErrors { field code } } }`;
const ME = `{ me { role user { email } institution { id } employer { id } } }`;

describe('accounts', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs in with a password stored as an argon2 hash and acts as that account', async () => {
    const college = await makeInstitution(api.db, { name: 'Sign-in College' });
    const user = await makeUser(api.db, Role.INSTITUTION_STAFF, { email: 'staff@signin.test', password: 'a long passphrase', institutionId: college.id });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const login = await api.gql(LOGIN, { e: 'Staff@Signin.test ', p: 'a long passphrase' });
    expect(login.data?.login).toMatchObject({ viewer: { role: 'INSTITUTION_STAFF', institution: { name: 'Sign-in College' } }, userErrors: [] });
    expect(new Date(login.data?.login.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await api.gql(ME, {}, { token: login.data?.login.token });
    expect(me.data?.me).toEqual({ role: 'INSTITUTION_STAFF', user: { email: 'staff@signin.test' }, institution: { id: gid(college) }, employer: null });
  });

  it('refuses wrong credentials the same way whether or not the account exists', async () => {
    await makeUser(api.db, Role.ADMIN, { email: 'admin@signin.test', password: 'right one' });
    const wrongPassword = await api.gql(LOGIN, { e: 'admin@signin.test', p: 'wrong one' });
    const noAccount = await api.gql(LOGIN, { e: 'nobody@signin.test', p: 'wrong one' });
    expect(wrongPassword.data?.login).toEqual({ token: null, expiresAt: null, viewer: null, userErrors: [{ field: null, code: 'INVALID_CREDENTIALS' }] });
    expect(noAccount.data?.login).toEqual(wrongPassword.data?.login);
    const empty = await api.gql(LOGIN, { e: '', p: 'x' });
    expect(empty.data?.login.userErrors).toEqual([{ field: ['input', 'email'], code: 'REQUIRED' }]);
  });

  it('treats no token as the public, and a forged or expired token as unauthenticated', async () => {
    expect((await api.gql(ME, {}, { token: null })).data?.me).toEqual({ role: 'PUBLIC', user: null, institution: null, employer: null });

    const forged = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('1').setIssuer('pathforge')
      .setExpirationTime('1h').sign(new TextEncoder().encode('not the server secret, but long enough to sign'));
    const refused = await api.gql(ME, {}, { token: forged });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const user = await makeUser(api.db, Role.ADMIN, { email: 'expiring@signin.test' });
    const token = await tokenFor(api, user.email);
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBeGreaterThan(0);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(24 * 3600);
  });
});
