import { TestApi } from '../support/api';
import { TestBrowser } from '../support/browser';
import { openConsoleOnDemoData, screenshotFromTop } from '../support/console';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

const SCENARIO_TIMEOUT = 240_000;
const TITLE = 'Help Desk Analyst Track';

/**
 * A pathway's whole life through the console and nothing else: college staff start it, the lead
 * employer co-designs it on a phone, the validating employer reviews it from their dashboard queue,
 * the lead employer endorses it, the college publishes it, an advisor finds it, and an admin reads
 * who did what in the audit log. No step goes through the API, and no page logs an error.
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

  it('6. an advisor finds the new route among the published pathways and opens it', async () => {
    await person.signInAs('advisor@demo.test');
    await person.openFromList(TITLE);
    await person.status('Published');
    expect(await person.stages.getByTestId('stage').count()).toBe(2);
    await person.stage('Foundations').getByText('Network Basics', { exact: true }).waitFor();
    expect(await person.lifecycleButtons()).toEqual([]);
    await shot('journey-full-6-advisor');
  }, SCENARIO_TIMEOUT);

  it('7. an admin reads in the audit log who did what to it, and follows the link to it', async () => {
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
