/**
 * The articulation rules of DOMAIN.md as a pure function over plain data: no database, no
 * GraphQL. Callers load the data (advising/route-data.ts does it in a fixed number of
 * statements) and may run this for many learners, or many what-if questions, at once.
 */

export type AgreementStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'EXPIRED';
export type RouteItemStatus = 'COUNTED' | 'DUPLICATE' | 'EXPIRED' | 'REVOKED' | 'LEVEL_TOO_LOW' | 'NOT_YET_AWARDED' | 'NO_AGREEMENT';

export interface EngineProgram {
  id: number;
  totalCredits: number;
  residencyCredits: number;
  /** Share of total credits, 0 to 1. */
  priorLearningCap: number;
}

export interface EngineMapping {
  credentialId: number;
  credits: number;
  courseEquivalent: string | null;
  minMasteryLevel: number | null;
}

export interface EngineStage {
  position: number;
  requirement: 'ALL' | 'AT_LEAST';
  requiredCount: number | null;
  credentialIds: number[];
}

export interface EngineAgreement {
  id: number;
  status: AgreementStatus;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  effectiveTo: string | null;
  recencyYears: number | null;
  mappings: EngineMapping[];
  /** Stages of the newest published version of the block pathway, resolved by the caller. */
  block: { credits: number; pathwayId: number; stages: EngineStage[] } | null;
}

export interface EngineAward {
  /** null for a hypothetical award (what-if, next steps). */
  id: number | null;
  credentialId: number;
  /** YYYY-MM-DD */
  awardedOn: string;
  masteryLevel: number | null;
  revoked: boolean;
  /** YYYY-MM-DD: the day a revocation takes effect; a revoked award without one is revoked from any date. */
  revokedOn?: string | null;
}

export interface EngineCredential {
  id: number;
  title: string;
  workloadHours: number;
}

export interface RouteInput {
  asOf: string;
  program: EngineProgram;
  /** Every agreement into the program; rule 1 decides which count. */
  agreements: EngineAgreement[];
  /** Every award the learner holds. */
  awards: EngineAward[];
  /** Sum of the learner's APPROVED prior-learning claims for this program. */
  approvedPriorLearningCredits: number;
  /** At least every credential named by mappings, stages and awards. */
  credentials: ReadonlyMap<number, EngineCredential>;
}

export interface RouteItem {
  awardId: number | null;
  credentialId: number;
  agreementId: number | null;
  courseEquivalent: string | null;
  credits: number;
  status: RouteItemStatus;
}

export interface NextStep {
  credentialId: number;
  creditsGained: number;
  workloadHours: number;
  creditsPerHour: number;
}

export interface RouteResult {
  asOf: string;
  programId: number;
  totalCredits: number;
  appliedCredits: number;
  remainingCredits: number;
  articulatedCredits: number;
  blockCredits: number;
  priorLearningCredits: number;
  creditsCutByLimits: number;
  items: RouteItem[];
  missingCredentialIds: number[];
  nextSteps: NextStep[];
}

type Failure = 'NOT_YET_AWARDED' | 'REVOKED' | 'LEVEL_TOO_LOW' | 'EXPIRED';

interface Option {
  agreement: EngineAgreement;
  mapping: EngineMapping;
}

interface Assessment {
  award: EngineAward;
  /** Position in the items' order (rule 3's first tie-break). */
  rank: number;
  /** Every mapping the award is valid for, largest credits first. */
  validOptions: Option[];
  /** The mapping the award is valid for or, when it is valid for none, the one its failure is reported against; null = NO_AGREEMENT. */
  option: Option | null;
  failure: Failure | null;
}

type ValidAssessment = Assessment & { option: Option; failure: null };

/** Credits are decimals such as 1.5; the engine adds whole hundredths so that 0.1 + 0.2 is exactly 0.3. */
const toCents = (credits: number) => Math.round(credits * 100);
const toCredits = (cents: number) => cents / 100;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Calendar arithmetic on YYYY-MM-DD; 29 February becomes 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = year + years;
  const targetDay = month === 2 && day === 29 && !isLeapYear(target) ? 28 : day;
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** Rule 1 (ISO dates compare as strings). */
export function isCounting(agreement: EngineAgreement, asOf: string): boolean {
  return agreement.status === 'ACTIVE' && agreement.effectiveFrom <= asOf && (agreement.effectiveTo === null || asOf <= agreement.effectiveTo);
}

