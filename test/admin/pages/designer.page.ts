import { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../api/src/seed/accounts';
import { tableRows } from '../../support/browser';

/**
 * A full page load parses the whole console bundle; on a machine busy with other test workers
 * that alone can take longer than the browser's default wait for one element.
 */
export const PAGE_LOAD = { timeout: 45_000 };

/** The console seen by one signed-in person: sign-in, the pathway list and the designer of one version. */
export class DesignerPage {
  /** The stored session of each account signed in before, so switching back needs no second sign-in (argon2 is slow on a busy machine). */
  /** Each signed-in account's console state: what it keeps in localStorage and its httpOnly session cookie. */
  private readonly sessions = new Map<string, { storage: string; cookies: Awaited<ReturnType<BrowserContext['cookies']>> }>();

  constructor(
    readonly page: Page,
    private readonly consoleUrl: string,
  ) {}

  /**
   * Ends whatever session the browser had and signs in as the given demo account: on the sign-in
   * page the first time, by restoring that account's session after.
   */
  async signInAs(email: string): Promise<void> {
    // The session is cleared and restored on a page of the same origin that runs no console: a
    // console still loading would send its queries without a token meanwhile, and its late 401s
    // would end the session just restored.
    await this.page.goto(`${new URL(this.consoleUrl).origin}/healthz`);
    await this.page.evaluate('localStorage.clear()');
    await this.page.context().clearCookies();
    const saved = this.sessions.get(email);
    if (saved) {
      await this.page.evaluate(`Object.entries(${saved.storage}).forEach(([key, value]) => localStorage.setItem(key, value))`);
      await this.page.context().addCookies(saved.cookies);
      await this.page.goto(this.consoleUrl);
    } else {
      await this.page.goto(`${this.consoleUrl}/login`);
      await this.page.getByLabel('Email').fill(email);
      await this.page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await this.page.getByRole('button', { name: 'Sign in' }).click();
    }
    await this.page.getByRole('menuitem').first().waitFor(PAGE_LOAD);
    if (!saved) {
      this.sessions.set(email, { storage: await this.page.evaluate<string>('JSON.stringify(Object.assign({}, localStorage))'), cookies: await this.page.context().cookies() });
    }
  }

  /** Finds the pathway in the list by its title and opens its designer. */
  async openFromList(title: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'Pathways' }).click();
    await this.page.getByPlaceholder('Search by title').fill(title);
    // A row clicked while the list is still refreshing for the search goes nowhere.
    await tableRows(this.page, [title]);
    await this.page.locator('tbody tr').filter({ hasText: title }).first().click();
    await this.designerShown();
  }

  private async designerShown(): Promise<void> {
    await this.stages.waitFor(PAGE_LOAD).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page at ${this.page.url()} showed: ${(await this.page.locator('body').innerText()).slice(0, 600)}`);
    });
  }

  async open(pathwayId: string): Promise<void> {
    await this.page.goto(`${this.consoleUrl}/pathways/${encodeURIComponent(pathwayId)}/show`);
    await this.designerShown();
  }

  get stages(): Locator {
    return this.page.getByRole('region', { name: 'Stages' });
  }

  stage(title: string): Locator {
    return this.stages.getByTestId('stage').filter({ hasText: title });
  }

  /** "4 of 6 covered" as the two numbers, once it shows `expected` (or whatever it shows when the wait ends). */
  async coverage(expected?: string): Promise<{ covered: number; core: number }> {
    const summary = this.page.getByTestId('coverage-summary');
    if (expected) await summary.filter({ hasText: expected }).waitFor();
    const text = (await summary.textContent()) ?? '';
    const match = /(\d+) of (\d+) covered/.exec(text);
    if (!match) throw new Error(`No coverage figures in "${text}"`);
    return { covered: Number(match[1]), core: Number(match[2]) };
  }

  async addCredential(stageTitle: string, search: string, credentialTitle: string): Promise<void> {
    const box = this.page.getByLabel(`Add a credential to ${stageTitle}`);
    await box.fill(search);
    await this.page.getByRole('option', { name: new RegExp(`^${credentialTitle}`) }).click();
    await this.stage(stageTitle).getByText(credentialTitle, { exact: true }).waitFor(PAGE_LOAD);
  }

  async comment(body: string): Promise<void> {
    const discussion = this.page.getByRole('region', { name: 'Discussion' });
    await discussion.getByLabel('Your comment').fill(body);
    await discussion.getByRole('button', { name: 'Post comment' }).click();
    await discussion.getByTestId('comment').filter({ hasText: body }).waitFor();
  }

  lifecycleButton(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Names of the lifecycle buttons shown in the header. */
  async lifecycleButtons(): Promise<string[]> {
    const group = this.page.getByLabel('Lifecycle');
    if ((await group.count()) === 0) return [];
    return group.getByRole('button').allTextContents();
  }

  async status(expected: string): Promise<void> {
    await this.page.getByTestId('pathway-status').filter({ hasText: expected }).waitFor();
  }

  async readiness(): Promise<{ name: string; passed: boolean }[]> {
    const checks = this.page.getByTestId('readiness-check');
    const result = [];
    for (const check of await checks.all()) {
      result.push({ name: (await check.locator('p').first().textContent()) ?? '', passed: (await check.getAttribute('data-passed')) === 'true' });
    }
    return result;
  }

  /** An error notification means the console asked the API for something it refused. */
  async errorNotices(): Promise<string[]> {
    return this.page.locator('.MuiSnackbarContent-root.error, .RaNotification-error, .MuiAlert-filledError').allTextContents();
  }

  pathwayIdFromUrl(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/')[3]);
  }
}
