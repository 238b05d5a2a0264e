import 'reflect-metadata';
import '../api/src/modules';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { repoRoot } from '../api/src/core/config';
import { createDataSource } from '../api/src/core/database';
import { freePort, withDatabase } from '../api/src/core/db-url';
import { startEmbeddedPostgres } from '../api/src/core/embedded';
import { toGlobalId } from '../api/src/core/ids';
import { issueToken } from '../api/src/modules/accounts/auth.service';
import { Role, User } from '../api/src/modules/accounts/user.entity';
import { seedDemoData } from '../api/src/seed/demo';

export interface LoadOptions {
  /** Base URL of a running API (its /graphql is loaded). */
  url: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadReport {
  requests: number;
  requestsPerSecond: number;
  /** Connection errors and timeouts, HTTP answers other than 2xx, and GraphQL errors or user errors in 2xx answers. */
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  userErrors: number;
  /** How many answers carried each error code, top-level or user error. */
  codes: Record<string, number>;
  reads: number;
  writes: number;
  latency: { p50: number; p99: number; max: number };
}

interface Operation {
  kind: 'read' | 'write';
  token: string | null;
  query: string;
  variables: (n: number) => Record<string, unknown>;
}

/** What the mix needs from a database holding the demo data: IDs and tokens of its accounts. */
async function operationsFor(db: DataSource): Promise<Operation[]> {
  const user = (role: Role) => db.getRepository(User).findOneByOrFail({ role });
  const [admin, staff, advisor] = await Promise.all([user(Role.ADMIN), user(Role.INSTITUTION_STAFF), user(Role.ADVISOR)]);
  const token = async (account: User) => (await issueToken(account)).token;
  const [adminToken, staffToken, advisorToken] = await Promise.all([token(admin), token(staff), token(advisor)]);
  const first = async (table: string, where = 'true') => (await db.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT 1`))[0].id as number;
  const learner = toGlobalId('Learner', await first('learner', `institution_id = ${staff.institutionId}`));
  const published = toGlobalId('Pathway', await first('pathway', `status = 'PUBLISHED'`));
  const commented = toGlobalId('Pathway', await first('pathway', `owner_institution_id = ${staff.institutionId}`));
  const run = `${process.pid}-${Date.now()}`;
  return [
    {
      kind: 'read',
      token: null,
      query: `{ pathways(first: 5, filter: { status: PUBLISHED }) { totalCount nodes { id title destinations { socCode medianAnnualWage } partners { role employer { name } } stages { position title credentials { title creditValue } } } } }`,
      variables: () => ({}),
    },
    { kind: 'write', token: adminToken, query: `mutation($name: String!) { employerCreate(input: { name: $name, region: "Ohio" }) { employer { id } userErrors { code } } }`, variables: (n) => ({ name: `Load ${run} ${n}` }) },
    { kind: 'read', token: null, query: `{ credentials(first: 20) { totalCount nodes { title level outcomes { statement } } } }`, variables: () => ({}) },
    {
      kind: 'read',
      token: advisorToken,
      query: `query($id: ID!) { learnerRoutes(learnerId: $id) { degreeProgram { title } appliedCredits remainingCredits nextSteps(first: 5) { credential { title } creditsGained } } }`,
      variables: () => ({ id: learner }),
    },
    { kind: 'read', token: null, query: `query($id: ID!) { node(id: $id) { id ... on Pathway { title version stages { title } } } }`, variables: () => ({ id: published }) },
    {
      kind: 'write',
      token: staffToken,
      query: `mutation($id: ID!, $body: String!) { pathwayCommentAdd(input: { pathwayId: $id, body: $body }) { comment { id } userErrors { code } } }`,
      variables: (n) => ({ id: commented, body: `Load comment ${n}` }),
    },
    { kind: 'read', token: staffToken, query: `{ me { role institution { name } } learners(first: 10) { totalCount nodes { givenName awards { awardedOn } } } }`, variables: () => ({}) },
    { kind: 'read', token: null, query: `query($q: String!) { employers(first: 10, filter: { search: $q }) { totalCount nodes { name region } } }`, variables: (n) => ({ q: ['Bright', 'Tech', 'Health', 'a'][n % 4] }) },
    { kind: 'write', token: advisorToken, query: `mutation($id: ID!, $ext: String!) { learnerUpdate(input: { id: $id, externalId: $ext }) { learner { id } userErrors { code } } }`, variables: (n) => ({ id: learner, ext: `S-${n}` }) },
    { kind: 'read', token: null, query: `{ occupations(first: 10) { nodes { socCode title medianAnnualWage } } institutions(first: 10) { nodes { name } } }`, variables: () => ({}) },
  ];
}

/** Sends the mix (seven reads to three writes) from `connections` clients for the duration; counts every kind of failure. */
export async function runLoad(db: DataSource, options: LoadOptions): Promise<LoadReport> {
  const operations = await operationsFor(db);
  let sent = 0;
  const counts = { graphqlErrors: 0, userErrors: 0, reads: 0, writes: 0 };
  const codes: Record<string, number> = {};
  const tally = (code: unknown) => (codes[String(code)] = (codes[String(code)] ?? 0) + 1);
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: operations.map((operation) => ({
      method: 'POST' as const,
      setupRequest: (request: autocannon.Request) => {
        sent += 1;
        return {
          ...request,
          headers: { 'content-type': 'application/json', ...(operation.token ? { authorization: `Bearer ${operation.token}` } : {}) },
          body: JSON.stringify({ query: operation.query, variables: operation.variables(sent) }),
        };
      },
      onResponse: (status: number, body: string) => {
        counts[operation.kind === 'read' ? 'reads' : 'writes'] += 1;
        if (status !== 200) return;
        const answer = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[]; data?: Record<string, { userErrors?: { code: string }[] } | null> };
        if (answer.errors?.length) {
          counts.graphqlErrors += 1;
          tally(answer.errors[0].extensions?.code);
        }
        const userErrors = Object.values(answer.data ?? {}).flatMap((payload) => payload?.userErrors ?? []);
        if (userErrors.length > 0) {
          counts.userErrors += 1;
          tally(userErrors[0].code);
        }
      },
    })),
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx + counts.graphqlErrors + counts.userErrors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...counts,
    codes,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the API exited (${code}): ${output}`)));
  });
}