/** The earliest award date an agreement accepts on `asOf`, computed once per agreement and date. */
const cutoffs = new WeakMap<EngineAgreement, { asOf: string; cutoff: string }>();

function recencyCutoff(agreement: EngineAgreement, asOf: string, years: number): string {
  const known = cutoffs.get(agreement);
  if (known?.asOf === asOf) return known.cutoff;
  const cutoff = addYears(asOf, -years);
  cutoffs.set(agreement, { asOf, cutoff });
  return cutoff;
}

/** The part of rule 2 that needs no agreement: awarded by `asOf`, and not revoked on or before it. */
function heldFailure(award: EngineAward, asOf: string): 'NOT_YET_AWARDED' | 'REVOKED' | null {
  if (award.awardedOn > asOf) return 'NOT_YET_AWARDED';
  if (award.revoked && (award.revokedOn == null || award.revokedOn <= asOf)) return 'REVOKED';
  return null;
}

/** Rule 2 in DOMAIN.md's order; null when the award is valid. */
function failureOf(award: EngineAward, agreement: EngineAgreement, minMasteryLevel: number | null, asOf: string): Failure | null {
  const held = heldFailure(award, asOf);
  if (held) return held;
  if (minMasteryLevel !== null && (award.masteryLevel === null || award.masteryLevel < minMasteryLevel)) return 'LEVEL_TOO_LOW';
  if (agreement.recencyYears !== null && award.awardedOn < recencyCutoff(agreement, asOf, agreement.recencyYears)) return 'EXPIRED';
  return null;
}

/** The items' order, which is also rule 3's tie-break: earliest award, then lowest id, hypothetical last. */
function byDateThenId(a: EngineAward, b: EngineAward): number {
  if (a.awardedOn !== b.awardedOn) return a.awardedOn < b.awardedOn ? -1 : 1;
  if (a.id === b.id) return 0;
  if (a.id === null) return 1;
  if (b.id === null) return -1;
  return a.id - b.id;
}

function assess(award: EngineAward, rank: number, options: Option[], asOf: string): Assessment {
  const validOptions = options.filter(({ agreement, mapping }) => failureOf(award, agreement, mapping.minMasteryLevel, asOf) === null);
  if (validOptions.length) return { award, rank, validOptions, option: validOptions[0], failure: null };
  const reported = options[0] ?? null;
  // An award not yet made, or revoked, says so even where no agreement maps its credential.
  if (reported === null) return { award, rank, validOptions, option: null, failure: heldFailure(award, asOf) };
  return { award, rank, validOptions, option: reported, failure: failureOf(award, reported.agreement, reported.mapping.minMasteryLevel, asOf) };
}

const isValid = (assessment: Assessment): assessment is ValidAssessment => assessment.option !== null && assessment.failure === null;

/** A credit mapping without a course equivalent competes with no other credential. */
const keyOf = (credentialId: number, mapping: EngineMapping) => (mapping.courseEquivalent === null ? `credential:${credentialId}` : `course:${mapping.courseEquivalent}`);

