/**
 * The articulation rules of DOMAIN.md as a pure function over plain data: no database, no
 * GraphQL. Callers load the data (advising/route-data.ts does it in a fixed number of
 * statements) and may run this for many learners at once.
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
  awardedOn: string;
  masteryLevel: number | null;
  revoked: boolean;
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

/** Credits are decimals such as 1.5; sums are kept to hundredths so 0.1 + 0.2 stays 0.3. */
const round2 = (value: number) => Math.round(value * 100) / 100;

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

/** Rule 1: active, and in force on `asOf` (no end date = open-ended). */
export function isCounting(agreement: EngineAgreement, asOf: string): boolean {
  return agreement.status === 'ACTIVE' && agreement.effectiveFrom <= asOf && (agreement.effectiveTo === null || asOf <= agreement.effectiveTo);
}

/** Rule 2, checked in DOMAIN.md's order; null when the award is valid. */
function failureOf(award: EngineAward, agreement: EngineAgreement, mapping: EngineMapping | null, asOf: string): Failure | null {
  if (award.awardedOn > asOf) return 'NOT_YET_AWARDED';
  if (award.revoked) return 'REVOKED';
  if (mapping?.minMasteryLevel != null && (award.masteryLevel === null || award.masteryLevel < mapping.minMasteryLevel)) return 'LEVEL_TOO_LOW';
  if (agreement.recencyYears !== null && award.awardedOn < addYears(asOf, -agreement.recencyYears)) return 'EXPIRED';
  return null;
}

/** Awards in a stable order: by date, then id, hypothetical ones last. */
function byDateThenId(a: EngineAward, b: EngineAward): number {
  if (a.awardedOn !== b.awardedOn) return a.awardedOn < b.awardedOn ? -1 : 1;
  if (a.id === b.id) return 0;
  if (a.id === null) return 1;
  if (b.id === null) return -1;
  return a.id - b.id;
}

/** Mapping options for each credential in the counting agreements, most credits first. */
function optionsByCredential(counting: EngineAgreement[]): Map<number, Option[]> {
  const options = new Map<number, Option[]>();
  for (const agreement of counting) {
    for (const mapping of agreement.mappings) {
      options.set(mapping.credentialId, [...(options.get(mapping.credentialId) ?? []), { agreement, mapping }]);
    }
  }
  for (const list of options.values()) list.sort((a, b) => b.mapping.credits - a.mapping.credits || a.agreement.id - b.agreement.id);
  return options;
}

interface Evaluation {
  result: Omit<RouteResult, 'nextSteps'>;
  /** Credentials for which the learner holds an award valid under some counting mapping. */
  validCredentials: Set<number>;
}

interface Candidate {
  award: EngineAward;
  option: Option;
  item: RouteItem;
}