/**
 * npm run load: a fresh database with the demo data (an embedded server unless DATABASE_URL
 * names one), the API in its own production process (rate limits raised out of the way: one
 * machine plays fifty clients), and the mix from 50 connections for 60 s.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } } });
  const log = (line: string) => console.log(`[load] ${line}`);
  process.env.AUTH_SECRET ??= 'a load-test-only secret that is long enough to sign';
  process.env.CREDENTIAL_KEY_SECRET ??= 'a load-test-only key secret, also long enough to use';
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-load-'));
    fs.chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
    serverUrl = embedded.superuserUrl;
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const database = `pathforge_load_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDatabase(serverUrl, database);
  const db = createDataSource({ url, poolSize: 2, applicationName: 'pathforge-load' });
  let api: ChildProcess | null = null;
  let failed = true;
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await seedDemoData(db);
    const port = await freePort();
    api = spawn(process.execPath, [path.join(repoRoot, 'dist', 'bench', 'serve-api.js')], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production', RATE_LIMIT_VIEWER_POINTS: '1000000000', RATE_LIMIT_ADDRESS_POINTS: '1000000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForListening(api);
    const connections = Number(values.connections);
    const durationSeconds = Number(values.duration);
    log(`${connections} connections for ${durationSeconds} s, 7 reads to 3 writes, on the demo data, ${os.cpus().length} cores`);
    const report = await runLoad(db, { url: `http://127.0.0.1:${port}`, connections, durationSeconds });
    const table = [
      '| figure | value |',
      '|---|---|',
      `| requests | ${report.requests} (${report.reads} reads, ${report.writes} writes) |`,
      `| requests per second | ${report.requestsPerSecond.toFixed(0)} |`,
      `| errors (target 0) | ${report.errors} (non-2xx ${report.non2xx}, timeouts ${report.timeouts}, GraphQL errors ${report.graphqlErrors}, user errors ${report.userErrors}${Object.keys(report.codes).length ? `: ${JSON.stringify(report.codes)}` : ''}) |`,
      `| latency p50 / p99 / max | ${report.latency.p50} ms / ${report.latency.p99} ms / ${report.latency.max} ms |`,
    ].join('\n');
    console.log(`\n${table}\n`);
    failed = report.errors > 0;
  } finally {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api!.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