/** Rule 3's second tie-break: course equivalents in code order, mappings without one after them. */
function byCode(a: string, b: string): number {
  const aCourse = a.startsWith('course:');
  if (aCourse !== b.startsWith('course:')) return aCourse ? -1 : 1;
  if (!aCourse) return Number(a.slice(11)) - Number(b.slice(11));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One award of a credential, counted for one course equivalent through one mapping. */
interface Pair {
  assessment: ValidAssessment;
  option: Option;
  key: string;
  cents: number;
}

/**
 * Rule 3: each credential counts once and each course equivalent once, for the most credits in
 * total; among equal totals, the assignment counting the earlier awards (compared award by award in
 * the items' order), then the one giving those awards the course equivalents first in code order.
 * Every mapping each award is valid for takes part, so a credential can move to its second course
 * equivalent to free the first for another credential.
 *
 * For each credential and course equivalent only one pair can matter: the most credits, then the
 * earliest award, then the lowest agreement id (a later or smaller pair on the same course
 * equivalent would only lose a tie-break). Where each credential then has one course equivalent
 * (the usual case), the best assignment is the best credential of each course equivalent. Otherwise
 * each connected group of credentials and course equivalents is solved by the Hungarian method on
 * exact weights that order assignments by credits, then earlier awards, then code order.
 */
function countedPairs(valid: ValidAssessment[]): Map<Assessment, Option> {
  const byCredential = new Map<number, Map<string, Pair>>();
  for (const assessment of valid) {
    const credentialId = assessment.award.credentialId;
    let byKey = byCredential.get(credentialId);
    if (!byKey) byCredential.set(credentialId, (byKey = new Map()));
    // Awards come in rank order and options largest credits first, lowest agreement id on a tie.
    for (const option of assessment.validOptions) {
      const key = keyOf(credentialId, option.mapping);
      const cents = toCents(option.mapping.credits);
      const known = byKey.get(key);
      if (!known || cents > known.cents) byKey.set(key, { assessment, option, key, cents });
    }
  }
  const counted = new Map<Assessment, Option>();
  const better = (a: Pair, b: Pair) => a.cents > b.cents || (a.cents === b.cents && a.assessment.rank < b.assessment.rank);
  const rows = [...byCredential.values()];
  if (rows.every((byKey) => byKey.size === 1)) {
    const bestByKey = new Map<string, Pair>();
    for (const byKey of rows) {
      for (const pair of byKey.values()) {
        const known = bestByKey.get(pair.key);
        if (!known || better(pair, known)) bestByKey.set(pair.key, pair);
      }
    }
    for (const pair of bestByKey.values()) counted.set(pair.assessment, pair.option);
    return counted;
  }
  for (const group of connectedGroups(rows)) {
    for (const pair of bestAssignment(group)) counted.set(pair.assessment, pair.option);
  }
  return counted;
}

/** Credentials linked through shared course equivalents; each group's assignment is independent of the others. */
function connectedGroups(rows: Map<string, Pair>[]): Map<string, Pair>[][] {
  const parent = rows.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
  const ownerOfKey = new Map<string, number>();
  rows.forEach((byKey, index) => {
    for (const key of byKey.keys()) {
      const owner = ownerOfKey.get(key);
      if (owner === undefined) ownerOfKey.set(key, index);
      else parent[find(index)] = find(owner);
    }
  });
  const groups = new Map<number, Map<string, Pair>[]>();
  rows.forEach((byKey, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), byKey]);
  });
  return [...groups.values()];
}

/** The best assignment of one group, by exact integer weights (see countedPairs). */
function bestAssignment(rows: Map<string, Pair>[]): Pair[] {
  if (rows.length === 1) {
    // One credential: its best pair alone, by credits then code order (every pair has the same award rank or a later one).
    let best: Pair | undefined;
    for (const pair of rows[0].values()) {
      if (!best || pair.cents > best.cents || (pair.cents === best.cents && (pair.assessment.rank < best.assessment.rank || (pair.assessment.rank === best.assessment.rank && byCode(pair.key, best.key) < 0)))) best = pair;
    }
    return best && best.cents >= 0 ? [best] : [];
  }
  const keys = [...new Set(rows.flatMap((byKey) => [...byKey.keys()]))].sort(byCode);
  const ranks = [...new Set(rows.flatMap((byKey) => [...byKey.values()].map((pair) => pair.assessment.rank)))].sort((a, b) => a - b);
  const place = new Map(ranks.map((rank, index) => [rank, ranks.length - 1 - index]));
  // Weight = credits · 2^a · B^a + Σ 2^place + Σ (K − code index) · B^place: each part's total stays below one step of the part before it.
  const base = BigInt(keys.length + 1);
  const a = BigInt(ranks.length);
  const courseStep = base ** a;
  const centStep = (1n << a) * courseStep;
  const weight = (pair: Pair) => {
    const at = BigInt(place.get(pair.assessment.rank)!);
    return BigInt(pair.cents) * centStep + (1n << at) * courseStep + BigInt(keys.length - keys.indexOf(pair.key)) * base ** at;
  };
  const cost = rows.map((byKey) => [...keys.map((key) => {
    const pair = byKey.get(key);
    return pair ? -weight(pair) : 0n;
  }), ...rows.map(() => 0n)]);
  const chosen: Pair[] = [];
  leastCostAssignment(cost).forEach((column, row) => {
    const pair = column < keys.length ? rows[row].get(keys[column]) : undefined;
    if (pair) chosen.push(pair);
  });
  return chosen;
}

