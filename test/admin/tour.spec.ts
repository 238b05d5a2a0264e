import { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { TestApi } from '../support/api';
import { signIn, TestBrowser } from '../support/browser';
import { openConsoleOnDemoData } from '../support/console';

/** Each menu entry, a column heading its list shows, and what its show page shows once loaded (field labels unless said). */
const SECTIONS: { menu: string; column: string; shown?: string }[] = [
  { menu: 'Pathways', column: 'Coverage', shown: 'section[aria-label="Stages"]' },
  { menu: 'Credentials', column: 'Issuer' },
  { menu: 'Occupations', column: 'SOC code' },
  { menu: 'Employers', column: 'NAICS' },
  { menu: 'Institutions', column: 'Kind' },
  { menu: 'Degree programs', column: 'Prior-learning cap' },
  { menu: 'Articulation agreements', column: 'Mappings' },
  { menu: 'Learners', column: 'Student number' },
];

const slug = (text: string) => text.toLowerCase().replace(/\s+/g, '-');

/** An error notification means a page asked the API for something it refused or does not have. */
async function expectNoErrorNotice(page: Page) {
  expect(await page.locator('.MuiSnackbarContent-root.error, .RaNotification-error').allTextContents()).toEqual([]);
}

describe('the admin console on the demo data', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    page = browser.page;
    await signIn(page, `${api.url}/admin/`, 'admin@demo.test', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it.each(SECTIONS)('lists and shows $menu', async ({ menu, column, shown = '.RaLabeled-label' }) => {
    await page.getByRole('menuitem', { name: menu }).click();
    await page.getByRole('columnheader', { name: column }).waitFor();
    const firstRow = page.locator('tbody tr').first();
    await firstRow.waitFor();
    await expectNoErrorNotice(page);
    await browser.screenshot(`tour-${slug(menu)}-list`);

    const listUrl = page.url();
    await firstRow.locator('td').first().click();
    await page.waitForURL((url) => url.href !== listUrl && url.pathname.endsWith('/show'));
    await page.locator(shown).first().waitFor();
    await expectNoErrorNotice(page);
    await browser.screenshot(`tour-${slug(menu)}-show`);
  });

  it('shows what a pathway still misses for its occupation', async () => {
    await page.getByRole('menuitem', { name: 'Pathways' }).click();
    await page.getByPlaceholder('Search by title').fill('Network Support');
    await page.locator('tbody tr').filter({ hasText: 'Network Support Technician' }).first().click();
    await page.getByTestId('coverage-summary').filter({ hasText: '4 of 6 covered' }).waitFor();
    expect(await page.getByTestId('uncovered').textContent()).toContain('IT-4.1');
    await browser.screenshot('tour-pathway-coverage');
  });

  it('keeps what was typed and says so when someone else saved the pathway first', async () => {
    const pathwayId = new URL(page.url()).pathname.split('/')[3];
    await page.goto(`${api.url}/admin/pathways/${pathwayId}`);
    const title = page.getByLabel(/^Title/);
    await title.waitFor();
    const original = await title.inputValue();

    const current = await api.gql(`query($id: ID!) { pathway(id: $id) { revision } }`, { id: decodeURIComponent(pathwayId) });
    const concurrent = await api.gql(
      `mutation($input: PathwayUpdateInput!) { pathwayUpdate(input: $input) { userErrors { code } } }`,
      { input: { id: decodeURIComponent(pathwayId), expectedRevision: current.data?.pathway.revision, description: 'Edited by a colleague meanwhile' } },
    );
    expect(concurrent.data?.pathwayUpdate.userErrors).toEqual([]);

    await title.fill(`${original} (draft 2)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else changed this pathway: reload').waitFor();
    expect(await title.inputValue()).toBe(`${original} (draft 2)`);
    expect(page.url()).toMatch(new RegExp(`/pathways/${pathwayId}$`));
    await browser.screenshot('tour-pathway-conflict');
  });
});
