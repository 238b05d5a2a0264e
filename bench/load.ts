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
import { apiNodeArguments } from '../api/src/core/runtime-flags';
import { createDataSource } from '../api/src/core/database';
import { freePort, withDatabase } from '../api/src/core/db-url';
import { startEmbeddedPostgres } from '../api/src/core/embedded';
import { toGlobalId } from '../api/src/core/ids';
import { issueToken } from '../api/src/modules/accounts/auth.service';
import { Role, User } from '../api/src/modules/accounts/user.entity';
import { seedDemoData } from '../api/src/seed/demo';

/**
 * default: seven reads to three writes, the writes spread over many records. mixed: as many writes
 * as reads, most of them on one pathway (comments from every connection, serialised on its row)
 * and one agreement (mapping edits, each counted on the agreement's revision), beside learner
 * edits that carry the revision their connection last saw.
 */
export type LoadProfile = 'default' | 'mixed';
export const LOAD_PROFILES: readonly LoadProfile[] = ['default', 'mixed'];

export interface LoadOptions {
  /** Base URL of a running API (its /graphql is loaded). */
  url: string;
  connections: number;
  durationSeconds: number;
  profile?: LoadProfile;
}

export interface LoadReport {
  profile: LoadProfile;
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
  /** Answers per operation: the mix as measured. */
  mix: Record<string, number>;
  latency: { p50: number; p99: number; max: number };
}

/** A learner the load edits, and its revision as the last answer about it said. */
interface EditedLearner {
  id: string;
  revision: number;
}

/**
 * What a connection keeps from a request to its answer (autocannon's context, which it clears
 * each time a connection starts the mix again): the learner it has taken out to edit.
 */
interface Held {
  learner?: EditedLearner;
}

interface Operation {
  name: string;
  kind: 'read' | 'write';
  token: string | null;
  query: string;
  variables: (n: number, held: Held) => Record<string, unknown>;
  /** Called with every answer: its data when it carried no error, else null. */
  settle?: (data: Record<string, unknown> | null, held: Held) => void;
}

