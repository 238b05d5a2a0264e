// Lighthouse's mobile profile (simulated slow 4G and a 4× slower CPU) against the built console:
// the sign-in page, the dashboard and the designer of the IT Support pathway, signed in as college
// staff. Prints the performance and accessibility scores and what Lighthouse says costs the most.
// `npm run lighthouse` (LIGHTHOUSE_RUNS=3 for the median of three runs; LIGHTHOUSE_REPORTS for
// another reports folder; CONSOLE_URL to audit a running server instead of starting one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, startDemoServer } from './demo-server.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 1);
const REPORTS = process.env.LIGHTHOUSE_REPORTS || path.join(os.tmpdir(), 'pathforge-lighthouse');

async function signIn(port, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${url}/admin/login`);
  await page.getByLabel('Email').fill('staff@demo.test');
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem').first().waitFor({ timeout: 60_000 });
  const pathwayId = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pathforge-session': 'cookie' },
      body: JSON.stringify({ query: '{ pathways(first: 1, filter: { search: "IT Support" }) { nodes { id } } }' }),
    });
    return (await response.json()).data.pathways.nodes[0].id;
  });
  await page.close();
  await browser.close();
  return pathwayId;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function audit(port, name, url) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await lighthouse(url, { port, output: ['html', 'json'], logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    fs.mkdirSync(REPORTS, { recursive: true });
    fs.writeFileSync(path.join(REPORTS, `${name}-${run + 1}.html`), result.report[0]);
    fs.writeFileSync(path.join(REPORTS, `${name}-${run + 1}.json`), result.report[1]);
    runs.push(result.lhr);
  }
  const performance = median(runs.map((lhr) => Math.round(lhr.categories.performance.score * 100)));
  const lhr = runs.find((candidate) => Math.round(candidate.categories.performance.score * 100) === performance);
  const metric = (id) => lhr.audits[id]?.displayValue ?? '';
  const costs = Object.values(lhr.audits)
    .filter((entry) => entry.score !== null && entry.score < 0.9 && (entry.details?.overallSavingsMs > 0 || entry.metricSavings?.LCP > 0 || entry.metricSavings?.TBT > 0))
    .map((entry) => entry.title);
  const failing = lhr.categories.accessibility.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score === 0).map((ref) => ref.id);
  return {
    page: name,
    performance,
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    FCP: metric('first-contentful-paint'),
    LCP: metric('largest-contentful-paint'),
    TBT: metric('total-blocking-time'),
    CLS: metric('cumulative-layout-shift'),
    SI: metric('speed-index'),
    costs: costs.join('; '),
    accessibilityFailures: failing.join(', '),
  };
}

const server = await startDemoServer('lighthouse');
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const rows = [await audit(chrome.port, 'login', `${server.url}/admin/login`)];
  const pathwayId = await signIn(chrome.port, server.url);
  rows.push(await audit(chrome.port, 'dashboard', `${server.url}/admin/`));
  rows.push(await audit(chrome.port, 'designer', `${server.url}/admin/pathways/${encodeURIComponent(pathwayId)}/show`));
  console.log(`Lighthouse ${RUNS > 1 ? `(median of ${RUNS} runs) ` : ''}mobile profile, reports in ${REPORTS}`);
  console.table(rows.map(({ costs, accessibilityFailures, ...scores }) => scores));
  for (const row of rows) {
    if (row.costs) console.log(`${row.page}: ${row.costs}`);
    if (row.accessibilityFailures) console.log(`${row.page} accessibility: ${row.accessibilityFailures}`);
  }
} finally {
  await chrome.kill();
  await server.stop();
}
