import { Locator, Page } from 'playwright-core';
import { TestApi } from '../support/api';
import { TestBrowser } from '../support/browser';
import { openConsoleOnDemoData } from '../support/console';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** A scenario loads several pages; on a busy 2-core machine that takes a while. */
const SCENARIO_TIMEOUT = 180_000;

/** How far the page can be scrolled sideways: 0 when it fits the screen. */
const sidewaysScroll = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** Where the element lies once scrolled to, for an assertion that names it when it sticks out of the screen. */
async function placement(locator: Locator): Promise<{ what: string; inside: boolean; left: number; right: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize()!;
  const what = ((await locator.innerText().catch(() => '')) || (await locator.getAttribute('aria-label')) || '').slice(0, 60);
  if (!box) return { what, inside: false, left: NaN, right: NaN };
  // Half a pixel of rounding either side.
  const inside = box.x >= -0.5 && box.x + box.width <= viewport.width + 0.5 && box.y >= -0.5 && box.y + box.height <= viewport.height + 0.5;
  return { what, inside, left: Math.round(box.x), right: Math.round(box.x + box.width) };
}

async function expectFullyVisible(locators: Locator[]): Promise<void> {
  expect(locators.length).toBeGreaterThan(0);
  for (const locator of locators) {
    const seen = await placement(locator);
    expect(seen).toEqual(expect.objectContaining({ what: seen.what, inside: true }));
  }
}

/** What the focused element is, by its accessible label or text; "BODY" when focus fell back to the page. */
const focused = (page: Page) =>
  page.evaluate<string>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'BODY';
    return element.getAttribute('aria-label') || (element.labels && element.labels[0] ? element.labels[0].textContent.trim() : '') || (element.textContent || '').trim().slice(0, 80) || element.tagName;
  })()`);

/** The WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(first: string, second: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** Presses Tab (or Shift+Tab) until the focused element has the given label: how a keyboard user gets there. */
async function tabTo(page: Page, label: string, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await focused(page)) === label) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${limit} presses of ${key} did not reach "${label}": focus is on "${await focused(page)}"`);
}

