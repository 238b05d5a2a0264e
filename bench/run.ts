import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { repoRoot } from '../api/src/core/config';
import { apiNodeArguments } from '../api/src/core/runtime-flags';
import { freePort } from '../api/src/core/db-url';
import { issueToken } from '../api/src/modules/accounts/auth.service';
import { Role, User } from '../api/src/modules/accounts/user.entity';
import { measureAdvising, mulberry32, Post } from './advising';
import { drawChart } from './chart';
import { Figures, ServerName } from './figures';
import { prepareBenchDatabase } from './database';
import { SIZES } from './generate';
import { BenchQuery, benchQueries } from './queries';

const OUT = path.join(repoRoot, 'bench', 'out');
const POSTGRAPHILE_DIR = path.join(OUT, 'postgraphile');
const POSTGRAPHILE5_DIR = path.join(OUT, 'postgraphile5');
const CONNECTIONS = 10;
const RUNS = 3;

interface Server {
  name: ServerName;
  url: string;
  process: ChildProcess;
  /** The HTTP request that asks `query` about record `n`, or null when this server cannot express it. */
  request(query: BenchQuery, n: number): { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string } | null;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Installs PostGraphile 4 outside the workspace: it needs graphql 15, and the project keeps exactly one graphql (16). */
function ensurePostGraphile(): string {
  const cli = path.join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'cli.js');
  if (!fs.existsSync(cli)) {
    log(`installing postgraphile@4 into ${path.relative(repoRoot, POSTGRAPHILE_DIR)}`);
    fs.mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(POSTGRAPHILE_DIR, 'package.json'), JSON.stringify({ name: 'pathforge-bench-postgraphile', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', POSTGRAPHILE_DIR, 'postgraphile@4'], { stdio: 'inherit' });
  }
  return cli;
}

/**
 * Installs PostGraphile 5 beside it, for the same reason, with its runner (bench/postgraphile5-serve.mjs,
 * which serves the amber preset's schema over grafserv). Returns the runner's path.
 */
function ensurePostGraphile5(): string {
  if (!fs.existsSync(path.join(POSTGRAPHILE5_DIR, 'node_modules', 'postgraphile', 'package.json'))) {
    log(`installing postgraphile@5 into ${path.relative(repoRoot, POSTGRAPHILE5_DIR)}`);
    fs.mkdirSync(POSTGRAPHILE5_DIR, { recursive: true });
    fs.writeFileSync(path.join(POSTGRAPHILE5_DIR, 'package.json'), JSON.stringify({ name: 'pathforge-bench-postgraphile5', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', POSTGRAPHILE5_DIR, 'postgraphile@5', 'pg'], { stdio: 'inherit' });
  }
  const runner = path.join(POSTGRAPHILE5_DIR, 'serve.mjs');
  fs.copyFileSync(path.join(repoRoot, 'bench', 'postgraphile5-serve.mjs'), runner);
  return runner;
}

/**
 * PostGraphile 5's document for a PostGraphile 4 one: the amber preset names a table's primary
 * key `rowId` (its `id` is the global Node ID, as ours is), so `xById(id:)` becomes `xByRowId(rowId:)`.
 */
const postgraphile5Query = (query: string) => query.replace(/ById\(id:/g, 'ByRowId(rowId:');

/** Starts a server process, its output in bench/out/<name>.log, and waits until it answers HTTP. */
async function startProcess(name: string, args: string[], env: Record<string, string>, url: string): Promise<ChildProcess> {
  const logFile = fs.openSync(path.join(OUT, `${name}.log`), 'w');
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', logFile, logFile] });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see bench/out/${name}.log`);
    try {
      await fetch(url);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill();
  throw new Error(`${name} did not answer within two minutes`);
}

/** A full garbage collection of this process, as `--expose-gc` would allow. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** The resident memory of a process now, and the highest it has been, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function run(server: Server, query: BenchQuery, seconds: number, seed: number) {
  const random = mulberry32(seed);
  const instance = autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...server.request(query, query.pick(random))! }) }],
  }) as Promise<autocannon.Result> & Pick<EventEmitter, 'on'>;
  // autocannon's histogram keeps whole milliseconds, too coarse for answers under 1 ms: the median
  // comes from each response's own time, which autocannon measures in fractions of a millisecond.
  const durations: number[] = [];
  instance.on('response', (_client: unknown, _status: number, _bytes: number, milliseconds: number) => durations.push(milliseconds));
  const result = await instance;
  if (result.errors || result.non2xx) throw new Error(`${server.name} ${query.key}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  durations.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: Math.round(durations[Math.floor(durations.length / 2)] * 100) / 100, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'M' },
      fresh: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      routes: { type: 'string', default: '400' },
      only: { type: 'string' },
    },
  });
  const sizeName = values.size!.toUpperCase() as 'S' | 'M';
  const size = SIZES[sizeName];
  if (!size) throw new Error('--size must be S or M');
  const seconds = Number(values.seconds ?? (sizeName === 'M' ? 10 : 3));
  fs.mkdirSync(OUT, { recursive: true });
  process.env.AUTH_SECRET ??= 'a benchmark-only secret that is long enough to sign';

  const bench = await prepareBenchDatabase({ size: sizeName, url: process.env.DATABASE_URL, reuse: !values.fresh, log, onStep: (step, millis) => log(`  ${step.padEnd(24)} ${(millis / 1000).toFixed(2)} s`) });
  const children: ChildProcess[] = [];
  const interrupted = () => {
    for (const child of children) child.kill('SIGTERM');
    void bench.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const [user] = await bench.db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('bench@bench.test', 'Bench', 'ADMIN', 'unused')
        ON CONFLICT (email) DO UPDATE SET role = 'ADMIN' RETURNING id, role, institution_id AS "institutionId", employer_id AS "employerId", token_version AS "tokenVersion"`,
    );
    const { token } = await issueToken(Object.assign(new User(), user, { role: Role.ADMIN }));
    const postgraphileCli = ensurePostGraphile();
    const postgraphile5Runner = ensurePostGraphile5();

    const apiEnv = (counting: boolean) => ({
      NODE_ENV: 'production',
      DATABASE_URL: bench.url,
      PATHFORGE_COUNT_SQL: counting ? '1' : '0',
      RATE_LIMIT_VIEWER_POINTS: '0',
      RATE_LIMIT_ADDRESS_POINTS: '0',
      // Every query is measured uncached: each request draws a fresh record, and the process caches are off.
    });
    const apiEntry = path.join(repoRoot, 'dist', 'bench', 'serve-api.js');
    const graphqlRequest = (query: BenchQuery, n: number) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(query.signedIn ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: query.graphql, variables: query.variables(n) }),
    });
    const ports = { api: await freePort(), counting: await freePort(), limit: await freePort(), postgraphile: await freePort(), postgraphile5: await freePort() };
    const api = await startProcess('api', apiNodeArguments(apiEntry), { ...apiEnv(false), PORT: String(ports.api) }, `http://127.0.0.1:${ports.api}/healthz`);
    children.push(api);
    const counting = await startProcess('api-counting', apiNodeArguments(apiEntry), { ...apiEnv(true), PORT: String(ports.counting) }, `http://127.0.0.1:${ports.counting}/healthz`);
    children.push(counting);
    const limit = await startProcess('limit', [path.join(repoRoot, 'dist', 'bench', 'limit-server.js')], { DATABASE_URL: bench.url, PORT: String(ports.limit), BENCH_SIZE: sizeName }, `http://127.0.0.1:${ports.limit}/`);
    children.push(limit);
    const postgraphile = await startProcess(
      'postgraphile',
      [postgraphileCli, '--connection', bench.url, '--schema', 'public', '--host', '127.0.0.1', '--port', String(ports.postgraphile), '--disable-query-log', '--disable-graphiql', '--max-pool-size', '10'],
      { NODE_ENV: 'production' },
      `http://127.0.0.1:${ports.postgraphile}/graphql`,
    );
    children.push(postgraphile);
    const postgraphile5 = await startProcess(
      'postgraphile5',
      [postgraphile5Runner],
      { NODE_ENV: 'production', DATABASE_URL: bench.url, HOST: '127.0.0.1', PORT: String(ports.postgraphile5) },
      `http://127.0.0.1:${ports.postgraphile5}/graphql`,
    );
    children.push(postgraphile5);

    const servers: Server[] = [
      { name: 'Pathforge', url: `http://127.0.0.1:${ports.api}`, process: api, request: graphqlRequest },
      {
        name: 'single SQL',
        url: `http://127.0.0.1:${ports.limit}`,
        process: limit,
        request: (query, n) => (query.limitSql ? { method: 'GET', path: `/${query.key}?n=${n}`, headers: {} } : null),
      },
      {
        name: 'PostGraphile 4',
        url: `http://127.0.0.1:${ports.postgraphile}`,
        process: postgraphile,
        request: (query, n) =>
          query.postgraphile
            ? { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: query.postgraphile.query, variables: query.postgraphile.variables(n) }) }
            : null,
      },
      {
        name: 'PostGraphile 5',
        url: `http://127.0.0.1:${ports.postgraphile5}`,
        process: postgraphile5,
        request: (query, n) =>
          query.postgraphile
            ? {
                method: 'POST',
                path: '/graphql',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query: postgraphile5Query(query.postgraphile.query), variables: query.postgraphile.variables(n) }),
              }
            : null,
      },
    ];
    const send = async (url: string, request: NonNullable<ReturnType<Server['request']>>) => {
      const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
      const text = await response.text();
      const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
      if (!response.ok || body.errors) throw new Error(`${url}${request.path}: ${response.status} ${text.slice(0, 500)}`);
      return { text, body, statements: Number(response.headers.get('x-sql-statements')), fallbacks: Number(response.headers.get('x-read-fallbacks')) };
    };

    const queries = benchQueries(size).filter((query) => !values.only || values.only.split(',').includes(query.key));
    const figures: Figures[] = [];
    const notes: string[] = [];
    for (const query of queries) {
      const able = servers.filter((server) => server.request(query, 1));
      for (const server of able) await run(server, query, Math.max(2, Math.round(seconds / 3)), 1);
      // Check each server's answer: no errors, and the single statement's JSON is ours.
      const sampleRandom = mulberry32(99);
      const samples = Array.from({ length: 20 }, () => query.pick(sampleRandom));
      const bytes = new Map<ServerName, number[]>();
      const statements: number[] = [];
      const fallbacks: number[] = [];
      for (const n of samples) {
        const ours = await send(servers[0].url, graphqlRequest(query, n));
        const counted = await send(`http://127.0.0.1:${ports.counting}`, graphqlRequest(query, n));
        statements.push(counted.statements);
        fallbacks.push(counted.fallbacks);
        for (const server of servers) {
          const request = server.request(query, n);
          if (!request) continue;
          const answer = server === servers[0] ? ours : await send(server.url, request);
          bytes.set(server.name, [...(bytes.get(server.name) ?? []), Buffer.byteLength(answer.text)]);
          if (server.name === 'single SQL' && !isDeepStrictEqual(answer.body, ours.body) && !notes.some((note) => note.startsWith(query.key))) {
            notes.push(`${query.key}: the single statement's JSON differs from ours for record ${n}`);
          }
        }
      }
      if (query.key === 'q1' || query.key === 'q2') {
        const request = graphqlRequest(query, samples[0]);
        const [identity, br, gzip] = await Promise.all(['identity', 'br', 'gzip'].map((encoding) => wireBytes(servers[0].url, request, encoding)));
        notes.push(`${query.key} bytes on the wire (record ${samples[0]}): ${identity} uncompressed, ${br} brotli (${(identity / br).toFixed(1)}× smaller), ${gzip} gzip`);
      }
      const runs = new Map<ServerName, { rps: number; p50: number; p99: number; peak: number }[]>();
      for (let i = 0; i < RUNS; i += 1) {
        for (const server of able) {
          let peak = memoryOf(server.process.pid!).rss;
          const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.process.pid!).rss)), 100);
          const figuresOfRun = await run(server, query, seconds, 100 + i);
          clearInterval(sampler);
          runs.set(server.name, [...(runs.get(server.name) ?? []), { ...figuresOfRun, peak }]);
        }
      }
      for (const server of able) {
        const list = runs.get(server.name)!;
        figures.push({
          query: query.key,
          server: server.name,
          rps: list.map((r) => r.rps),
          p50: list.map((r) => r.p50),
          p99: list.map((r) => r.p99),
          statements: server.name === 'Pathforge' ? statements : [],
          bytes: median(bytes.get(server.name)!),
          peakRssMb: Math.max(...list.map((r) => r.peak)),
        });
      }
      const ours = figures.find((f) => f.query === query.key && f.server === 'Pathforge')!;
      // Fields (or root queries) the read compiler left to their resolvers, from X-Read-Fallbacks.
      notes.push(`${query.key}: ${Math.max(...fallbacks)} read fallbacks per request (most of 20)`);
      log(`${query.key} ${query.title}: ${median(ours.rps).toFixed(0)} req/s, p50 ${median(ours.p50)} ms, ${median(ours.statements)} statements, ${Math.max(...fallbacks)} read fallbacks`);
    }

    const post: Post = async (query, variables, url = servers[0].url) =>
      send(url, { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    // The bench's own heap still holds what the six queries' runs left; collected now, the client's
    // pauses stay out of the one-request-at-a-time timings.
    if (!values.only) collectGarbage();
    const advising = values.only ? [] : await measureAdvising(bench.db, size, Number(values.routes), post, `http://127.0.0.1:${ports.counting}`);
    const hwm = memoryOf(api.pid!).hwm;
    const counts = await bench.db.query(`SELECT (SELECT count(*) FROM pathway)::int AS pathways, (SELECT count(*) FROM learner)::int AS learners, (SELECT count(*) FROM award)::int AS awards`);

    const report = renderReport({ sizeName, seconds, queries, figures, advising, notes, hwm, counts: counts[0] });
    console.log(`\n${report}`);
    if (!values.only) {
      fs.writeFileSync(path.join(repoRoot, 'bench', 'results.md'), `# Benchmark results\n\n${report}`);
      await drawChart(figures, queries, path.join(repoRoot, 'bench', 'results'), log);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await bench.close();
  }
}

interface ReportInput {
  sizeName: string;
  seconds: number;
  queries: BenchQuery[];
  figures: Figures[];
  advising: string[][];
  notes: string[];
  hwm: number;
  counts: { pathways: number; learners: number; awards: number };
}

const spread = (values: number[], digits: number) =>
  values.length ? `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : '—';

/** The bytes of one answer as they cross the network, asking for one content encoding. */
function wireBytes(url: string, request: { method: string; path: string; headers: Record<string, string>; body?: string }, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${url}${request.path}`, { method: request.method, headers: { ...request.headers, 'accept-encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

function renderReport({ sizeName, seconds, queries, figures, advising, notes, hwm, counts }: ReportInput): string {
  const of = (key: string, server: ServerName) => figures.find((f) => f.query === key && f.server === server);
  const lines = [
    `Size ${sizeName} (${counts.pathways} pathways, ${counts.learners} learners, ${counts.awards} awards), ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.`,
    `autocannon, ${CONNECTIONS} connections, a warm-up, then ${RUNS} runs of ${seconds} s per query and server, interleaved; median (range) of the runs; p50 from each response's own time (autocannon's histogram keeps whole milliseconds), p99 from autocannon's histogram.`,
    `SQL statements per request: ours counted on 20 requests (median (range)); the single statement is one by construction, PostGraphile 4 compiles each query to one (PostGraphile 5 is not counted).`,
    '',
    '| query | server | req/s | p50 ms | p99 ms | SQL statements | response bytes | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const query of queries) {
    for (const f of figures.filter((figure) => figure.query === query.key)) {
      const statements = f.server === 'Pathforge' ? spread(f.statements, 0) : '1';
      lines.push(`| ${query.key} ${query.title} | ${f.server} | ${spread(f.rps, 0)} | ${spread(f.p50, 2)} | ${spread(f.p99, 1)} | ${statements} | ${f.bytes} | ${f.peakRssMb.toFixed(0)} |`);
    }
  }
  lines.push('', '| target | figure | met |', '|---|---|---|');
  for (const key of ['q1', 'q2', 'q3', 'q4']) {
    const ours = of(key, 'Pathforge');
    for (const [server, target] of [['PostGraphile 4', 1.5], ['PostGraphile 5', 1.0]] as const) {
      const theirs = of(key, server);
      if (!ours || !theirs) continue;
      const ratio = median(ours.rps) / median(theirs.rps);
      lines.push(`| ${key}: ≥ ${target.toFixed(1)}× ${server}'s req/s | ${ratio.toFixed(2)}× | ${ratio >= target ? 'yes' : 'no'} |`);
    }
  }
  const q6 = of('q6', 'Pathforge');
  const q6Theirs = of('q6', 'PostGraphile 4');
  if (q6 && q6Theirs) {
    const ratio = median(q6.rps) / median(q6Theirs.rps);
    lines.push(`| q6: ≥ 1.0× PostGraphile 4's req/s | ${ratio.toFixed(2)}× | ${ratio >= 1 ? 'yes' : 'no'} |`);
  }
  for (const query of queries.filter((q) => ['q1', 'q2', 'q3', 'q4', 'q6'].includes(q.key))) {
    const ours = of(query.key, 'Pathforge');
    const limit = of(query.key, 'single SQL');
    if (ours && limit) {
      const ratio = median(ours.p50) / median(limit.p50);
      lines.push(`| ${query.key}: p50 ≤ 2× the single statement | ${ratio.toFixed(2)}× | ${ratio <= 2 ? 'yes' : 'no'} |`);
    }
  }
  // The compiled reads (q5, learnerRoutes, is the route engine's work, not one read).
  for (const query of queries.filter((q) => q.limitSql !== null)) {
    const ours = of(query.key, 'Pathforge');
    if (!ours?.statements.length) continue;
    const most = Math.max(...ours.statements);
    lines.push(`| ${query.key}: exactly 1 SQL statement per root field | ${most} | ${most === 1 ? 'yes' : 'no'} |`);
  }
  const peak = Math.max(...figures.filter((f) => f.server === 'Pathforge').map((f) => f.peakRssMb), hwm);
  lines.push(`| < 300 MB RSS under load | ${peak.toFixed(0)} MB | ${peak < 300 ? 'yes' : 'no'} |`);
  if (notes.length) lines.push('', ...notes.map((note) => `- ${note}`));
  if (advising.length) {
    lines.push('', 'Articulation: one request at a time.', '', '| figure | value | target |', '|---|---|---|', ...advising.map((row) => `| ${row.join(' | ')} |`));
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
