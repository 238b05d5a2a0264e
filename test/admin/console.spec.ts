import fs from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { hashPassword } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { launchBrowser, tableRows, TestBrowser } from '../support/browser';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist/index.html');
const EMAIL = 'registrar@console.test';
const PASSWORD = 'a long console test password';

const CREATE_EMPLOYER = `mutation($input: EmployerCreateInput!) {
  employerCreate(input: $input) { employer { id } userErrors { field message code } }
}`;

/** Enough employers for two pages of ten, named so that their order is plain. */
const EMPLOYERS = [
  { name: 'Bluegill Software', naicsCode: '541511', region: 'Michigan', websiteUrl: 'https://bluegill.example' },
  { name: 'Cedar Valley Manufacturing', naicsCode: '331110', region: 'Iowa' },
  { name: 'Northwind Health Systems', naicsCode: '622110', region: 'Ohio', description: 'Regional hospital network hiring IT support staff.' },
  ...['Alder', 'Birch', 'Elm', 'Fir', 'Hazel', 'Larch', 'Maple', 'Oak', 'Willow'].map((tree) => ({ name: `${tree} Logistics`, region: 'Kentucky' })),
];

describe('the admin console in a browser', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!fs.existsSync(ADMIN_DIST)) {
      throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
    }
    api = await startTestApi();
    await api.db.getRepository(User).save({ email: EMAIL, displayName: 'Rita Registrar', role: Role.ADMIN, passwordHash: await hashPassword(PASSWORD) });
    for (const input of EMPLOYERS) {
      const created = await api.gql(CREATE_EMPLOYER, { input });
      expect(created.data?.employerCreate.userErrors).toEqual([]);
    }
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('asks who you are and signs you in with your email and password', async () => {
    await page.goto(`${api.url}/admin/`);
    await page.getByLabel('Email').waitFor();
    await browser.screenshot('01-sign-in');

    const refused = await api.gql(`mutation { login(input: { email: "${EMAIL}", password: "not the password" }) { userErrors { message code } } }`, {}, { token: null });
    const [refusal] = refused.data?.login.userErrors ?? [];
    expect(refusal).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(refusal.message).waitFor();

    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Employers' }).waitFor();
    expect(await page.getByText('Pathforge', { exact: true }).first().isVisible()).toBe(true);
  });

  it('lists employers a page at a time', async () => {
    await page.getByRole('menuitem', { name: 'Employers' }).click();
    await page.waitForURL(/\/admin\/employers/);
    const firstPage = [
      'Alder Logistics', 'Birch Logistics', 'Bluegill Software', 'Cedar Valley Manufacturing', 'Elm Logistics',
      'Fir Logistics', 'Hazel Logistics', 'Larch Logistics', 'Maple Logistics', 'Northwind Health Systems',
    ];
    expect(await tableRows(page, firstPage)).toEqual(firstPage);
    await page.getByText('1-10 of 12').waitFor();
    await browser.screenshot('02-employer-list');

    await page.getByRole('button', { name: 'Go to next page' }).click();
    await page.getByText('11-12 of 12').waitFor();
    expect(await tableRows(page, ['Oak Logistics', 'Willow Logistics'])).toEqual(['Oak Logistics', 'Willow Logistics']);
  });

  it('finds an employer by a part of its name', async () => {
    await page.getByPlaceholder('Search by name').fill('cedar');
    expect(await tableRows(page, ['Cedar Valley Manufacturing'])).toEqual(['Cedar Valley Manufacturing']);
    await page.getByText('1-1 of 1').waitFor();
    await browser.screenshot('03-employer-search');
  });

  it('shows an employer', async () => {
    await page.getByPlaceholder('Search by name').fill('northwind');
    expect(await tableRows(page, ['Northwind Health Systems'])).toEqual(['Northwind Health Systems']);
    await page.getByRole('cell', { name: 'Northwind Health Systems' }).click();
    await page.waitForURL(/\/employers\/[^/]+\/show$/);
    const main = page.locator('main');
    for (const shown of ['Northwind Health Systems', '622110', 'Ohio', 'Regional hospital network hiring IT support staff.']) {
      await main.getByText(shown, { exact: true }).waitFor();
    }
    await browser.screenshot('04-employer-show');
  });

  it('edits an employer and shows the change, which the server keeps', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const region = page.getByLabel('Region');
    await region.waitFor();
    expect(await region.inputValue()).toBe('Ohio');
    await region.fill('Wisconsin');
    await browser.screenshot('05-employer-edit');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/\/show$/);
    await page.locator('main').getByText('Wisconsin').waitFor();
    await page.reload();
    await page.locator('main').getByText('Wisconsin').waitFor();
    await browser.screenshot('06-employer-after-edit');
  });

  it('shows the server’s error on the name field when an employer is created without one', async () => {
    const expected = await api.gql(CREATE_EMPLOYER, { input: { name: '' } });
    const [nameError] = expected.data?.employerCreate.userErrors ?? [];
    expect(nameError).toMatchObject({ field: ['input', 'name'], code: 'REQUIRED' });

    await page.goto(`${api.url}/admin/employers/create`);
    await page.getByLabel('Region').fill('Texas');
    await page.getByRole('button', { name: 'Save' }).click();

    const name = page.getByLabel('Name');
    await page.locator('.MuiFormHelperText-root.Mui-error').filter({ hasText: nameError.message }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Region').inputValue()).toBe('Texas');
    expect(page.url()).toMatch(/\/employers\/create$/);
    await browser.screenshot('07-employer-create-error');

    const count = await api.gql(`{ employers(filter: { region: "Texas" }) { totalCount } }`);
    expect(count.data?.employers.totalCount).toBe(0);
  });
});