/** Hungarian method (Kuhn–Munkres) on exact integers: the column assigned to each row, for the least total cost; needs rows ≤ columns. */
function leastCostAssignment(cost: bigint[][]): number[] {
  const rows = cost.length;
  const columns = cost[0]?.length ?? 0;
  // 1-based potentials and links, column 0 being the row currently being placed; null slack is infinite.
  const rowPotential = new Array<bigint>(rows + 1).fill(0n);
  const columnPotential = new Array<bigint>(columns + 1).fill(0n);
  const rowOfColumn = new Array<number>(columns + 1).fill(0);
  const previousColumn = new Array<number>(columns + 1).fill(0);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    const slack = new Array<bigint | null>(columns + 1).fill(null);
    const visited = new Array<boolean>(columns + 1).fill(false);
    let column = 0;
    do {
      visited[column] = true;
      const placing = rowOfColumn[column];
      let delta: bigint | null = null;
      let next = 0;
      for (let j = 1; j <= columns; j++) {
        if (visited[j]) continue;
        const reduced = cost[placing - 1][j - 1] - rowPotential[placing] - columnPotential[j];
        const known = slack[j];
        if (known === null || reduced < known) {
          slack[j] = reduced;
          previousColumn[j] = column;
        }
        const current = slack[j]!;
        if (delta === null || current < delta) {
          delta = current;
          next = j;
        }
      }
      const step = delta ?? 0n;
      for (let j = 0; j <= columns; j++) {
        if (visited[j]) {
          rowPotential[rowOfColumn[j]] += step;
          columnPotential[j] -= step;
        } else if (slack[j] !== null) {
          slack[j] = slack[j]! - step;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = previousColumn[column];
      rowOfColumn[column] = rowOfColumn[previous];
      column = previous;
    } while (column !== 0);
  }
  const assigned = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j++) if (rowOfColumn[j] !== 0) assigned[rowOfColumn[j] - 1] = j - 1;
  return assigned;
}

/** Rule 4 for one agreement, and the credentials its unsatisfied stages still need. */
function blockOutcome(agreement: EngineAgreement, awards: EngineAward[], asOf: string): { cents: number; missing: number[]; held: number[] } {
  if (!agreement.block) return { cents: 0, missing: [], held: [] };
  // Valid for the agreement: for one of its mappings of the credential (the lowest minimum level), or under rule 2 alone where it maps none.
  const levels = new Map<number, number | null>();
  for (const { credentialId, minMasteryLevel } of agreement.mappings) {
    const known = levels.get(credentialId);
    levels.set(credentialId, known === undefined ? minMasteryLevel : known === null || minMasteryLevel === null ? null : Math.min(known, minMasteryLevel));
  }
  const holds = (credentialId: number) =>
    awards.some((award) => award.credentialId === credentialId && failureOf(award, agreement, levels.get(credentialId) ?? null, asOf) === null);
  // An AT_LEAST stage without a count asks for all its credentials rather than for none.
  const required = (stage: EngineStage) => (stage.requirement === 'AT_LEAST' && stage.requiredCount !== null ? stage.requiredCount : stage.credentialIds.length);
  const stages = [...agreement.block.stages].sort((a, b) => a.position - b.position);
  const unsatisfied = stages.filter((stage) => stage.credentialIds.filter(holds).length < required(stage));
  // No stages means the caller found no published version: nothing has been completed.
  const complete = stages.length > 0 && unsatisfied.length === 0;
  return {
    cents: complete ? toCents(agreement.block.credits) : 0,
    missing: unsatisfied.flatMap((stage) => stage.credentialIds.filter((credentialId) => !holds(credentialId))),
    held: [...new Set(stages.flatMap((stage) => stage.credentialIds))].filter(holds),
  };
}

interface Evaluation {
  route: Omit<RouteResult, 'nextSteps'>;
  appliedCents: number;
  /** Credentials the learner holds an award for that is valid under some counting mapping or for some counting agreement whose block pathway names it. */
  validCredentialIds: Set<number>;
}

/** What does not depend on the awards: the counting agreements and each credential's options. */
interface Prepared {
  counting: EngineAgreement[];
  options: Map<number, Option[]>;
  /** The mastery level a hypothetical award of each credential needs (see levelToSatisfy). */
  levels: Map<number, number | null>;
}

