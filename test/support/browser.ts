import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium package: CI installs it with apt-get, as test/support/ensure-chromium.sh does. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const SCREENSHOTS = path.join(__dirname, '..', 'artifacts', 'screenshots');

export interface TestBrowser {
  page: Page;
  /** Saves the page as test/artifacts/screenshots/<name>.png, for people to look at. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Signs in on the console's sign-in page and waits for the menu. */
export async function signIn(page: Page, consoleUrl: string, email: string, password: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem').first().waitFor();
}

/**
 * The first cell of each row of the page's table, once they are `expected` (or whatever they are
 * when `timeout` runs out): lists refresh a moment after a search or a page change.
 */
export async function tableRows(page: Page, expected: readonly string[], timeout = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    if (JSON.stringify(names) === JSON.stringify(expected) || Date.now() > deadline) return names;
    await page.waitForTimeout(100);
  }
}

/** Headless chromium with a fresh profile, so no earlier run's storage or cache leaks in. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or run test/support/ensure-chromium.sh as root).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // Far below jest's limit, so a missing element fails the step that waited for it, with its locator.
  page.setDefaultTimeout(15_000);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    async screenshot(name) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
