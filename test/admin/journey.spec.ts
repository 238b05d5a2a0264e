import fs from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '../../api/src/seed/demo';
import { startTestApi, TestApi } from '../support/api';
import { launchBrowser, TestBrowser } from '../support/browser';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist/index.html');
const SCENARIO_TIMEOUT = 240_000;

const STAGES = `query($id: ID!) { pathway(id: $id) { title status revision destinations { title } partners { role employer { name } } stages { title position requirement requiredCount } } }`;

/**
 * Starting a pathway and shaping its stages in the console, by mouse and by keyboard, at desktop
 * and phone widths, with two people at once; every step through the screens, none through the API.
 */
describe('starting and shaping a pathway in the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let staff: DesignerPage;
  let pageErrors: string[];
  let started = '';

  const design = async (id: string) => {
    const result = await api.gql(STAGES, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.pathway;
  };
  /** What sticks out past the right edge of the window, deepest first: nothing when the page fits. */
  const widerThanWindow = async (page: DesignerPage['page']) =>
    page.evaluate<string[]>(`(() => {
      if (document.documentElement.scrollWidth <= window.innerWidth) return [];
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      return wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 8)
        .map((el) => Math.round(el.getBoundingClientRect().width) + ' ' + [...el.children].map((c) => Math.round(c.getBoundingClientRect().width)).join(',') + ' ' + el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : '') + '.' + [...el.classList].slice(0, 2).join('.') + ' ' + (el.textContent || '').slice(0, 40));
    })()`);

  beforeAll(async () => {
    if (!fs.existsSync(ADMIN_DIST)) throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
    api = await startTestApi();
    await seedDemoData(api.db);
    browser = await launchBrowser();
    pageErrors = [];
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
    // Sessions are switched on /healthz, a plain API page for which Chromium asks /favicon.ico: that is no console page's error.
    const consoleError = (url: string) => !url.endsWith(`${new URL(api.url).origin}/favicon.ico`);
    browser.page.on('console', (message) => message.type() === 'error' && consoleError(message.location().url) && pageErrors.push(`${message.text()} at ${message.location().url}`));
    browser.page.on('response', (response) => response.status() >= 400 && consoleError(response.url()) && pageErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`));
    staff = new DesignerPage(browser.page, `${api.url}/admin`);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('staff start a pathway from the list with partners whose roles are chosen first, and land in its designer', async () => {
    await staff.signInAs('staff@demo.test');
    await staff.page.getByRole('menuitem', { name: 'Pathways' }).click();
    await staff.page.getByRole('link', { name: 'Start a pathway' }).click();
    const form = staff.page.getByRole('form', { name: 'Start a pathway' });
    await form.waitFor(PAGE_LOAD);
    await form.getByText('Lakeshore Community College').waitFor();

    await form.getByLabel('Occupation it leads to').fill('Pharmacy');
    await staff.page.getByRole('option', { name: /^Pharmacy Technicians/ }).click();
    await form.getByLabel('Title').fill('Pharmacy Technician Fast Track');

    // The role first; picking the employer adds no one until "Add partner".
    await form.getByLabel('Role').click();
    await staff.page.getByRole('option', { name: 'Validator' }).click();
    await form.getByLabel('Employer', { exact: true }).fill('Northcoast');
    await staff.page.getByRole('option', { name: /^Northcoast Health System/ }).click();
    expect(await form.getByRole('list', { name: 'Partners to invite' }).getByRole('listitem').count()).toBe(0);
    await form.getByRole('button', { name: 'Add partner' }).click();
    await form.getByLabel('Role').click();
    await staff.page.getByRole('option', { name: 'Lead' }).click();
    await form.getByLabel('Employer', { exact: true }).fill('Cuyahoga');
    await staff.page.getByRole('option', { name: /^Cuyahoga Family Clinics/ }).click();
    await form.getByRole('button', { name: 'Add partner' }).click();
    expect(await form.getByRole('list', { name: 'Partners to invite' }).getByRole('listitem').allTextContents()).toEqual([
      'Northcoast Health System as validator', 'Cuyahoga Family Clinics as lead',
    ]);
    await browser.screenshot('journey-1-start-a-pathway');

    await form.getByRole('button', { name: 'Start pathway' }).click();
    await staff.stages.waitFor(PAGE_LOAD);
    started = staff.pathwayIdFromUrl();
    const saved = await design(started);
    expect(saved).toMatchObject({ title: 'Pharmacy Technician Fast Track', status: 'DRAFT', destinations: [{ title: 'Pharmacy Technicians' }] });
    expect(saved.partners).toEqual(expect.arrayContaining([
      { role: 'VALIDATOR', employer: { name: 'Northcoast Health System' } },
      { role: 'LEAD', employer: { name: 'Cuyahoga Family Clinics' } },
    ]));
  }, SCENARIO_TIMEOUT);

  it('adds stages by Enter, renumbers them when a middle one is removed, and adds after the last one again', async () => {
    await staff.open(started);
    const newStage = staff.stages.getByLabel('New stage');
    for (const title of ['Foundations', 'Calculations', 'Dispensing']) {
      await newStage.fill(title);
      await newStage.press('Enter');
      await staff.stage(title).waitFor();
    }
    await staff.stages.getByRole('button', { name: 'Remove stage Calculations' }).click();
    await staff.stage('Calculations').waitFor({ state: 'detached' });
    // The removal is sent when its notice closes without Undo; the notice may wait behind the
    // "Stage added" toasts before it shows.
    const notice = staff.page.getByText('Stage Calculations removed');
    await notice.waitFor({ timeout: 20_000 });
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await staff.page.getByTestId('save-state').filter({ hasText: /^Saved$/ }).waitFor();
    await newStage.fill('Practicum');
    await newStage.press('Enter');
    await staff.stage('Practicum').waitFor();
    const labels = [];
    for (const card of await staff.stages.getByTestId('stage').all()) labels.push(await card.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Stage 1: Foundations', 'Stage 2: Dispensing', 'Stage 3: Practicum',
    ]);
    expect((await design(started)).stages.map((stage: { title: string; position: number }) => [stage.position, stage.title])).toEqual([
      [1, 'Foundations'], [2, 'Dispensing'], [3, 'Practicum'],
    ]);
    expect(await staff.errorNotices()).toEqual([]);
  }, SCENARIO_TIMEOUT);

  it('announces a keyboard move of a stage by its title and position, never its ID', async () => {
    await staff.open(started);
    const handle = staff.page.getByRole('button', { name: 'Move stage Practicum', exact: true });
    await handle.focus();
    await staff.page.keyboard.press('Space');
    // The live region is visually hidden: what a screen reader hears is its text.
    const live = staff.page.locator('[id^="DndLiveRegion"]');
    const announced = async (text: string) => {
      for (let tries = 0; tries < 100 && !((await live.textContent()) ?? '').includes(text); tries += 1) await staff.page.waitForTimeout(100);
      expect(await live.textContent()).toContain(text);
    };
    await announced('Picked up stage Practicum, at position 3 of 3.');
    await staff.page.keyboard.press('ArrowUp');
    await announced('Stage Practicum would move to position 2 of 3.');
    await staff.page.keyboard.press('Space');
    await announced('Stage Practicum dropped at position 2 of 3.');
    expect(await live.textContent()).not.toMatch(/UGF0aHdheV|PathwayStage/);
    await staff.page.getByText('Stages reordered').waitFor();
    expect((await design(started)).stages.map((stage: { title: string }) => stage.title)).toEqual(['Foundations', 'Practicum', 'Dispensing']);
  }, SCENARIO_TIMEOUT);

  it('checks "at least N" against the stage\'s credentials in the field and saves a valid requirement by itself', async () => {
    await staff.open(started);
    await staff.addCredential('Foundations', 'Pharmacy', 'Pharmacy Calculations');
    const stage = staff.stage('Foundations');
    await stage.getByLabel('Requirement').click();
    await staff.page.getByRole('option', { name: 'At least N of them' }).click();
    await stage.getByLabel('N', { exact: true }).fill('3');
    await stage.getByText('This stage has 1 credential: N can be 1 to 1').waitFor();
    await staff.page.waitForTimeout(1500);
    expect((await design(started)).stages[0]).toMatchObject({ requirement: 'ALL', requiredCount: null });
    await stage.getByLabel('N', { exact: true }).fill('1');
    await stage.getByTestId('stage-requirement').filter({ hasText: 'At least 1 of 1' }).waitFor();
    expect((await design(started)).stages[0]).toMatchObject({ requirement: 'AT_LEAST', requiredCount: 1 });
    expect(await stage.getByRole('button', { name: 'Save requirement' }).count()).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('two tabs on one pathway: the second save says "changed by someone else: reload" and the first one\'s work is kept', async () => {
    const colleague = await launchBrowser();
    try {
      const other = new DesignerPage(colleague.page, `${api.url}/admin`);
      await other.signInAs('staff@demo.test');
      await staff.open(started);
      await other.open(started);

      const first = other.stages.getByLabel('New stage');
      await first.fill('Externship');
      await first.press('Enter');
      await other.stage('Externship').waitFor();

      const second = staff.stages.getByLabel('New stage');
      await second.fill('Capstone');
      await second.press('Enter');
      await staff.page.getByText('Someone else changed this pathway: reload').waitFor();
      expect(await second.inputValue()).toBe('Capstone');
      expect((await design(started)).stages.map((stage: { title: string }) => stage.title)).toEqual(['Foundations', 'Practicum', 'Dispensing', 'Externship']);
      await browser.screenshot('journey-5-conflict');

      await staff.page.getByRole('button', { name: 'Reload' }).click();
      await staff.stage('Externship').waitFor();
      await second.press('Enter');
      await staff.stage('Capstone').waitFor();
      expect((await design(started)).stages.map((stage: { title: string; position: number }) => [stage.position, stage.title])).toEqual([
        [1, 'Foundations'], [2, 'Practicum'], [3, 'Dispensing'], [4, 'Externship'], [5, 'Capstone'],
      ]);
    } finally {
      await colleague.close();
    }
  }, SCENARIO_TIMEOUT);

  it('an open change request holds back submitting, and the disabled button says why', async () => {
    await staff.openFromList('Pharmacy Technician');
    await staff.page.getByTestId('pathway-status').filter({ hasText: 'Changes requested' }).waitFor();
    expect(await staff.lifecycleButton('Submit for review').isDisabled()).toBe(true);
    expect(await staff.page.getByTestId('lifecycle-blocked').textContent()).toContain('Resolve the open change request');
    const discussion = staff.page.getByRole('region', { name: 'Discussion' });
    await discussion.getByRole('button', { name: 'Resolve' }).first().click();
    await discussion.getByRole('button', { name: 'Save' }).click();
    await staff.page.getByTestId('lifecycle-blocked').waitFor({ state: 'detached' });
    expect(await staff.lifecycleButton('Submit for review').isDisabled()).toBe(false);
  }, SCENARIO_TIMEOUT);

  it('a validator finds the version waiting for their review on the dashboard, with its due date, and opens it to approve', async () => {
    await staff.signInAs('validator@demo.test');
    const queue = staff.page.getByRole('region', { name: 'Waiting for your review' });
    await queue.waitFor(PAGE_LOAD);
    const items = await queue.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Cybersecurity Analyst Foundations v1Lakeshore Community College · due .*2026/);
    await browser.screenshot('journey-6-review-queue');
    await queue.getByRole('link', { name: /Cybersecurity Analyst Foundations/ }).click();
    await staff.stages.waitFor(PAGE_LOAD);
    expect(await staff.lifecycleButtons()).toEqual(['Approve', 'Request changes']);
    await staff.signInAs('staff@demo.test');
    expect(await staff.page.getByRole('region', { name: 'Waiting for your review' }).count()).toBe(0);
  }, SCENARIO_TIMEOUT);

  it('fits a 390×844 phone: the start page and the designer scroll only down', async () => {
    await browser.page.setViewportSize({ width: 390, height: 844 });
    try {
      await staff.page.goto(`${api.url}/admin/pathways/create`);
      await staff.page.getByRole('form', { name: 'Start a pathway' }).waitFor(PAGE_LOAD);
      expect(await widerThanWindow(staff.page)).toEqual([]);
      await browser.screenshot('journey-7-start-phone');
      await staff.open(started);
      expect(await widerThanWindow(staff.page)).toEqual([]);
      await browser.screenshot('journey-7-designer-phone');
    } finally {
      await browser.page.setViewportSize({ width: 1440, height: 900 });
    }
  }, SCENARIO_TIMEOUT);

  it('logged no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