function prepare(input: RouteInput): Prepared {
  const counting = input.agreements.filter((agreement) => isCounting(agreement, input.asOf));
  const options = new Map<number, Option[]>();
  for (const agreement of counting) {
    for (const mapping of agreement.mappings) options.set(mapping.credentialId, [...(options.get(mapping.credentialId) ?? []), { agreement, mapping }]);
  }
  for (const list of options.values()) list.sort((a, b) => b.mapping.credits - a.mapping.credits || a.agreement.id - b.agreement.id);
  const levels = new Map<number, number | null>();
  for (const agreement of input.agreements) {
    for (const { credentialId, minMasteryLevel } of agreement.mappings) {
      const known = levels.get(credentialId) ?? null;
      levels.set(credentialId, minMasteryLevel === null ? known : Math.max(known ?? minMasteryLevel, minMasteryLevel));
    }
  }
  return { counting, options, levels };
}

function evaluate(input: RouteInput, { counting, options }: Prepared = prepare(input)): Evaluation {
  const { asOf, program } = input;
  const awards = [...input.awards].sort(byDateThenId);
  const assessments = awards.map((award, rank) => assess(award, rank, options.get(award.credentialId) ?? [], asOf));
  const valid = assessments.filter(isValid);
  const counted = countedPairs(valid);
  const items: RouteItem[] = assessments.map((assessment) => {
    const { award, failure } = assessment;
    const countedOption = counted.get(assessment);
    // A counted award names the mapping it counts through; any other names its largest valid mapping, or the one it fails.
    const option = countedOption ?? assessment.option;
    return {
      awardId: award.id,
      credentialId: award.credentialId,
      agreementId: option?.agreement.id ?? null,
      courseEquivalent: option?.mapping.courseEquivalent ?? null,
      credits: countedOption ? toCredits(toCents(countedOption.mapping.credits)) : 0,
      status: failure ?? (option === null ? 'NO_AGREEMENT' : countedOption ? 'COUNTED' : 'DUPLICATE'),
    };
  });

  const blocks = counting.map((agreement) => blockOutcome(agreement, awards, asOf));
  const articulated = items.reduce((sum, item) => sum + toCents(item.credits), 0);
  const block = blocks.reduce((sum, outcome) => sum + outcome.cents, 0);
  const prior = toCents(input.approvedPriorLearningCredits);
  // The epsilon undoes binary floating point: 0.29 × 100 is 28.999999999999996, not 29.
  const priorCap = toCents(Math.floor(program.priorLearningCap * program.totalCredits + 1e-9));
  const outsideLimit = toCents(program.totalCredits - program.residencyCredits);
  // Rule 6 applies to what rule 5 leaves; prior learning is added last, so it is what gets cut.
  const applied = Math.min(articulated + block + Math.min(prior, priorCap), outsideLimit);

  return {
    appliedCents: applied,
    validCredentialIds: new Set([...valid.map(({ award }) => award.credentialId), ...blocks.flatMap((outcome) => outcome.held)]),
    route: {
      asOf,
      programId: program.id,
      totalCredits: program.totalCredits,
      appliedCredits: toCredits(applied),
      remainingCredits: toCredits(toCents(program.totalCredits) - applied),
      articulatedCredits: toCredits(articulated),
      blockCredits: toCredits(block),
      priorLearningCredits: toCredits(prior),
      creditsCutByLimits: toCredits(articulated + block + prior - applied),
      items,
      missingCredentialIds: [...new Set(blocks.flatMap((outcome) => outcome.missing))],
    },
  };
}

/** The mastery level a hypothetical award needs to satisfy every mapping of its credential. */
function levelToSatisfy(agreements: EngineAgreement[], credentialId: number): number | null {
  const levels = agreements.flatMap((agreement) =>
    agreement.mappings.flatMap((mapping) => (mapping.credentialId === credentialId && mapping.minMasteryLevel !== null ? [mapping.minMasteryLevel] : [])),
  );
  return levels.length ? Math.max(...levels) : null;
}

/** What-if: the same input, as if the learner also earned these credentials on `asOf`. */
export function withHypotheticalAwards(input: RouteInput, credentialIds: number[]): RouteInput {
  const added = credentialIds.map((credentialId) => ({
    id: null,
    credentialId,
    awardedOn: input.asOf,
    masteryLevel: levelToSatisfy(input.agreements, credentialId),
    revoked: false,
  }));
  return { ...input, awards: [...input.awards, ...added] };
}

function credentialOf(input: RouteInput, credentialId: number): EngineCredential {
  const credential = input.credentials.get(credentialId);
  if (!credential) throw new Error(`Route input names credential ${credentialId} but does not describe it`);
  return credential;
}

