import fs from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '../../api/src/seed/demo';
import { startTestApi, TestApi } from './api';
import { launchBrowser, TestBrowser } from './browser';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist/index.html');

/** A real server on a fresh database with the demo data, and a headless browser for its console. */
export async function openConsoleOnDemoData(): Promise<{ api: TestApi; browser: TestBrowser }> {
  if (!fs.existsSync(ADMIN_DIST)) {
    throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
  }
  const api = await startTestApi();
  await seedDemoData(api.db);
  return { api, browser: await launchBrowser() };
}

/** A screenshot from the top of the page with nothing focused, so the app bar sits where people see it. */
export async function screenshotFromTop(browser: TestBrowser, name: string): Promise<void> {
  await browser.page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
  await browser.screenshot(name);
}