/** What the mixes need from a database holding the demo data: IDs and tokens of its accounts, and learners for the connections to edit. */
async function operationsFor(db: DataSource, profile: LoadProfile, connections: number): Promise<Operation[]> {
  const user = (role: Role) => db.getRepository(User).findOneByOrFail({ role });
  const [admin, staff, advisor] = await Promise.all([user(Role.ADMIN), user(Role.INSTITUTION_STAFF), user(Role.ADVISOR)]);
  const token = async (account: User) => (await issueToken(account)).token;
  const [adminToken, staffToken, advisorToken] = await Promise.all([token(admin), token(staff), token(advisor)]);
  const first = async (table: string, where = 'true') => (await db.query(`SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT 1`))[0].id as number;
  const learner = toGlobalId('Learner', await first('learner', `institution_id = ${staff.institutionId}`));
  const published = toGlobalId('Pathway', await first('pathway', `status = 'PUBLISHED'`));
  const commented = toGlobalId('Pathway', await first('pathway', `owner_institution_id = ${staff.institutionId}`));
  const mapping = toGlobalId('CreditMapping', await first('credit_mapping'));
  const run = `${process.pid}-${Date.now()}`;
  // Learner edits are taken out of a pool and put back with the revision their answer gave: no two
  // requests edit one learner at the same time, and each is based on the learner's last revision,
  // as one person per record would work. Twice as many as connections, so one never waits.
  const ids: { id: number }[] = await db.query(
    `INSERT INTO learner (institution_id, given_name, family_name, email)
       SELECT $1, 'Load', 'Learner ' || n, 'load-' || $2 || '-' || n || '@load.test' FROM generate_series(1, $3) AS n RETURNING id`,
    [staff.institutionId, run, 2 * connections],
  );
  const idle: EditedLearner[] = ids.map((row) => ({ id: toGlobalId('Learner', row.id), revision: 1 }));

  const pathwaysRead: Operation = {
    name: 'pathways (public)',
    kind: 'read',
    token: null,
    query: `{ pathways(first: 5, filter: { status: PUBLISHED }) { totalCount nodes { id title destinations { socCode medianAnnualWage } partners { role employer { name } } stages { position title credentials { title creditValue } } } } }`,
    variables: () => ({}),
  };
  const credentialsRead: Operation = { name: 'credentials (public)', kind: 'read', token: null, query: `{ credentials(first: 20) { totalCount nodes { title level outcomes { statement } } } }`, variables: () => ({}) };
  const routesRead: Operation = {
    name: 'learnerRoutes (advisor)',
    kind: 'read',
    token: advisorToken,
    query: `query($id: ID!) { learnerRoutes(learnerId: $id) { degreeProgram { title } appliedCredits remainingCredits nextSteps(first: 5) { credential { title } creditsGained } } }`,
    variables: () => ({ id: learner }),
  };
  const nodeRead: Operation = { name: 'node pathway (public)', kind: 'read', token: null, query: `query($id: ID!) { node(id: $id) { id ... on Pathway { title version stages { title } } } }`, variables: () => ({ id: published }) };
  const learnersRead: Operation = {
    name: 'learners (staff)',
    kind: 'read',
    token: staffToken,
    query: `{ me { role institution { name } } learners(first: 10) { totalCount nodes { givenName awards { awardedOn } } } }`,
    variables: () => ({}),
  };
  const employersRead: Operation = {
    name: 'employers search (public)',
    kind: 'read',
    token: null,
    query: `query($q: String!) { employers(first: 10, filter: { search: $q }) { totalCount nodes { name region } } }`,
    variables: (n) => ({ q: ['Bright', 'Tech', 'Health', 'a'][n % 4] }),
  };
  const occupationsRead: Operation = { name: 'occupations (public)', kind: 'read', token: null, query: `{ occupations(first: 10) { nodes { socCode title medianAnnualWage } } institutions(first: 10) { nodes { name } } }`, variables: () => ({}) };
  const employerCreate: Operation = {
    name: 'employerCreate (admin)',
    kind: 'write',
    token: adminToken,
    query: `mutation($name: String!) { employerCreate(input: { name: $name, region: "Ohio" }) { employer { id } userErrors { code } } }`,
    variables: (n) => ({ name: `Load ${run} ${n}` }),
  };
  const comment = (by: string, bearer: string): Operation => ({
    name: `pathwayCommentAdd, one pathway (${by})`,
    kind: 'write',
    token: bearer,
    query: `mutation($id: ID!, $body: String!) { pathwayCommentAdd(input: { pathwayId: $id, body: $body }) { comment { id } userErrors { code } } }`,
    variables: (n) => ({ id: commented, body: `Load comment ${n}` }),
  });
  const learnerUpdate: Operation = {
    name: 'learnerUpdate, own learner (advisor)',
    kind: 'write',
    token: advisorToken,
    query: `mutation($input: LearnerUpdateInput!) { learnerUpdate(input: $input) { learner { revision } userErrors { code } } }`,
    variables: (n, held) => {
      held.learner = idle.shift()!;
      return { input: { id: held.learner.id, externalId: `S-${n}`, expectedRevision: held.learner.revision } };
    },
    settle: (data, held) => {
      const saved = (data?.learnerUpdate as { learner: { revision: number } | null } | undefined)?.learner;
      if (!held.learner) return;
      if (saved) held.learner.revision = saved.revision;
      idle.push(held.learner);
      held.learner = undefined;
    },
  };
  const mappingUpdate: Operation = {
    name: 'creditMappingUpdate, one agreement (admin)',
    kind: 'write',
    token: adminToken,
    query: `mutation($id: ID!, $credits: Float!) { creditMappingUpdate(input: { id: $id, credits: $credits }) { creditMapping { id } userErrors { code } } }`,
    variables: (n) => ({ id: mapping, credits: 3 + (n % 3) }),
  };

  if (profile === 'mixed') {
    return [pathwaysRead, comment('staff', staffToken), learnerUpdate, credentialsRead, comment('admin', adminToken), routesRead, mappingUpdate, nodeRead, employerCreate, learnersRead, comment('staff', staffToken), employersRead];
  }
  return [pathwaysRead, employerCreate, credentialsRead, routesRead, nodeRead, comment('staff', staffToken), learnersRead, employersRead, learnerUpdate, occupationsRead];
}