/** Applied credits alone, for reports over many learners: no items' detail, no next steps. */
export function appliedCredits(input: RouteInput): number {
  return toCredits(evaluate(input).appliedCents);
}

/** Rule 7's order: credits per workload hour, then credits gained, then title (then id, so the order is total). */
type Ranked = { step: NextStep; gainedCents: number; title: string };
const byRank = (a: Ranked, b: Ranked) =>
  b.step.creditsPerHour - a.step.creditsPerHour || b.gainedCents - a.gainedCents || a.title.localeCompare(b.title) || a.step.credentialId - b.step.credentialId;

const perHour = (cents: number, workloadHours: number) => Math.round((cents * 100) / workloadHours) / 10000;

/** A route whose next steps are ranked on demand, as many as are asked for. */
export type RoutePlan = Omit<RouteResult, 'nextSteps'> & {
  /** The best `limit` next steps (all when omitted): always the first `limit` of the full ranking. */
  nextSteps(limit?: number): NextStep[];
};

/**
 * The route, with rule 7's next steps ranked lazily. Earning a credential can raise applied
 * credit by at most its best mapping's credits plus the block credit of every pathway naming it,
 * and never past the limit on credit from outside: candidates are tried in order of that bound's
 * rate, and the search stops once no untried candidate could rank among the first `limit`.
 */
export function planRoute(input: RouteInput): RoutePlan {
  // Every candidate next step is evaluated against the same agreements: prepare them once.
  const prepared = prepare(input);
  const { route, appliedCents, validCredentialIds } = evaluate(input, prepared);
  const { program } = input;
  const room = toCents(program.totalCredits - program.residencyCredits) - appliedCents;
  const blockCentsOf = new Map<number, number>();
  for (const agreement of prepared.counting) {
    if (!agreement.block) continue;
    const named = new Set(agreement.block.stages.flatMap((stage) => stage.credentialIds));
    for (const credentialId of named) blockCentsOf.set(credentialId, (blockCentsOf.get(credentialId) ?? 0) + toCents(agreement.block.credits));
  }
  // Rule 7: credentials mapped by a counting agreement and credentials of counting agreements' block pathways.
  const candidateIds = new Set([...prepared.options.keys(), ...blockCentsOf.keys()]);
  const candidates = [...candidateIds]
    .filter((credentialId) => !validCredentialIds.has(credentialId))
    .map((credentialId) => {
      const { workloadHours, title } = credentialOf(input, credentialId);
      // A new award adds at most its credential's largest mapping to the best assignment (one augmenting path), plus every block naming it.
      const largest = prepared.options.get(credentialId)?.[0]?.mapping.credits ?? 0;
      const bound = Math.min(room, toCents(largest) + (blockCentsOf.get(credentialId) ?? 0));
      return { credentialId, workloadHours, title, bound, boundRate: perHour(bound, workloadHours) };
    })
    .filter((candidate) => candidate.bound > 0)
    .sort((a, b) => b.boundRate - a.boundRate || b.bound - a.bound);

  const nextSteps = (limit = Infinity): NextStep[] => {
    const ranked: Ranked[] = [];
    for (const candidate of candidates) {
      if (ranked.length >= limit) {
        const last = ranked[limit - 1];
        if (last.step.creditsPerHour > candidate.boundRate || (last.step.creditsPerHour === candidate.boundRate && last.gainedCents > candidate.bound)) break;
      }
      const { credentialId, workloadHours, title } = candidate;
      const hypothetical: EngineAward = { id: null, credentialId, awardedOn: input.asOf, masteryLevel: prepared.levels.get(credentialId) ?? null, revoked: false };
      const gainedCents = evaluate({ ...input, awards: [...input.awards, hypothetical] }, prepared).appliedCents - appliedCents;
      if (gainedCents <= 0) continue;
      const entry: Ranked = { step: { credentialId, creditsGained: toCredits(gainedCents), workloadHours, creditsPerHour: perHour(gainedCents, workloadHours) }, gainedCents, title };
      let at = ranked.length;
      while (at > 0 && byRank(entry, ranked[at - 1]) < 0) at -= 1;
      ranked.splice(at, 0, entry);
    }
    return ranked.slice(0, limit).map((entry) => entry.step);
  };
  return { ...route, nextSteps };
}

/** The whole route, every one of rule 7's next steps included. */
export function computeRoute(input: RouteInput): RouteResult {
  const { nextSteps, ...route } = planRoute(input);
  return { ...route, nextSteps: nextSteps() };
}
