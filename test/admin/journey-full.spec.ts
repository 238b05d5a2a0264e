import { Locator } from 'playwright-core';
import { TestApi } from '../support/api';
import { TestBrowser } from '../support/browser';
import { openConsoleOnDemoData, screenshotFromTop } from '../support/console';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

const SCENARIO_TIMEOUT = 240_000;
const TITLE = 'Help Desk Analyst Track';

/**
 * A pathway's whole life through the console and nothing else: college staff start it, the lead
 * employer co-designs it on a phone, the validating employer reviews it from their dashboard queue,
 * the lead employer endorses it, the college publishes it and gives block credit for it, an advisor
 * sees it open a route to a degree for a learner halfway through it, and an admin reads who did
 * what in the audit log. No step goes through the API, and no page logs an error.
 */
describe('a pathway from start to advising, all in the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let person: DesignerPage;
  let pathwayId = '';
  const pageErrors: string[] = [];
  const shot = (name: string) => screenshotFromTop(browser, name);

  /** Everything the save indicator says from now on, in order, until the page is left. */
  const watchSaveState = () =>
    person.page.evaluate(`(() => {
      window.__saveStates = [];
      const seen = () => {
        const text = document.querySelector('[data-testid="save-state"]')?.textContent ?? '';
        if (text && window.__saveStates[window.__saveStates.length - 1] !== text) window.__saveStates.push(text);
      };
      new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
  const saveStates = () => person.page.evaluate<string[]>('window.__saveStates');

  /** An undoable notice is sent when it closes: wait for that before leaving the page. */
  const noticeClosed = (text: string) => person.page.getByText(text).waitFor({ state: 'detached', timeout: 20_000 });

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    person = new DesignerPage(browser.page, `${api.url}/admin`);
    // Accounts are switched on /healthz, a plain API page for which Chromium asks /favicon.ico: no console page's error.
    const fromConsole = (url: string) => !url.endsWith(`${new URL(api.url).origin}/favicon.ico`);
    browser.page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    browser.page.on('console', (message) => {
      if (message.type() === 'error' && fromConsole(message.location().url)) pageErrors.push(`console: ${message.text()} at ${message.location().url}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('1. staff start the pathway with its partners and shape its stages, seeing each edit saved', async () => {
    await person.signInAs('staff@demo.test');
    await person.page.getByRole('menuitem', { name: 'Pathways' }).click();
    await person.page.getByRole('link', { name: 'Start a pathway' }).click();
    const form = person.page.getByRole('form', { name: 'Start a pathway' });
    await form.waitFor(PAGE_LOAD);
    await form.getByText('Lakeshore Community College').waitFor();
    await form.getByLabel('Occupation it leads to').fill('Computer User');
    await person.page.getByRole('option', { name: /^Computer User Support Specialists/ }).click();
    await form.getByLabel('Title').fill(TITLE);
    for (const [role, search, employer] of [['Lead', 'Brightline', 'Brightline IT Services'], ['Validator', 'Meridian', 'Meridian Data Networks']]) {
      await form.getByLabel('Role').click();
      await person.page.getByRole('option', { name: role }).click();
      await form.getByLabel('Employer', { exact: true }).fill(search);
      await person.page.getByRole('option', { name: new RegExp(`^${employer}`) }).click();
      await form.getByRole('button', { name: 'Add partner' }).click();
    }
    await form.getByRole('button', { name: 'Start pathway' }).click();
    await person.stages.waitFor(PAGE_LOAD);
    pathwayId = person.pathwayIdFromUrl();

    await watchSaveState();
    const newStage = person.stages.getByLabel('New stage');
    for (const title of ['Foundations', 'Scratch', 'On the desk']) {
      await newStage.fill(title);
      await newStage.press('Enter');
      await person.stage(title).waitFor();
    }
    const states = await saveStates();
    expect(states[0]).toBe('Saving…');
    expect(states).toContain('Saved');
    expect(states.indexOf('Saved')).toBeGreaterThan(0);
    await person.page.getByTestId('save-state').filter({ hasText: /^Saved$/ }).waitFor();

    // Removing a stage can be undone while its notice shows; left alone, it is removed.
    await person.stages.getByRole('button', { name: 'Remove stage Scratch' }).click();
    await person.stage('Scratch').waitFor({ state: 'detached' });
    await person.page.getByRole('button', { name: 'Undo' }).click();
    await person.stage('Scratch').waitFor();
    await person.stages.getByRole('button', { name: 'Remove stage Scratch' }).click();
    await person.stage('Scratch').waitFor({ state: 'detached' });
    await noticeClosed('Stage Scratch removed');
    await person.page.getByTestId('save-state').filter({ hasText: /^Saved$/ }).waitFor();
    await person.page.reload();
    await person.stages.waitFor(PAGE_LOAD);
    expect(await person.stages.getByTestId('stage').count()).toBe(2);

    await person.addCredential('Foundations', 'IT Support', 'IT Support Fundamentals');
    await person.addCredential('On the desk', 'Help Desk', 'Help Desk Practicum');
    expect(await person.errorNotices()).toEqual([]);
    await shot('journey-full-1-staff-designed');
  }, SCENARIO_TIMEOUT);

  it('2. the lead employer co-designs it on a 390×844 phone and submits it for review', async () => {
    await person.signInAs('employer@demo.test');
    await browser.page.setViewportSize({ width: 390, height: 844 });
    try {
      await person.open(pathwayId);
      await person.addCredential('Foundations', 'Network Basics', 'Network Basics');
      await person.comment('Network Basics first: our desk staff reset switches on day one.');
      await person.lifecycleButton('Submit for review').click();
      await person.status('In review');
      expect(await person.errorNotices()).toEqual([]);
      await shot('journey-full-2-employer-phone');
    } finally {
      await browser.page.setViewportSize({ width: 1440, height: 900 });
    }
  }, SCENARIO_TIMEOUT);

  it('3. the validator finds it in their dashboard queue and approves it', async () => {
    await person.signInAs('validator@demo.test');
    const queue = person.page.getByRole('region', { name: 'Waiting for your review' });
    await queue.waitFor(PAGE_LOAD);
    await queue.getByRole('link', { name: new RegExp(TITLE) }).click();
    await person.stages.waitFor(PAGE_LOAD);
    expect(await person.lifecycleButtons()).toEqual(['Approve', 'Request changes']);
    await person.lifecycleButton('Approve').click();
    await person.status('Approved');
    await shot('journey-full-3-approved');
  }, SCENARIO_TIMEOUT);

  it('4. the lead employer endorses it', async () => {
    await person.signInAs('employer@demo.test');
    await person.open(pathwayId);
    const endorsements = person.page.getByRole('region', { name: 'Endorsements' });
    await endorsements.getByRole('button', { name: 'Endorse' }).click();
    const statement = 'We will interview every completer for our help desk openings.';
    await endorsements.getByLabel('Endorsement statement').fill(statement);
    await endorsements.getByLabel('Commitment').click();
    await person.page.getByRole('option', { name: 'Interview guarantee' }).click();
    await endorsements.getByLabel('Job title').fill('Director of Field Services');
    await endorsements.getByRole('button', { name: 'Sign endorsement' }).click();
    await endorsements.getByTestId('endorsement').filter({ hasText: statement }).waitFor();
  }, SCENARIO_TIMEOUT);

  it('5. the college publishes it', async () => {
    await person.signInAs('staff@demo.test');
    await person.open(pathwayId);
    await person.page.getByText('Ready to publish').waitFor();
    await person.lifecycleButton('Publish').click();
    await person.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await person.status('Published');
    await person.page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await person.errorNotices()).toEqual([]);
    await shot('journey-full-5-published');
  }, SCENARIO_TIMEOUT);

  /** Priya Nair (demo data) holds IT Support Fundamentals and Network Basics: the new pathway's first stage. */
  const openPriyasRoute = async () => {
    await person.page.getByRole('menuitem', { name: 'Advising' }).click();
    await person.page.getByLabel('Learner').fill('Nair');
    await person.page.getByRole('option', { name: /Priya Nair/ }).click();
    const route = person.page.getByRole('region', { name: 'AAS Information Technology' });
    await route.getByRole('table', { name: 'Credit toward AAS Information Technology' }).locator('tbody tr').first().waitFor(PAGE_LOAD);
    return route;
  };
  const routeSources = async (route: Locator) => route.locator('tbody tr td:first-child').allInnerTexts();

  it('6. an advisor finds it among the published pathways; a learner halfway through it has no route through it yet', async () => {
    await person.signInAs('advisor@demo.test');
    await person.openFromList(TITLE);
    await person.status('Published');
    expect(await person.stages.getByTestId('stage').count()).toBe(2);
    await person.stage('Foundations').getByText('Network Basics', { exact: true }).waitFor();
    expect(await person.lifecycleButtons()).toEqual([]);
    await shot('journey-full-6-advisor');

    const route = await openPriyasRoute();
    const sources = await routeSources(route);
    expect(sources).toContain('Block credit: IT Support pathway');
    expect(sources).not.toContain(`Block credit: ${TITLE} pathway`);
  }, SCENARIO_TIMEOUT);

  it('7. the college gives block credit toward its degree for completing the new pathway', async () => {
    await person.signInAs('staff@demo.test');
    await person.page.getByRole('menuitem', { name: 'Articulation agreements' }).click();
    await person.page.getByRole('link', { name: 'Create' }).click();
    const form = person.page.locator('form').filter({ has: person.page.getByLabel('Block credit for completing') });
    await form.getByLabel('Title').waitFor(PAGE_LOAD);
    await form.getByLabel('Title').fill(`${TITLE} into the AAS Information Technology`);
    await form.getByLabel('Degree program').fill('AAS Information');
    await person.page.getByRole('option', { name: /^AAS Information Technology/ }).click();
    await form.getByLabel('Issuer (institution)').fill('Lakeshore');
    await person.page.getByRole('option', { name: /^Lakeshore Community College/ }).click();
    await form.getByLabel('Status').click();
    await person.page.getByRole('option', { name: 'Active' }).click();
    await form.getByLabel('Effective from').fill('2026-01-01');
    await form.getByLabel('Block credit for completing').fill('Help Desk');
    await person.page.getByRole('option', { name: `${TITLE} v1` }).click();
    await form.getByLabel('Block credits').fill('3');
    await person.page.getByRole('button', { name: 'Save' }).click();
    await person.page.getByText(`3 for completing ${TITLE}`).waitFor(PAGE_LOAD);
    expect(await person.errorNotices()).toEqual([]);
  }, SCENARIO_TIMEOUT);

  it('8. the advisor now sees that learner\'s route through the new pathway, and what finishes it', async () => {
    await person.signInAs('advisor@demo.test');
    const route = await openPriyasRoute();
    const block = route.locator('tbody tr').filter({ hasText: `Block credit: ${TITLE} pathway` });
    await block.waitFor();
    expect(await block.innerText()).toMatch(/0\s+Stage 2 \(Help Desk Practicum\) not satisfied$/);
    expect(await route.getByText('Missing for block credit').locator('xpath=..').innerText()).toContain('Help Desk Practicum');
    // Help Desk Practicum: 3 mapped credits, 2 for the IT Support pathway and now 3 for completing the new one.
    expect(await route.getByRole('list', { name: 'Next steps' }).locator('li').first().innerText()).toMatch(/^Help Desk Practicum: \+8 credits/);
    await shot('journey-full-8-advisor-route');
  }, SCENARIO_TIMEOUT);

  it('9. an admin reads in the audit log who did what to it, and follows the link to it', async () => {
    await person.signInAs('admin@demo.test');
    await person.page.getByRole('menuitem', { name: 'Audit log' }).click();
    await person.page.getByLabel('Who (name or email)').fill('Erin');
    const rows = person.page.locator('tbody tr');
    /** The rows once every one passes `each` (a list refreshes a moment after its filter changes). */
    const rowsWhere = async (each: (text: string) => boolean) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const texts = await rows.allInnerTexts();
        if (texts.length > 0 && texts.every(each)) return texts;
        await person.page.waitForTimeout(200);
      }
      return rows.allInnerTexts();
    };
    const erins = await rowsWhere((text) => text.includes('Erin Employer'));
    expect(erins.length).toBeGreaterThan(0);
    expect(erins.every((text) => text.includes('Erin Employer') && text.includes('Brightline IT Services'))).toBe(true);
    expect(erins.some((text) => text.includes('Endorsement'))).toBe(true);
    await person.page.getByLabel('Record type').click();
    await person.page.getByRole('option', { name: 'Stage credential' }).click();
    const added = await rowsWhere((text) => text.includes('Stage credential'));
    expect(added.every((text) => text.includes('Stage credential') && text.includes('Erin Employer'))).toBe(true);
    await shot('journey-full-7-audit-log');

    await person.page.getByLabel('Record type').click();
    await person.page.getByRole('option', { name: 'Pathway', exact: true }).click();
    await person.page.getByLabel('Who (name or email)').fill('Sam');
    await rowsWhere((text) => text.includes('Sam Staff') && text.includes('Pathway:'));
    await person.page.getByRole('link', { name: `Pathway: ${TITLE}` }).first().click();
    await person.stages.waitFor(PAGE_LOAD);
    expect(person.pathwayIdFromUrl()).toBe(pathwayId);
  }, SCENARIO_TIMEOUT);

  it('logged no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
