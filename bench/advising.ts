import { DataSource } from 'typeorm';
import { toGlobalId } from '../api/src/core/ids';
import { Size } from './generate';

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

/** A small seeded PRNG, so every run asks about the same records. */
export function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Post = (query: string, variables: Record<string, unknown>, url?: string) => Promise<{ body: { data?: Record<string, unknown> }; statements: number }>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const RUNS = 3;
const EDIT_EVERY_MS = 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianAndRange = (values: number[]) => `${ms(median(values))} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;

/** RUNS runs of `samples` requests one at a time: each run's p50 and p99. */
async function timedRuns(samples: number, request: () => Promise<unknown>): Promise<{ p50s: number[]; p99s: number[] }> {
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const latencies: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const t = performance.now();
      await request();
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    p50s.push(percentile(latencies, 50));
    p99s.push(percentile(latencies, 99));
  }
  return { p50s, p99s };
}

/**
 * The advising figures: learnerRoutes one request at a time, three runs of `samples` random
 * learners (p50, p99, routes per learner, statements per request from the counting server), three
 * more while agreements are edited, and
 * agreementImpact of raising every mapping of agreement 1 by a credit, median of three. Rows of
 * figure, value, target.
 */
export async function measureAdvising(db: DataSource, size: Size, samples: number, post: Post, countingUrl: string): Promise<string[][]> {
  const random = mulberry32(7);
  const learnerId = () => toGlobalId('Learner', 1 + Math.floor(random() * size.learners));
  for (let i = 0; i < 30; i += 1) await post(ROUTES, { learner: learnerId() });
  // Three runs of `samples` learners each, as the other figures: one run's p99 (its fourth-slowest
  // request of 400) swings with whatever else the machine does.
  let routes = 0;
  const { p50s, p99s } = await timedRuns(samples, async () => {
    const { body } = await post(ROUTES, { learner: learnerId() });
    routes += (body.data?.learnerRoutes as unknown[]).length;
  });
  const statements = new Set<number>();
  for (let i = 0; i < 50; i += 1) statements.add((await post(ROUTES, { learner: learnerId() }, countingUrl)).statements);

  // The same, while a registrar edits one agreement every EDIT_EVERY_MS straight in SQL: each edit
  // notifies every process, which drops the programs it names.
  let editing = true;
  let edits = 0;
  const editor = (async () => {
    const edit = mulberry32(11);
    while (editing) {
      await db.query(`UPDATE articulation_agreement SET title = title WHERE id = $1`, [1 + Math.floor(edit() * size.agreements)]);
      edits += 1;
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS));
    }
  })();
  const edited = await timedRuns(samples, () => post(ROUTES, { learner: learnerId() }));
  editing = false;
  await editor;

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
  return [
    ['learnerRoutes p50, median (range) of 3 runs', medianAndRange(p50s), '—'],
    ['learnerRoutes p99, median (range) of 3 runs', medianAndRange(p99s), '< 20 ms'],
    [`learnerRoutes p50 while an agreement is edited every ${EDIT_EVERY_MS} ms (${edits} edits), median (range) of 3 runs`, `${medianAndRange(edited.p50s)}, ${(median(edited.p50s) / median(p50s)).toFixed(2)}× quiet`, '—'],
    [`learnerRoutes p99 while an agreement is edited every ${EDIT_EVERY_MS} ms, median (range) of 3 runs`, `${medianAndRange(edited.p99s)}, ${(median(edited.p99s) / median(p99s)).toFixed(2)}× quiet`, '—'],
    ['learnerRoutes routes per learner (mean)', (routes / (samples * RUNS)).toFixed(1), '—'],
    ['learnerRoutes SQL statements per request', [...statements].sort((a, b) => a - b).join(', '), 'fixed'],
    ['agreementImpact median of 3', ms(median(impactTimes)), '< 2000 ms'],
    ['agreementImpact learners re-routed / changed', `${impact?.learnersConsidered} / ${impact?.changes.length}`, '~5,000'],
  ];
}
