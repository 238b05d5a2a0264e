import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { launchBrowser, signIn, TestBrowser } from '../support/browser';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist/index.html');
const EMAIL = 'guard@console.test';
const PASSWORD = 'a long console security password';

describe('the console’s headers and session, in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;

  beforeAll(async () => {
    if (!fs.existsSync(ADMIN_DIST)) throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
    api = await startTestApi();
    await api.db.getRepository(User).save({ email: EMAIL, displayName: 'Gil Guard', role: Role.ADMIN, passwordHash: await hashPassword(PASSWORD) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves /admin/ with helmet’s headers and a CSP that forbids framing, and no X-Powered-By', async () => {
    const response = await fetch(`${api.url}/admin/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect((await fetch(`${api.url}/healthz`)).headers.get('x-powered-by')).toBeNull();
  });

  it('works under its CSP: signs in, lists, with no violation reported, and keeps the token out of scripts’ reach', async () => {
    const { page } = browser;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => console.error('Refused to load: CSP ' + event.violatedDirective + ' ' + event.blockedURI))`);
    await signIn(page, `${api.url}/admin/`, EMAIL, PASSWORD);
    await page.goto(`${api.url}/admin/#/employers`);
    await page.getByRole('menuitem').first().waitFor();
    await page.getByText('Gil Guard').first().waitFor();
    expect(violations).toEqual([]);

    const cookies = await page.context().cookies(api.url);
    const session = cookies.find((cookie) => cookie.name === 'pathforge_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).not.toContain('pathforge_session');
    const stored = (await page.evaluate('JSON.stringify(Object.values(localStorage))')) as string;
    expect(stored).not.toContain(session!.value);
    expect(stored).not.toMatch(/eyJ/);

    // The cookie alone (a cross-site form or image carries no custom header) is the public.
    const bare = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `pathforge_session=${session!.value}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(((await bare.json()) as { data: unknown }).data).toEqual({ me: { role: 'PUBLIC' } });
    // A simple cross-site POST is refused by CSRF prevention, header or not.
    const simple = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `pathforge_session=${session!.value}`, 'x-pathforge-session': 'cookie' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(simple.status).toBe(400);
    // With the header, as the console sends it, the cookie is the account.
    const console_ = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `pathforge_session=${session!.value}`, 'x-pathforge-session': 'cookie' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(((await console_.json()) as { data: unknown }).data).toEqual({ me: { role: 'ADMIN' } });

    // Signing out clears the cookie.
    await page.getByRole('button', { name: /profile|Gil Guard/i }).first().click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await page.context().cookies(api.url)).find((cookie) => cookie.name === 'pathforge_session')).toBeUndefined();
  });

  it('sends a console whose session cookie has expired to the sign-in page, instead of showing it the public’s data', async () => {
    const { page } = browser;
    await signIn(page, `${api.url}/admin/`, EMAIL, PASSWORD);
    await page.goto(`${api.url}/admin/employers`);
    await page.getByText('Gil Guard').first().waitFor();
    // The browser drops a cookie whose expiry has passed: the role the console keeps stays behind.
    await page.context().clearCookies();
    expect(await page.evaluate(`localStorage.getItem('pathforge.role')`)).toBe('ADMIN');
    await page.goto(`${api.url}/admin/auditLog`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('pathforge.role')`)).toBeNull();

    // Over HTTP: the console's "signed-in" header without a cookie is refused, not the public.
    const ended = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pathforge-session': 'signed-in' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // Signing in again works though the page still held the old role when it started.
    await page.evaluate(`localStorage.setItem('pathforge.role', 'ADMIN')`);
    await signIn(page, `${api.url}/admin/`, EMAIL, PASSWORD);
    await page.goto(`${api.url}/admin/employers`);
    await page.getByText('Gil Guard').first().waitFor();
  });
});