/** Sends the profile's mix from `connections` clients for the duration; counts every kind of failure, and the answers per operation. */
export async function runLoad(db: DataSource, options: LoadOptions): Promise<LoadReport> {
  const profile = options.profile ?? 'default';
  const operations = await operationsFor(db, profile, options.connections);
  let sent = 0;
  const counts = { graphqlErrors: 0, userErrors: 0, reads: 0, writes: 0 };
  const codes: Record<string, number> = {};
  const mix: Record<string, number> = {};
  const tally = (code: unknown) => (codes[String(code)] = (codes[String(code)] ?? 0) + 1);
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: operations.map((operation) => ({
      method: 'POST' as const,
      setupRequest: (request: autocannon.Request, context: object) => {
        sent += 1;
        return {
          ...request,
          headers: { 'content-type': 'application/json', ...(operation.token ? { authorization: `Bearer ${operation.token}` } : {}) },
          body: JSON.stringify({ query: operation.query, variables: operation.variables(sent, context as Held) }),
        };
      },
      onResponse: (status: number, body: string, context: object) => {
        counts[operation.kind === 'read' ? 'reads' : 'writes'] += 1;
        mix[operation.name] = (mix[operation.name] ?? 0) + 1;
        if (status !== 200) {
          operation.settle?.(null, context as Held);
          return;
        }
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
        operation.settle?.(answer.errors?.length || userErrors.length ? null : (answer.data ?? null), context as Held);
      },
    })),
  });
  return {
    profile,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx + counts.graphqlErrors + counts.userErrors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...counts,
    codes,
    mix,
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

/** The machine's load averages over 1, 5 and 15 minutes, and its cores: what else was running while the figures were taken. */
const machineLoad = () => `load average ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`;

/**
 * npm run load [-- --profile mixed --duration 60 --connections 50]: a fresh database with the demo
 * data (an embedded server unless DATABASE_URL names one), the API in its own production process
 * (rate limits raised out of the way: one machine plays fifty clients), and the profile's mix from
 * 50 connections for 60 s.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' }, profile: { type: 'string', default: 'default' } },
  });
  const profile = values.profile as LoadProfile;
  if (!LOAD_PROFILES.includes(profile)) throw new Error(`--profile is one of ${LOAD_PROFILES.join(', ')}, not ${values.profile}`);
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
    api = spawn(process.execPath, apiNodeArguments(path.join(repoRoot, 'dist', 'bench', 'serve-api.js')), {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production', RATE_LIMIT_VIEWER_POINTS: '1000000000', RATE_LIMIT_ADDRESS_POINTS: '1000000000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForListening(api);
    const connections = Number(values.connections);
    const durationSeconds = Number(values.duration);
    log(`profile ${profile}: ${connections} connections for ${durationSeconds} s on the demo data; before: ${machineLoad()}`);
    const report = await runLoad(db, { url: `http://127.0.0.1:${port}`, connections, durationSeconds, profile });
    log(`after: ${machineLoad()}`);
    const table = [
      '| figure | value |',
      '|---|---|',
      `| requests | ${report.requests} (${report.reads} reads, ${report.writes} writes) |`,
      `| mix measured | ${Object.entries(report.mix).map(([name, answers]) => `${name} ${answers}`).join('; ')} |`,
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
