import { Locator, Page } from 'playwright-core';
import { byCohort } from '../../admin/src/dashboard/cohorts';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { TestApi } from '../support/api';
import { signIn, TestBrowser } from '../support/browser';
import { openConsoleOnDemoData, screenshotFromTop } from '../support/console';

/** DOMAIN.md's worked example is evaluated on this date. */
const AS_OF = '2026-11-22';

/** The worked example's table: source, credits, and the reason (after the status chip, where there is one). */
const WORKED_EXAMPLE_ROWS = [
  ['IT Support Fundamentals', '3', 'Counted', 'CIS-105'],
  ['Customer Service Essentials', '0', 'Duplicate', 'CIS-105 already counted'],
  ['Network Basics', '0', 'Expired', 'Awarded before 2021-11-22: older than the 5-year limit'],
  ['Help Desk Practicum', '3', 'Counted', 'CIS-198'],
  ['Block credit: IT Support pathway', '0', '', 'Stage 2 (Network Basics) not satisfied'],
  ['Prior learning', '6', '', 'Under the cap of 45'],
  ['Applied', '12', '', 'Remaining 48; best next step: earn Network Basics again, +6 (4 + block 2)'],
];

/** Each row of the route table as [source, credits, status, why]. */
async function routeRows(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = row.locator('td');
    const why = cells.nth(3);
    const chip = why.locator('.MuiChip-label');
    rows.push([
      await cells.nth(0).innerText(),
      await cells.nth(2).innerText(),
      (await chip.count()) ? await chip.innerText() : '',
      await why.locator('span').last().innerText(),
    ]);
  }
  return rows;
}

const figure = (scope: Page | Locator, label: string) => scope.locator(`[data-figure="${label}"]`).first();

const DASHBOARD_FIGURES = `{
  DRAFT: pathways(filter: { status: DRAFT }) { totalCount }
  IN_REVIEW: pathways(filter: { status: IN_REVIEW }) { totalCount }
  CHANGES_REQUESTED: pathways(filter: { status: CHANGES_REQUESTED }) { totalCount }
  APPROVED: pathways(filter: { status: APPROVED }) { totalCount }
  PUBLISHED: pathways(filter: { status: PUBLISHED }) { totalCount }
  RETIRED: pathways(filter: { status: RETIRED }) { totalCount }
  overduePathways: pathways(first: 10, filter: { reviewOverdue: true }) { nodes { title } }
  overdueCredentials: credentials(first: 10, filter: { reviewOverdue: true }) { nodes { title } }
  expiring: articulationAgreements(first: 10, filter: { expiringWithinDays: 90 }) { nodes { title } }
  published: pathways(first: 20, filter: { status: PUBLISHED }) { nodes { title outcomes { cohort enrolled completed placed suppressed } } }
}`;

jest.setTimeout(150_000);