/** Asks until the answer is yes or the time is up: an undoable removal is sent seconds after it shows. */
async function until(check: () => Promise<boolean>, timeout = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the console on a phone and by keyboard', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let person: DesignerPage;
  let page: Page;
  let consoleUrl: string;
  const pageErrors: string[] = [];
  let itSupportDraft: string;
  /** The records of a list page shown as a simple list: links in list items, where a table has rows. */
  const simpleListItems = () => page.locator('#main-content').getByRole('listitem').getByRole('link');
  /** Each keyboard scenario starts on a freshly loaded designer of the IT Support draft, whatever the one before left behind. */
  const openDesigner = async () => {
    await page.goto(`${consoleUrl}/pathways/${encodeURIComponent(itSupportDraft)}/show`);
    await person.stages.getByRole('textbox', { name: 'New stage' }).waitFor(PAGE_LOAD).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page at ${page.url()} showed: ${(await page.locator('#main-content').innerText().catch(() => '')).slice(0, 600)}`);
    });
  };
  const stageTitles = async (): Promise<string[]> =>
    (await api.gql(`query($id: ID!) { pathway(id: $id) { stages { title } } }`, { id: itSupportDraft })).data!.pathway.stages.map((stage: { title: string }) => stage.title);

  /** Signs in where the menu shows (a phone hides it in a drawer), then takes the given screen size. */
  const signInAs = async (email: string, viewport: typeof PHONE) => {
    await page.setViewportSize(DESKTOP);
    await person.signInAs(email);
    await page.setViewportSize(viewport);
  };

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    page = browser.page;
    consoleUrl = `${api.url}/admin`;
    person = new DesignerPage(page, consoleUrl);
    // Accounts are switched on /healthz, a plain API page for which Chromium asks /favicon.ico: no console page's error.
    const fromConsole = (url: string) => !url.endsWith(`${new URL(api.url).origin}/favicon.ico`);
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && fromConsole(message.location().url)) pageErrors.push(`console: ${message.text()} at ${message.location().url}`);
    });
    const found = await api.gql(`{ pathways(first: 50, filter: { status: DRAFT }) { nodes { id title } } }`);
    itSupportDraft = found.data!.pathways.nodes.find((pathway: { title: string }) => pathway.title === 'IT Support').id;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('lists records as a simple list at phone width, with nothing to scroll sideways', async () => {
    await signInAs('staff@demo.test', PHONE);
    for (const resource of ['pathways', 'credentials', 'learners', 'articulationAgreements', 'occupations', 'employers', 'institutions', 'degreePrograms', 'competencyFrameworks', 'competencies']) {
      await page.goto(`${consoleUrl}/${resource}`);
      await simpleListItems().first().waitFor(PAGE_LOAD).catch(async (error: Error) => {
        await browser.screenshot(`phone-${resource}-missing`);
        throw new Error(`${error.message}\nThe page at ${page.url()} showed: ${(await page.locator('body').innerText()).slice(0, 600)}`);
      });
      expect({ resource, tables: await page.locator('#main-content table').count() }).toEqual({ resource, tables: 0 });
      expect({ resource, sideways: await sidewaysScroll(page) }).toEqual({ resource, sideways: 0 });
      await expectFullyVisible(await simpleListItems().all());
      if (resource === 'pathways') await browser.screenshot('phone-pathway-list');
    }
  }, SCENARIO_TIMEOUT);

  it('shows the dashboard’s pathway counts at phone width each on one line, status beside its count', async () => {
    await page.goto(`${consoleUrl}/`);
    const counts = page.getByRole('definition');
    await counts.first().waitFor(PAGE_LOAD);
    const rows = await page.evaluate<{ status: string; oneLine: boolean }[]>(`[...document.querySelectorAll('[aria-label="Pathway counts"] [data-status]')].map((box) => {
      const [term, value] = [box.querySelector('dt'), box.querySelector('dd')].map((element) => element.getBoundingClientRect());
      return { status: box.getAttribute('data-status'), oneLine: Math.abs(term.top - value.top) < 2 && term.height < 1.6 * parseFloat(getComputedStyle(box).lineHeight) };
    })`);
    expect(rows).toHaveLength(6);
    expect(rows.filter((row) => !row.oneLine)).toEqual([]);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectFullyVisible(await page.locator('[aria-label="Pathway counts"] [data-status]').all());
  }, SCENARIO_TIMEOUT);

  it('lists the audit log as one line per change at phone width, each opening the record it names', async () => {
    const created = await api.gql(`mutation($input: EmployerCreateInput!) { employerCreate(input: $input) { employer { id } userErrors { code } } }`, {
      input: { name: 'Harbor Point Logistics', region: 'Michigan' },
    });
    expect(created.data?.employerCreate.userErrors).toEqual([]);
    await signInAs('admin@demo.test', PHONE);
    await page.goto(`${consoleUrl}/auditLog`);
    await simpleListItems().first().waitFor(PAGE_LOAD).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page at ${page.url()} showed: ${(await page.locator('#main-content').innerText()).slice(0, 600)}`);
    });
    expect(await page.locator('#main-content table').count()).toBe(0);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectFullyVisible((await simpleListItems().all()).slice(0, 5));
    await expectFullyVisible([page.getByRole('textbox', { name: 'Who (name or email)' }), page.getByRole('combobox', { name: 'Record type' }), page.getByRole('textbox', { name: 'To', exact: true })]);
    const first = simpleListItems().first();
    expect(await first.innerText()).toBe('Employer: Harbor Point Logistics');
    expect(await page.locator('#main-content').getByRole('listitem').first().innerText()).toMatch(/^Created · Employer: Harbor Point Logistics\b[^]*Test admin · employerCreate/);
    await first.click();
    await page.waitForURL(`${consoleUrl}/employers/${encodeURIComponent(created.data!.employerCreate.employer.id)}/show`, PAGE_LOAD);
    await page.getByText('Harbor Point Logistics').first().waitFor(PAGE_LOAD);
    await signInAs('staff@demo.test', PHONE);
  }, SCENARIO_TIMEOUT);

  it('shows the designer at phone width with its badge, credits and requirement fields on the screen', async () => {
    await page.goto(`${consoleUrl}/pathways`);
    await simpleListItems().first().waitFor(PAGE_LOAD);
    await page.getByPlaceholder('Search by title').fill('Network Support Technician');
    // The search is applied after a pause: a tap before the list is redrawn can land on an item that is being replaced.
    expect(await until(async () => {
      const titles = await simpleListItems().allInnerTexts();
      return titles.length > 0 && titles.every((title) => title.includes('Network Support Technician'));
    })).toBe(true);
    await simpleListItems().first().click();
    await page.waitForURL(/\/admin\/pathways\/[^/]+\/show$/, PAGE_LOAD);
    await person.stages.waitFor(PAGE_LOAD).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page at ${page.url()} showed: ${(await page.locator('body').innerText()).slice(0, 800)}`);
    });
    await person.page.getByTestId('coverage-summary').waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await expectFullyVisible([page.getByTestId('pathway-status')]);
    await expectFullyVisible(await person.stages.getByText(/^Level \d+ · /).all());
    await expectFullyVisible(await person.stages.getByTestId('stage-requirement').all());
    await expectFullyVisible(await person.stages.getByRole('combobox', { name: 'Requirement' }).all());
    await expectFullyVisible(await person.stages.getByLabel('Minimum credits').all());
    await expectFullyVisible([page.getByRole('combobox', { name: 'After earning' })]);
    expect(await sidewaysScroll(page)).toBe(0);
    await browser.screenshot('phone-designer');
  }, SCENARIO_TIMEOUT);

  it('shows an advisor the worked example at phone width, every figure and credit on the screen', async () => {
    await signInAs('advisor@demo.test', PHONE);
    await page.goto(`${consoleUrl}/advising`);
    await page.getByRole('combobox', { name: 'Learner' }).fill('Morales');
    await page.getByRole('option', { name: /Ana Morales/ }).click();
    await page.getByLabel('As of').fill('2026-11-22');
    const route = page.getByRole('region', { name: 'AAS Information Technology' });
    await route.locator('[data-figure="Applied"]').filter({ hasText: '12 of 60' }).waitFor(PAGE_LOAD);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectFullyVisible([page.getByRole('combobox', { name: 'Learner' }), page.getByLabel('As of')]);
    await expectFullyVisible(await route.locator('[data-figure]').all());
    // Every line of the route shows whole, its reason included, however the page lays the lines out.
    await expectFullyVisible([
      route.getByText('Awarded before 2021-11-22: older than the 5-year limit'),
      route.getByText('Stage 2 (Network Basics) not satisfied'),
      route.getByText('Remaining 48; best next step: earn Network Basics again, +6 (4 + block 2)'),
    ]);
    const rows = route.getByRole('list', { name: 'Credit toward AAS Information Technology' }).getByRole('listitem');
    expect(await rows.count()).toBe(7);
    await expectFullyVisible([rows.filter({ hasText: 'Network Basics' }).getByText('Awarded before 2021-11-22: older than the 5-year limit')]);
    await expectFullyVisible(await rows.getByTestId('route-row-credits').all());
    expect(await sidewaysScroll(page)).toBe(0);
    await browser.screenshot('phone-advising');
  }, SCENARIO_TIMEOUT);

  it('names every select of the designer and the advising page', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${consoleUrl}/advising`);
    await page.getByRole('combobox', { name: 'Learner' }).waitFor(PAGE_LOAD);
    expect(await page.getByRole('textbox', { name: 'As of' }).count()).toBe(1);

    await signInAs('staff@demo.test', DESKTOP);
    await openDesigner();
    expect(await page.getByRole('combobox', { name: 'After earning' }).count()).toBe(1);
    expect(await person.stages.getByRole('combobox', { name: 'Requirement' }).count()).toBe(await person.stages.getByTestId('stage').count());
    expect(await page.getByRole('combobox', { name: 'Role', exact: true }).count()).toBe(1);
    const partners = page.getByRole('region', { name: 'Partners' });
    for (const partner of await partners.locator('strong').allInnerTexts()) {
      expect(await partners.getByRole('combobox', { name: `Role of ${partner}` }).count()).toBe(1);
    }
    // Every combobox, whichever panel it is in, has a name a screen reader can say.
    const unnamed = (await page.locator('main').ariaSnapshot()).split('\n').filter((line) => /- combobox(\s*\[[^\]]*\])?\s*:?$/.test(line.trim()) || /- combobox ""/.test(line));
    expect(unnamed).toEqual([]);
  }, SCENARIO_TIMEOUT);

  it('adds a stage with Enter and removes it by keyboard, focus staying on the design and clearly outlined', async () => {
    await openDesigner();
    const field = person.stages.getByRole('textbox', { name: 'New stage' });
    await field.focus();
    await page.keyboard.type('Capstone project');
    await page.keyboard.press('Enter');
    const added = person.stage('Capstone project');
    await added.waitFor(PAGE_LOAD);
    await page.getByText('Stage Capstone project added').waitFor();
    expect(await focused(page)).not.toBe('BODY');
    expect(await page.evaluate<boolean>(`document.querySelector('[aria-label="Stages"]').contains(document.activeElement)`)).toBe(true);

    // Back through the new stage's fields to its remove button, as a keyboard user goes.
    await tabTo(page, 'Remove stage Capstone project', 'Shift+Tab');
    const outline = await page.evaluate<{ style: string; width: string; colour: string }>(
      `(() => { const style = getComputedStyle(document.activeElement); return { style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor }; })()`,
    );
    expect(outline.style).not.toBe('none');
    expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(outline.colour, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(outline.colour, 'rgb(243, 246, 248)')).toBeGreaterThanOrEqual(3);

    const stagesBefore = await person.stages.getByTestId('stage').count();
    await page.keyboard.press('Enter');
    await added.waitFor({ state: 'detached' });
    expect(await person.stages.getByTestId('stage').count()).toBe(stagesBefore - 1);
    const afterRemoving = await focused(page);
    expect(afterRemoving).not.toBe('BODY');
    expect(await page.evaluate<boolean>(`document.querySelector('[aria-label="Stages"]').contains(document.activeElement)`)).toBe(true);
    // The removal is sent when its notice closes; the edit that follows must not drop focus either.
    const notice = page.getByText('Stage Capstone project removed');
    await notice.waitFor();
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await until(async () => !(await stageTitles()).includes('Capstone project'))).toBe(true);
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    expect(await until(async () => (await person.stages.locator('[aria-label^="Remove"]:disabled').count()) === 0)).toBe(true);
    expect(await focused(page)).toBe(afterRemoving);
  }, SCENARIO_TIMEOUT);

  it('removes a credential from a stage by keyboard and keeps focus on the next one; a saved requirement keeps its field focused', async () => {
    await openDesigner();
    const stage = person.stages.getByTestId('stage').first();
    const stageTitle = (await stage.getByRole('heading').innerText()).replace(/^Stage \d+\s*/, '');
    await person.addCredential(stageTitle, 'Customer Service', 'Customer Service Essentials');
    const removers = stage.getByRole('button', { name: /^Remove .+ from / });
    const count = await removers.count();
    expect(count).toBeGreaterThan(1);
    const first = (await removers.first().getAttribute('aria-label'))!;
    const second = (await removers.nth(1).getAttribute('aria-label'))!;
    await removers.first().focus();
    await page.keyboard.press('Enter');
    await stage.getByRole('button', { name: first }).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(second);
    // Undo from the notice, by keyboard: the credential comes back and nothing was sent.
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await stage.getByRole('button', { name: first }).waitFor();
    expect(await until(async () => (await focused(page)) === first, 5_000)).toBe(true);

    const credits = stage.getByRole('spinbutton', { name: 'Minimum credits' });
    await credits.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await page.getByText(/^Requirement of .+ saved$/).waitFor(PAGE_LOAD);
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    expect(await focused(page)).toBe('Minimum credits');
    expect(await page.evaluate<boolean>(`document.querySelector('[data-testid="stage"]').contains(document.activeElement)`)).toBe(true);
  }, SCENARIO_TIMEOUT);

  it('resolves a comment by keyboard: focus goes into the form, back to Resolve on Escape or Cancel, and onto the resolution once saved', async () => {
    await openDesigner();
    const body = `Could stage 1 name the ticketing tool? (${Date.now()})`;
    await person.comment(body);
    const comment = page.getByTestId('discussion').getByTestId('comment').filter({ hasText: body });
    const resolve = comment.getByRole('button', { name: 'Resolve' });
    await resolve.focus();
    await page.keyboard.press('Enter');
    await comment.getByRole('combobox', { name: 'Resolution' }).waitFor();
    expect(await focused(page)).toBe('Done');
    expect(await page.evaluate<string | null>(`document.activeElement.getAttribute('aria-labelledby')`)).toMatch(/\S/);

    await page.keyboard.press('Escape');
    await resolve.waitFor();
    expect(await focused(page)).toBe('Resolve');

    await page.keyboard.press('Enter');
    await tabTo(page, 'Cancel');
    await page.keyboard.press('Enter');
    await resolve.waitFor();
    expect(await focused(page)).toBe('Resolve');

    await page.keyboard.press('Enter');
    await tabTo(page, 'Note');
    await page.keyboard.type('Named in the stage description.');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    const resolution = comment.getByText('Done: Named in the stage description.');
    await resolution.waitFor(PAGE_LOAD);
    expect(await until(async () => (await focused(page)) === 'Done: Named in the stage description.', 5_000)).toBe(true);
    const saved = await api.gql(`query($id: ID!) { pathway(id: $id) { comments { body resolution resolutionNote } } }`, { id: itSupportDraft });
    expect(saved.data!.pathway.comments).toContainEqual({ body, resolution: 'DONE', resolutionNote: 'Named in the stage description.' });
  }, SCENARIO_TIMEOUT);

  it('says a stage’s title and positions, never its ID, while it is moved by keyboard', async () => {
    await openDesigner();
    const titles = await stageTitles();
    const live = page.locator('[id^="DndLiveRegion"]');
    const announced = (text: string) => live.filter({ hasText: text }).waitFor();
    await person.stages.getByRole('button', { name: `Move stage ${titles[0]}` }).focus();
    await page.keyboard.press('Space');
    await announced(`Picked up stage ${titles[0]}, at position 1 of ${titles.length}.`);
    await page.keyboard.press('ArrowDown');
    await announced(`Stage ${titles[0]} would move to position 2 of ${titles.length}.`);
    await page.keyboard.press('Escape');
    await announced(`Moving stage ${titles[0]} was cancelled; it stays at position 1 of ${titles.length}.`);
    const ids = (await api.gql(`query($id: ID!) { pathway(id: $id) { stages { id } } }`, { id: itSupportDraft })).data!.pathway.stages.map((stage: { id: string }) => stage.id);
    const said = await live.innerText();
    expect(ids.filter((id: string) => said.includes(id))).toEqual([]);
    expect(await stageTitles()).toEqual(titles);
    expect(await focused(page)).toBe(`Move stage ${titles[0]}`);
    expect(pageErrors).toEqual([]);
  }, SCENARIO_TIMEOUT);
});
