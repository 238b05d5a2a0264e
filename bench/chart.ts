import fs from 'node:fs';
import type { Figures } from './figures';
import type { BenchQuery } from './queries';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Requests per second of each query and server as grouped bars: a vega-lite spec compiled to
 * vega and rendered headless to `<base>.svg`, then to `<base>.png` by Debian's chromium when it
 * is installed. vega and vega-lite are ES modules, hence the dynamic imports.
 */
export async function drawChart(figures: Figures[], queries: BenchQuery[], base: string, log: (line: string) => void): Promise<void> {
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const titles = new Map(queries.map((query) => [query.key, `${query.key} ${query.title}`]));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Requests per second (median of three runs, 10 connections)',
    width: 720,
    height: 320,
    data: { values: figures.map((f) => ({ query: titles.get(f.query), server: f.server, rps: Math.round(median(f.rps)) })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'query', type: 'nominal', title: null, axis: { labelAngle: -20, labelLimit: 400 } },
      xOffset: { field: 'server' },
      y: { field: 'rps', type: 'quantitative', title: 'req/s' },
      color: { field: 'server', type: 'nominal', title: null, scale: { domain: ['Pathforge', 'single SQL', 'PostGraphile 4', 'PostGraphile 5'] } },
    },
    config: { background: 'white', font: 'sans-serif' },
  };
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  fs.writeFileSync(`${base}.svg`, svg);
  log(`chart: ${base}.svg`);

  const chromiumPath = '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    await page.locator('svg').first().screenshot({ path: `${base}.png` });
    log(`chart: ${base}.png`);
  } finally {
    await browser.close();
  }
}
