// Pictures of the console for admin/README.md: the dashboard, the pathway designer and the
// advising page, each as the person who uses it sees it on a desk (1440×900) and on a phone
// (390×844), from the API with the demo data (see demo-server.mjs). `npm run screenshots` writes
// them to admin/docs/screenshots/<page>-<width>.png (CONSOLE_URL to use a running server).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, startDemoServer } from './demo-server.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
/** Long pages are cut at this many screens: enough to show what the page is for. */
const SCREENS = 2;
/** DOMAIN.md's worked example is evaluated on this date. */
const AS_OF = '2026-11-22';

const PAGES = [
  {
    name: 'dashboard',
    account: 'staff@demo.test',
    open: async (page) => page.getByRole('table').first().waitFor(),
  },
  {
    name: 'designer',
    account: 'employer@demo.test',
    open: async (page, url) => {
      const pathwayId = await graphql(page, '{ pathways(first: 1, filter: { search: "IT Support" }) { nodes { id } } }', (data) => data.pathways.nodes[0].id);
      await page.goto(`${url}/admin/pathways/${encodeURIComponent(pathwayId)}/show`);
      await page.getByRole('region', { name: 'Stages' }).waitFor();
    },
  },
  {
    name: 'advising',
    account: 'advisor@demo.test',
    open: async (page, url) => {
      const learnerId = await graphql(page, '{ learners(filter: { search: "Morales" }) { nodes { id } } }', (data) => data.learners.nodes[0].id);
      await page.goto(`${url}/admin/advising?learner=${encodeURIComponent(learnerId)}&asOf=${AS_OF}`);
      await page.getByRole('region', { name: 'AAS Information Technology' }).getByRole('table').waitFor();
    },
  },
];

/** A query as the signed-in person, through the console's session cookie. */
async function graphql(page, query, pick) {
  const data = await page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie' }, body });
    return (await response.json()).data;
  }, JSON.stringify({ query }));
  return pick(data);
}

const server = await startDemoServer('screenshots');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  fs.mkdirSync(OUT, { recursive: true });
  for (const viewport of VIEWPORTS) {
    for (const shown of PAGES) {
      // A context per picture: the page opens at its width, as it would on that device.
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${server.url}/admin/login`);
      await page.getByLabel('Email').fill(shown.account);
      await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('definition').first().waitFor();
      await shown.open(page, server.url);
      // Charts and other late parts come after the first paint.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), viewport.height * SCREENS);
      // The window is made as tall as the picture, so that fixed parts (the sidebar) reach its foot
      // as they do while someone scrolls, rather than stopping after the first screen.
      await page.setViewportSize({ width: viewport.width, height });
      await page.waitForTimeout(500);
      const file = path.join(OUT, `${shown.name}-${viewport.width}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      console.log(`${path.relative(process.cwd(), file)}: ${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
