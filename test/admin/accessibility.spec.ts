import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { TestApi } from '../support/api';
import { TestBrowser } from '../support/browser';
import { openConsoleOnDemoData } from '../support/console';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

jest.setTimeout(240_000);

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** What axe found that keeps people out: the `serious` and `critical` findings, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`);
}

/**
 * The console's busiest pages checked by axe-core as the people who use them see them, on a desk
 * and on a phone: no finding axe calls serious or critical (contrast, names, landmarks, ARIA).
 */
describe('accessibility of the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let person: DesignerPage;
  let designerUrl = '';

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    person = new DesignerPage(browser.page, `${api.url}/admin`);
    const found = await api.gql(`{ pathways(filter: { search: "IT Support" }) { nodes { id title } } }`);
    const pathway = found.data?.pathways.nodes.find((node: { title: string }) => node.title === 'IT Support');
    designerUrl = `${api.url}/admin/pathways/${encodeURIComponent(pathway.id)}/show`;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Waits until the page has drawn what it is for, then scans it at both widths. */
  const scan = async (name: string, shown: () => Promise<unknown>) => {
    const found: Record<string, string[]> = {};
    try {
      for (const viewport of [WIDE, PHONE]) {
        await browser.page.setViewportSize(viewport);
        // A phone opens the page at its own width: the sidebar, open on a desk, starts closed there.
        if (viewport === PHONE) await browser.page.reload();
        await shown().catch(async (error: Error) => {
          await browser.screenshot(`accessibility-${name}-${viewport.width}`);
          throw error;
        });
        // Charts and other late parts are drawn after the first paint.
        await browser.page.waitForLoadState('networkidle');
        found[`${viewport.width}×${viewport.height}`] = await seriousViolations(browser.page);
      }
    } finally {
      await browser.page.setViewportSize(WIDE);
    }
    return found;
  };
  const none = { '1440×900': [], '390×844': [] };

  it('the sign-in page', async () => {
    await browser.page.goto(`${api.url}/admin/login`);
    expect(await scan('sign-in', () => browser.page.getByRole('button', { name: 'Sign in' }).waitFor(PAGE_LOAD))).toEqual(none);
  });

  it('the dashboard, as college staff', async () => {
    await person.signInAs('staff@demo.test');
    expect(await scan('dashboard', () => browser.page.getByRole('definition').first().waitFor(PAGE_LOAD))).toEqual(none);
  });

  it('the pathway designer, as the lead employer', async () => {
    await person.signInAs('employer@demo.test');
    await browser.page.goto(designerUrl);
    expect(await scan('designer', () => person.stages.waitFor(PAGE_LOAD))).toEqual(none);
  });

  it('the advising page with a learner\'s routes, as an advisor', async () => {
    await person.signInAs('advisor@demo.test');
    await browser.page.getByRole('menuitem', { name: 'Advising' }).click();
    await browser.page.getByLabel('Learner').fill('Morales');
    await browser.page.getByRole('option', { name: /Ana Morales/ }).click();
    expect(await scan('advising', () => browser.page.getByRole('region', { name: 'AAS Information Technology' }).waitFor(PAGE_LOAD))).toEqual(none);
  });
});