function evaluate(input: RouteInput): Evaluation {
  const { asOf, program } = input;
  const counting = input.agreements.filter((agreement) => isCounting(agreement, asOf));
  const options = optionsByCredential(counting);
  const awards = [...input.awards].sort(byDateThenId);
  const items: RouteItem[] = [];
  const candidates: Candidate[] = [];

  for (const award of awards) {
    const choices = options.get(award.credentialId) ?? [];
    const item: RouteItem = { awardId: award.id, credentialId: award.credentialId, agreementId: null, courseEquivalent: null, credits: 0, status: 'NO_AGREEMENT' };
    items.push(item);
    if (choices.length === 0) continue;
    const valid = choices.find((choice) => failureOf(award, choice.agreement, choice.mapping, asOf) === null);
    const shown = valid ?? choices[0];
    item.agreementId = shown.agreement.id;
    item.courseEquivalent = shown.mapping.courseEquivalent;
    if (valid) {
      candidates.push({ award, option: valid, item });
    } else {
      item.status = failureOf(award, shown.agreement, shown.mapping, asOf) as Failure;
    }
  }

  // Rule 3: one award per credential, then one credential per course equivalent; the most
  // credits wins, and on a tie the earliest award (candidates are already in award order).
  const better = (a: Candidate, b: Candidate) => a.option.mapping.credits > b.option.mapping.credits;
  const winners = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `credential:${candidate.award.credentialId}`;
    const current = winners.get(key);
    if (!current || better(candidate, current)) winners.set(key, candidate);
  }
  const counted = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (winners.get(`credential:${candidate.award.credentialId}`) !== candidate) continue;
    const course = candidate.option.mapping.courseEquivalent;
    const key = course === null ? `credential:${candidate.award.credentialId}` : `course:${course}`;
    const current = counted.get(key);
    if (!current || better(candidate, current)) counted.set(key, candidate);
  }
  const countedSet = new Set(counted.values());
  let articulated = 0;
  for (const candidate of candidates) {
    if (countedSet.has(candidate)) {
      candidate.item.status = 'COUNTED';
      candidate.item.credits = candidate.option.mapping.credits;
      articulated += candidate.option.mapping.credits;
    } else {
      candidate.item.status = 'DUPLICATE';
    }
  }

  // Rule 4: block credit when every stage of the block pathway is satisfied by valid awards.
  let block = 0;
  const missing: number[] = [];
  for (const agreement of counting) {
    if (!agreement.block || agreement.block.stages.length === 0) continue;
    const holdsValid = (credentialId: number) => {
      const mapping = agreement.mappings.find((m) => m.credentialId === credentialId) ?? null;
      return awards.some((award) => award.credentialId === credentialId && failureOf(award, agreement, mapping, asOf) === null);
    };
    let complete = true;
    for (const stage of agreement.block.stages) {
      const held = stage.credentialIds.filter(holdsValid);
      const needed = stage.requirement === 'ALL' ? stage.credentialIds.length : (stage.requiredCount ?? 1);
      const satisfied = stage.credentialIds.length > 0 && held.length >= needed;
      if (!satisfied) {
        complete = false;
        missing.push(...stage.credentialIds.filter((id) => !held.includes(id)));
      }
    }
    if (complete) block += agreement.block.credits;
  }

  // Rules 5 and 6: the prior-learning cap, then the limit on all credit from outside the
  // program, which cuts prior learning before articulated and block credit.
  const prior = input.approvedPriorLearningCredits;
  const priorAllowed = Math.min(prior, Math.floor(program.priorLearningCap * program.totalCredits));
  const outsideLimit = Math.max(0, program.totalCredits - program.residencyCredits);
  const beforeOutsideLimit = round2(articulated + block + priorAllowed);
  const applied = round2(Math.min(beforeOutsideLimit, outsideLimit));
  const cut = round2(prior - priorAllowed + (beforeOutsideLimit - applied));

  const validCredentials = new Set(candidates.map((candidate) => candidate.award.credentialId));
  return {
    validCredentials,
    result: {
      asOf,
      programId: program.id,
      totalCredits: program.totalCredits,
      appliedCredits: applied,
      remainingCredits: round2(program.totalCredits - applied),
      articulatedCredits: round2(articulated),
      blockCredits: round2(block),
      priorLearningCredits: round2(prior),
      creditsCutByLimits: cut,
      items,
      missingCredentialIds: [...new Set(missing)],
    },
  };
}

/** The mastery level a hypothetical award needs to satisfy every mapping of its credential. */
function levelFor(agreements: EngineAgreement[], credentialId: number): number | null {
  const levels = agreements.flatMap((a) => a.mappings.filter((m) => m.credentialId === credentialId && m.minMasteryLevel !== null).map((m) => m.minMasteryLevel as number));
  return levels.length ? Math.max(...levels) : null;
}

/** What-if: the same input with awards of these credentials earned on `asOf`. */
export function withHypotheticalAwards(input: RouteInput, credentialIds: number[]): RouteInput {
  const added = credentialIds.map((credentialId) => ({
    id: null,
    credentialId,
    awardedOn: input.asOf,
    masteryLevel: levelFor(input.agreements, credentialId),
    revoked: false,
  }));
  return { ...input, awards: [...input.awards, ...added] };
}

/** Applied credits alone, for reports over many learners (no next steps). */
export function appliedCredits(input: RouteInput): number {
  return evaluate(input).result.appliedCredits;
}

/** Rule 7: the full route, with next steps ranked by credits per workload hour. */
export function computeRoute(input: RouteInput): RouteResult {
  const { result, validCredentials } = evaluate(input);
  const counting = input.agreements.filter((agreement) => isCounting(agreement, input.asOf));
  const candidates = new Set(counting.flatMap((agreement) => agreement.mappings.map((mapping) => mapping.credentialId)));
  const nextSteps: NextStep[] = [];
  for (const credentialId of candidates) {
    if (validCredentials.has(credentialId)) continue;
    const gained = round2(evaluate(withHypotheticalAwards(input, [credentialId])).result.appliedCredits - result.appliedCredits);
    if (gained <= 0) continue;
    const workloadHours = input.credentials.get(credentialId)?.workloadHours ?? 0;
    nextSteps.push({
      credentialId,
      creditsGained: gained,
      workloadHours,
      creditsPerHour: workloadHours > 0 ? Math.round((gained / workloadHours) * 10000) / 10000 : 0,
    });
  }
  const title = (id: number) => input.credentials.get(id)?.title ?? '';
  nextSteps.sort((a, b) => b.creditsPerHour - a.creditsPerHour || b.creditsGained - a.creditsGained || title(a.credentialId).localeCompare(title(b.credentialId)));
  return { ...result, nextSteps };
}