describe('the advisor view on the demo data', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const screenshot = (name: string) => screenshotFromTop(browser, name);

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    page = browser.page;
    // A busy CI machine can take many seconds to render a page; jest's limit below stays well above this.
    page.setDefaultTimeout(40_000);
    await signIn(page, `${api.url}/admin/`, 'advisor@demo.test', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens on a dashboard whose figures are the API’s, as the advisor may see them, with small counts shown as suppressed', async () => {
    const login = await api.gql(`mutation { login(input: { email: "advisor@demo.test", password: "${DEMO_PASSWORD}" }) { token } }`, {}, { token: null });
    const figures = (await api.gql(DASHBOARD_FIGURES, {}, { token: login.data?.login.token })).data!;
    const counts = page.getByRole('definition');
    await counts.first().waitFor();
    for (const status of ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED']) {
      expect(await page.locator(`[data-status="${status}"] dd`).innerText()).toBe(String(figures[status].totalCount));
    }

    const overdue = await page.getByRole('list', { name: 'Overdue reviews' }).locator('li').allInnerTexts();
    const overdueTitles = [...figures.overduePathways.nodes, ...figures.overdueCredentials.nodes].map((node: { title: string }) => node.title);
    expect(overdueTitles.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(overdueTitles.length);
    for (const title of overdueTitles) expect(overdue.some((item) => item.startsWith(title))).toBe(true);
    expect(overdue.every((item) => /\d+ days? overdue/.test(item))).toBe(true);

    const expiring = await page.getByRole('list', { name: 'Expiring agreements' }).locator('li').allInnerTexts();
    expect(expiring.map((item) => item.split('\n')[0])).toEqual(figures.expiring.nodes.map((node: { title: string }) => node.title));

    type Report = { cohort: string; enrolled: number | null; completed: number | null; placed: number | null; suppressed: boolean };
    const shown = (value: number | null, report: Report) => (value === null ? (report.suppressed ? 'suppressed' : '—') : String(value));
    const withOutcomes = figures.published.nodes.filter((pathway: { outcomes: Report[] }) => pathway.outcomes.length);
    expect(withOutcomes.some((pathway: { outcomes: Report[] }) => pathway.outcomes.some((report) => report.suppressed && report.placed === null))).toBe(true);
    for (const pathway of withOutcomes as { title: string; outcomes: Report[] }[]) {
      const table = page.getByRole('table', { name: `Outcome figures of ${pathway.title}` });
      const rows = [];
      for (const row of await table.locator('tbody tr').all()) rows.push((await row.locator('td').allInnerTexts()).slice(0, 4));
      const expected = [...pathway.outcomes]
        .sort((a, b) => byCohort(a.cohort, b.cohort))
        .map((report) => [report.cohort, shown(report.enrolled, report), shown(report.completed, report), shown(report.placed, report)]);
      expect(rows).toEqual(expected);
    }
    await screenshot('dashboard');
  });

  it('shows the worked-example learner 12 credits applied and 48 remaining, row by row as DOMAIN.md does', async () => {
    await page.getByRole('menuitem', { name: 'Advising' }).click();
    await page.getByLabel('Learner').fill('Morales');
    await page.getByRole('option', { name: /Ana Morales/ }).click();
    // The date is set once the picked learner shows in the field, as a person sees it before going on.
    await page.getByLabel('Learner').and(page.locator('input[value^="Ana Morales"]')).waitFor();
    await page.getByLabel('As of').fill(AS_OF);

    const route = page.getByRole('region', { name: 'AAS Information Technology' });
    await route.waitFor().catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page at ${page.url()} showed: ${(await page.locator('#main-content').innerText().catch(() => '')).slice(0, 800)}`);
    });
    await expect(figure(route, 'Applied').innerText()).resolves.toBe('12 of 60');
    expect(await figure(route, 'Remaining').innerText()).toBe('48');
    expect(await figure(route, 'Articulated').innerText()).toBe('6');
    expect(await figure(route, 'Block credit').innerText()).toBe('0');
    expect(await figure(route, 'Prior learning').innerText()).toBe('6');
    expect(await figure(route, 'Cut by limits').innerText()).toBe('0');
    expect(await routeRows(route.getByRole('table', { name: 'Credit toward AAS Information Technology' }))).toEqual(WORKED_EXAMPLE_ROWS);
    expect(await route.getByRole('list', { name: 'Next steps' }).innerText()).toContain('Network Basics: +6 credits for 60 hours');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(AS_OF);
    await screenshot('advising-worked-example');
  });

  it('tries earning Network Basics again: +6 applied, 6 fewer remaining, and nothing saved', async () => {
    const route = page.getByRole('region', { name: 'AAS Information Technology' });
    await route.getByRole('checkbox', { name: /^Network Basics/ }).check();
    const result = route.getByTestId('what-if-result');
    await result.waitFor();
    expect(await figure(result, 'Applied with these').innerText()).toBe('18 (+6)');
    expect(await figure(result, 'Remaining with these').innerText()).toBe('42 (−6)');
    expect(await figure(result, 'Block credit').innerText()).toBe('2');
    await screenshot('advising-what-if');

    const ana = await api.gql(`{ learners(filter: { search: "Morales" }) { nodes { id awards { id } } } }`);
    const [learner] = ana.data?.learners.nodes;
    expect(learner.awards).toHaveLength(4);
    const stored = await api.gql(`query($id: ID!) { learnerRoutes(learnerId: $id, asOf: "${AS_OF}") { appliedCredits } }`, { id: learner.id });
    expect(stored.data?.learnerRoutes).toEqual([{ appliedCredits: 12 }]);

    await route.getByRole('checkbox', { name: /^Network Basics/ }).uncheck();
    await result.waitFor({ state: 'detached' });
  });

  it('keeps the learner and date in the address, so the view comes back on reload', async () => {
    await page.reload();
    const route = page.getByRole('region', { name: 'AAS Information Technology' });
    await expect(figure(route, 'Applied').innerText()).resolves.toBe('12 of 60');
    expect(await page.getByLabel('Learner').inputValue()).toMatch(/^Ana Morales/);
  });

  it('as of an earlier date, awards dated after it read "Not yet awarded", not "No agreement"', async () => {
    // On 2024-12-01 the agreement (from 2025-01-01) does not count yet, and two awards are still to come.
    await page.getByLabel('As of').fill('2024-12-01');
    const route = page.getByRole('region', { name: 'AAS Information Technology' });
    const table = route.getByRole('table', { name: 'Credit toward AAS Information Technology' });
    await table.locator('tbody tr').filter({ hasText: 'Help Desk Practicum' }).getByText('Not yet awarded').waitFor();
    const byCredential = Object.fromEntries((await routeRows(table)).map((row) => [row[0], row.slice(2)]));
    expect(byCredential['Help Desk Practicum']).toEqual(['Not yet awarded', expect.stringMatching(/^Awarded after /)]);
    expect(byCredential['Customer Service Essentials']).toEqual(['Not yet awarded', expect.stringMatching(/^Awarded after /)]);
    expect(byCredential['IT Support Fundamentals']).toEqual(['No agreement', expect.any(String)]);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2024-12-01');
  });
});
