import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestApi, TestApi } from '../support/api';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** A GET with the given Accept-Encoding, its body left as sent (fetch would decode it). */
function get(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: body.length, body });
        });
      })
      .on('error', reject);
  });
}

/**
 * How the console's build is delivered: compressed at build time, hashed files cached for good,
 * index.html revalidated, and the code of each first screen within budget.
 */
describe('delivering the admin console', () => {
  let api: TestApi;
  let manifest: Record<string, ManifestChunk>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
    manifest = JSON.parse(fs.readFileSync(path.join(ADMIN_DIST, '.vite', 'manifest.json'), 'utf8'));
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The files a page needs before it can show anything: the entry's and the page's static imports, transitively. */
  const firstScreen = (keys: string[]) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    keys.forEach(visit);
    return [...files];
  };

  it('sends hashed scripts precompressed, brotli or gzip as asked, and cached as immutable', async () => {
    // The largest script of the first screen (index.html's own is a few hundred bytes that start the rest).
    const [entry] = firstScreen(['index.html', 'src/start.tsx']).sort((a, b) => fs.statSync(path.join(ADMIN_DIST, b)).size - fs.statSync(path.join(ADMIN_DIST, a)).size);
    expect(fs.existsSync(path.join(ADMIN_DIST, `${entry}.br`))).toBe(true);
    expect(fs.existsSync(path.join(ADMIN_DIST, `${entry}.gz`))).toBe(true);
    const plain = fs.statSync(path.join(ADMIN_DIST, entry)).size;

    const brotli = await get(`${api.url}/admin/${entry}`, 'gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.bytes).toBe(fs.statSync(path.join(ADMIN_DIST, `${entry}.br`)).size);
    expect(brotli.bytes).toBeLessThan(plain / 3);

    const gzip = await get(`${api.url}/admin/${entry}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.bytes).toBe(fs.statSync(path.join(ADMIN_DIST, `${entry}.gz`)).size);

    const identity = await get(`${api.url}/admin/${entry}`, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.bytes).toBe(plain);
  });

  it('revalidates index.html on every load, at the root and at any console address', async () => {
    for (const address of ['/admin/', '/admin/login', '/admin/pathways/abc/show']) {
      const page = await get(`${api.url}${address}`, 'gzip, br');
      expect([address, page.status, page.headers['content-type']]).toEqual([address, 200, expect.stringMatching(/text\/html/)]);
      expect([address, page.headers['cache-control']]).toEqual([address, 'no-cache']);
    }
  });

  it('answers 404 for a hashed file that is not there, not the console page', async () => {
    const missing = await get(`${api.url}/admin/assets/index-gone.js`, 'gzip');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/html/);
  });

  it('preloads the first page\'s code with index.html', async () => {
    const dashboard = (await get(`${api.url}/admin/`, 'identity')).body.toString();
    expect(dashboard).toContain(`<link rel="modulepreload" crossorigin href="/admin/${manifest['src/dashboard/Dashboard.tsx'].file}">`);
    const designer = (await get(`${api.url}/admin/pathways/UGF0aHdheTox/show`, 'identity')).body.toString();
    expect(designer).toContain(`href="/admin/${manifest['src/codesign/PathwayDesigner.tsx'].file}"`);
    const login = (await get(`${api.url}/admin/login`, 'identity')).body.toString();
    expect(login).toContain(`href="/admin/${manifest['src/layout/LoginPage.tsx'].file}"`);
    expect(login).not.toContain(manifest['src/dashboard/Dashboard.tsx'].file);
  });

  it('paints a static first screen: the sign-in card on the sign-in page, the app bar and a loading card elsewhere', async () => {
    const shellOf = (html: string) => /<div class="pf-shell[^"]*" aria-hidden="true" inert>[\s\S]*?<!--\/shell-->/.exec(html)?.[0] ?? '';
    const login = (await get(`${api.url}/admin/login`, 'identity')).body.toString();
    expect(shellOf(login)).toContain('class="pf-shell pf-shell-login"');
    expect(shellOf(login)).toContain('Design micropathways with employer partners');
    expect(shellOf(login)).not.toContain('Loading…');
    for (const address of ['/admin/', '/admin/pathways/UGF0aHdheTox/show', '/admin/employers']) {
      const page = (await get(`${api.url}${address}`, 'identity')).body.toString();
      expect([address, shellOf(page)]).toEqual([address, expect.stringContaining('Loading…')]);
      expect([address, shellOf(page)]).not.toEqual([address, expect.stringContaining('pf-shell-login')]);
      expect([address, page]).not.toEqual([address, expect.stringContaining('Design micropathways')]);
    }
    // The template is the server's to use: no page carries it, and the shell has no form controls,
    // headings or landmarks of its own.
    for (const page of [login, (await get(`${api.url}/admin/`, 'identity')).body.toString()]) {
      expect(page).not.toContain('<template');
      expect(shellOf(page)).not.toMatch(/<(input|button|a|h[1-6]|main|nav|header|form)\b|\bid=/);
    }
  });

  // What each first screen needs, as a ceiling that fails on growth: one script of 509 kB gzipped
  // before the split, and the 250 kB every first screen now stays under.
  it.each([
    ['the sign-in page', ['index.html', 'src/start.tsx', 'src/layout/LoginPage.tsx'], 250],
    ['the dashboard', ['index.html', 'src/start.tsx', 'src/layout/Layout.tsx', 'src/dashboard/Dashboard.tsx'], 250],
    ['the designer', ['index.html', 'src/start.tsx', 'src/layout/Layout.tsx', 'src/codesign/PathwayDesigner.tsx'], 250],
  ])('needs little gzipped code and styles before %s can show', async (_page, keys, budgetKb) => {
    const files = firstScreen(keys as string[]);
    const css = (keys as string[]).flatMap((key) => (manifest[key] as ManifestChunk & { css?: string[] }).css ?? []);
    let total = 0;
    for (const file of [...files, ...css]) {
      const response = await get(`${api.url}/admin/${file}`, 'gzip');
      expect([file, response.status]).toEqual([file, 200]);
      // Files under a kilobyte are not worth compressing and go as they are.
      if (response.bytes >= 1024) expect([file, response.headers['content-encoding']]).toEqual([file, 'gzip']);
      total += response.bytes;
    }
    // The charts and the pages not shown stay out: they are fetched when needed.
    // The charts group is the chunk MUI X's bar chart imports; common/charts.tsx, which loads the
    // charts when drawn, is a small chunk that is named charts too.
    const barChart = manifest['../node_modules/@mui/x-charts/BarChart/index.mjs'];
    const charts = barChart?.imports?.map((key) => manifest[key]).find((chunk) => chunk.file.includes('/charts-'));
    expect(charts).toBeDefined();
    expect(files).not.toContain(charts!.file);
    expect(files).not.toContain(barChart.file);
    console.log(`${_page}: ${(total / 1024).toFixed(1)} kB gzipped in ${files.length + css.length} files`);
    expect(total).toBeLessThan((budgetKb as number) * 1024);
  });
});
