import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { repoRoot } from '../../api/src/core/config';
import { seedDemoData } from '../../api/src/seed/demo';
import { RunningServer, startServer } from '../../api/src/server';
import { launchBrowser, TestBrowser } from '../support/browser';
import { createTestDatabase, TestDatabase } from '../support/db';

const script = path.join(repoRoot, 'embed', 'dist', 'pathway-finder.js');

/** A college's page on another origin, with CSS of its own that must not reach into the finder. */
function foreignPage(apiUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Westfield College</title>
  <style>body { margin: 0; font-family: serif; } h2, h3 { color: rgb(255, 0, 0) !important; font-size: 40px; } input { background: black; }</style>
  <script src="${apiUrl}/embed/pathway-finder.js"></script></head>
  <body><h1>Westfield College</h1><pathway-finder occupation="51-4041"></pathway-finder></body></html>`;
}

describe('the embeddable pathway finder in Chromium, inside a page on another origin', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let college: http.Server;
  let collegeUrl: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    if (!fs.existsSync(script)) throw new Error('Build the finder first: npm run build:embed');
    database = await createTestDatabase();
    await seedDemoData(database.db);
    server = await startServer(database.db, 0, { rateLimits: { pointsPerAddress: 0, pointsPerViewer: 0, keyPrefix: `test:${randomUUID()}`, redis: null } });
    // The API on 127.0.0.1 and the college on localhost: two origins, so every read is cross-origin.
    const page = foreignPage(`http://127.0.0.1:${server.port}`);
    college = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => college.listen(0, resolve));
    collegeUrl = `http://localhost:${(college.address() as { port: number }).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    college?.close();
    await server?.stop();
    await database?.drop();
  });

  it('is small: under 30 kB gzipped, served compressed by the API', async () => {
    const gzipped = zlib.gzipSync(fs.readFileSync(script), { level: 9 }).length;
    expect(gzipped).toBeLessThan(30_000);
    const served = await fetch(`http://127.0.0.1:${server.port}/embed/pathway-finder.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/javascript/);
    const demo = await fetch(`http://127.0.0.1:${server.port}/embed/`);
    expect(await demo.text()).toContain('<pathway-finder');
  });

  it.each([
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ])('shows published pathways with wages, stages, credit and partners, searchable and filterable (%s)', async (name, width, height) => {
    const { page } = browser;
    await page.setViewportSize({ width, height });
    const reads: { url: string; method: string; cacheControl?: string }[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/graphql')) reads.push({ url: response.url(), method: response.request().method(), cacheControl: response.headers()['cache-control'] });
    });
    await page.goto(collegeUrl);

    const finder = page.locator('pathway-finder');
    const search = finder.getByLabel('Occupation or keyword');
    await expect(search.inputValue()).resolves.toBe('51-4041');
    const cards = finder.locator('article');
    await cards.first().waitFor();
    const first = cards.first();
    await expect(first.textContent()).resolves.toMatch(/SOC 51-4041/);
    await expect(first.textContent()).resolves.toMatch(/median \$[\d,]+ a year/);
    await expect(first.textContent()).resolves.toMatch(/\d+(\.\d+)? credits · \d+(\.\d+)? hours/);
    expect(await finder.locator('h4', { hasText: 'Employer partners' }).count()).toBeGreaterThan(0);

    // Only persisted GETs, public, so a CDN can serve them.
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((read) => read.method === 'GET' && read.url.includes('sha256Hash'))).toBe(true);
    expect(reads.at(-1)?.cacheControl).toMatch(/^public, max-age=\d+/);

    // The host page's CSS stays outside the shadow root.
    const headingColour = await page.evaluate(`getComputedStyle(document.querySelector('pathway-finder').shadowRoot.querySelector('h2')).color`);
    expect(headingColour).not.toBe('rgb(255, 0, 0)');
    // Nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // Keyboard: type a keyword, then pick a delivery mode.
    await search.focus();
    await search.fill('');
    await page.keyboard.type('zzzz-no-such-pathway');
    await expect(finder.locator('.count').textContent()).resolves.toBe('0 pathways');
    await search.fill('');
    const all = await cards.count();
    expect(all).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(`document.querySelector('pathway-finder').shadowRoot.activeElement.tagName`)).resolves.toBe('SELECT');
    await finder.getByLabel('Delivery').selectOption('ONLINE');
    const online = await cards.count();
    expect(online).toBeLessThanOrEqual(all);
    await finder.getByLabel('Delivery').selectOption('');
    await search.fill('51-4041');
    await cards.first().waitFor();
    await browser.screenshot(`pathway-finder-${name}`);
    fs.mkdirSync(path.join(repoRoot, 'embed', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'embed', 'screenshots', `pathway-finder-${width}.png`), animations: 'disabled' });
  });
});
