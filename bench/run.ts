import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from '../api/src/core/config';
import { createDataSource } from '../api/src/core/database';
import { withDatabase } from '../api/src/core/db-url';
import { startEmbeddedPostgres } from '../api/src/core/embedded';
import { toGlobalId } from '../api/src/core/ids';
import { issueToken } from '../api/src/modules/accounts/auth.service';
import { Role, User } from '../api/src/modules/accounts/user.entity';
import { startServer } from '../api/src/server';
import { generate, SIZES } from './generate';

const ROUTES = `query($learner: ID!) {
  learnerRoutes(learnerId: $learner, asOf: "2026-11-22") {
    degreeProgram { title } appliedCredits remainingCredits articulatedCredits blockCredits priorLearningCredits creditsCutByLimits
    items { status credits courseEquivalent credential { title } }
    missingCredentials { title }
    nextSteps(first: 10) { credential { title } creditsGained creditsPerHour }
  }
}`;

const IMPACT = `query($agreement: ID!, $change: AgreementChangeInput!) {
  agreementImpact(agreementId: $agreement, change: $change, asOf: "2026-11-22") { learnersConsidered changes { learner { id } difference } }
}`;

/** A small seeded PRNG, so every run routes the same learners. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, routes: { type: 'string', default: '400' } } });
  const size = SIZES[values.size as 'S' | 'M'];
  if (!size) throw new Error('--size must be S or M');
  const routeSamples = Number(values.routes);

  const log = (line: string) => console.log(`[bench] ${line}`);
  process.env.AUTH_SECRET ??= 'a benchmark-only secret that is long enough to sign';
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-bench-'));
    fs.chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
    serverUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const database = `pathforge_bench_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const db = createDataSource({ url: withDatabase(serverUrl, database), poolSize: 10 });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    log(`generating size ${values.size}: ${size.learners} learners, ${size.programs} programs, ${size.agreements} agreements`);
    const started = performance.now();
    await generate(db, size, (step, millis) => log(`  ${step.padEnd(22)} ${ms(millis)}`));
    const counts = (await db.query(`SELECT (SELECT count(*) FROM learner)::int AS learners, (SELECT count(*) FROM award)::int AS awards,
      (SELECT count(*) FROM degree_program)::int AS programs, (SELECT count(*) FROM articulation_agreement)::int AS agreements,
      (SELECT count(*) FROM credit_mapping)::int AS mappings`))[0];
    log(`generated in ${ms(performance.now() - started)}: ${JSON.stringify(counts)}`);

    // Latency is measured as in production: no per-request SQL counting (it needs async hooks).
    const server = await startServer(db, 0, { countSqlStatements: false });
    const counting = await startServer(db, 0, { countSqlStatements: true });
    const user = await db.getRepository(User).save({ email: 'bench@bench.test', displayName: 'Bench', role: Role.ADMIN, passwordHash: 'unused' });
    const { token } = await issueToken(user);
    const post = async (query: string, variables: Record<string, unknown>, url = server.url) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { body, statements: Number(response.headers.get('x-sql-statements')) };
    };

    const random = mulberry32(7);
    const learnerId = () => toGlobalId('Learner', 1 + Math.floor(random() * size.learners));
    for (let i = 0; i < 30; i += 1) await post(ROUTES, { learner: learnerId() });
    const latencies: number[] = [];
    let routes = 0;
    for (let i = 0; i < routeSamples; i += 1) {
      const t = performance.now();
      const { body } = await post(ROUTES, { learner: learnerId() });
      latencies.push(performance.now() - t);
      routes += (body.data?.learnerRoutes as unknown[]).length;
    }
    latencies.sort((a, b) => a - b);
    const statements = new Set<number>();
    for (let i = 0; i < 50; i += 1) statements.add((await post(ROUTES, { learner: learnerId() }, counting.url)).statements);

    const mapped: { credential_id: number; credits: string }[] = await db.query(`SELECT credential_id, credits FROM credit_mapping WHERE agreement_id = 1`);
    const change = { credits: mapped.map((m) => ({ credentialId: toGlobalId('Credential', m.credential_id), credits: Number(m.credits) + 1 })) };
    const impactTimes: number[] = [];
    let impact: { learnersConsidered: number; changes: unknown[] } | undefined;
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      const { body } = await post(IMPACT, { agreement: toGlobalId('ArticulationAgreement', 1), change });
      impactTimes.push(performance.now() - t);
      impact = body.data?.agreementImpact as typeof impact;
    }
    impactTimes.sort((a, b) => a - b);
    await server.stop();
    await counting.stop();

    const rows = [
      ['learnerRoutes p50', ms(percentile(latencies, 50)), '—'],
      ['learnerRoutes p99', ms(percentile(latencies, 99)), '< 20 ms'],
      ['learnerRoutes routes per learner (mean)', (routes / routeSamples).toFixed(1), '—'],
      ['learnerRoutes SQL statements per request', [...statements].join(', '), 'fixed'],
      ['agreementImpact median of 3', ms(impactTimes[1]), '< 2000 ms'],
      ['agreementImpact learners re-routed / changed', `${impact?.learnersConsidered} / ${impact?.changes.length}`, '~5,000'],
    ];
    const table = [
      `Articulation benchmark, size ${values.size} (${counts.learners} learners, ${counts.awards} awards, ${counts.programs} programs, ${counts.agreements} agreements, ${counts.mappings} mappings), ${routeSamples} random learners over HTTP, ${os.cpus().length} cores`,
      '',
      '| figure | value | target |',
      '|---|---|---|',
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n');
    console.log(`\n${table}\n`);
    fs.writeFileSync(path.join(repoRoot, 'bench', 'results.md'), `# Benchmark results\n\n${table}\n`);
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
