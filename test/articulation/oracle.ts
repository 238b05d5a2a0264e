import { addYears, EngineAgreement, EngineAward, NextStep, RouteInput, RouteItem, RouteResult } from '../../api/src/modules/articulation/engine';

/**
 * DOMAIN.md's articulation rules by brute force, written apart from the engine: rule 3 tries every
 * assignment of awards to the mappings they are valid for and keeps the best one under the rule's
 * own order (most credit, then earlier awards counted, then course equivalents in code order, then
 * the lowest agreement id). Only for small inputs: the search is exponential in the awards.
 */

const cents = (credits: number) => Math.round(credits * 100);

interface Option {
  agreement: EngineAgreement;
  credits: number;
  courseEquivalent: string | null;
  minMasteryLevel: number | null;
}

const counts = (agreement: EngineAgreement, asOf: string) =>
  agreement.status === 'ACTIVE' && agreement.effectiveFrom <= asOf && (agreement.effectiveTo === null || asOf <= agreement.effectiveTo);

function failure(award: EngineAward, agreement: EngineAgreement, minMasteryLevel: number | null, asOf: string): RouteItem['status'] | null {
  if (award.awardedOn > asOf) return 'NOT_YET_AWARDED';
  if (award.revoked && (award.revokedOn == null || award.revokedOn <= asOf)) return 'REVOKED';
  if (minMasteryLevel !== null && (award.masteryLevel === null || award.masteryLevel < minMasteryLevel)) return 'LEVEL_TOO_LOW';
  if (agreement.recencyYears !== null && award.awardedOn < addYears(asOf, -agreement.recencyYears)) return 'EXPIRED';
  return null;
}

/** The course equivalent an option takes up; one without a course equivalent takes up only its credential. */
const slot = (credentialId: number, option: Option) => (option.courseEquivalent === null ? `~${String(credentialId).padStart(12, '0')}` : `#${option.courseEquivalent}`);
/** Code order, options without a course equivalent after every code. */
const slotOrder = (a: string, b: string) => (a[0] !== b[0] ? (a[0] === '#' ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0);

const awardOrder = (a: EngineAward, b: EngineAward) =>
  a.awardedOn !== b.awardedOn ? (a.awardedOn < b.awardedOn ? -1 : 1) : a.id === b.id ? 0 : a.id === null ? 1 : b.id === null ? -1 : a.id - b.id;

type Choice = Option | null;

/** Negative when assignment a is better than b under rule 3. */
function compareAssignments(awards: EngineAward[], a: Choice[], b: Choice[]): number {
  const total = (choices: Choice[]) => choices.reduce((sum, choice) => sum + (choice ? cents(choice.credits) : 0), 0);
  if (total(a) !== total(b)) return total(b) - total(a);
  for (let i = 0; i < awards.length; i++) if (!a[i] !== !b[i]) return a[i] ? -1 : 1;
  for (let i = 0; i < awards.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) continue;
    const order = slotOrder(slot(awards[i].credentialId, x), slot(awards[i].credentialId, y));
    if (order !== 0) return order;
  }
  for (let i = 0; i < awards.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x && y && x.agreement.id !== y.agreement.id) return x.agreement.id - y.agreement.id;
  }
  return 0;
}

function route(input: RouteInput): Omit<RouteResult, 'nextSteps'> & { heldCredentialIds: Set<number> } {
  const { asOf, program } = input;
  const counting = input.agreements.filter((agreement) => counts(agreement, asOf));
  const optionsOf = (credentialId: number): Option[] =>
    counting
      .flatMap((agreement) => agreement.mappings.filter((mapping) => mapping.credentialId === credentialId).map((mapping) => ({ agreement, ...mapping })))
      // Stable: mappings of one agreement keep their order.
      .sort((a, b) => b.credits - a.credits || a.agreement.id - b.agreement.id);
  const awards = [...input.awards].sort(awardOrder);
  const valid = awards.map((award) => optionsOf(award.credentialId).filter((option) => failure(award, option.agreement, option.minMasteryLevel, asOf) === null));

  let best: Choice[] = awards.map(() => null);
  const current: Choice[] = awards.map(() => null);
  const usedCredentials = new Set<number>();
  const usedSlots = new Set<string>();
  const search = (i: number) => {
    if (i === awards.length) {
      if (compareAssignments(awards, current, best) < 0) best = [...current];
      return;
    }
    current[i] = null;
    search(i + 1);
    const { credentialId } = awards[i];
    if (usedCredentials.has(credentialId)) return;
    for (const option of valid[i]) {
      const taken = slot(credentialId, option);
      if (usedSlots.has(taken)) continue;
      usedCredentials.add(credentialId);
      usedSlots.add(taken);
      current[i] = option;
      search(i + 1);
      current[i] = null;
      usedCredentials.delete(credentialId);
      usedSlots.delete(taken);
    }
  };
  search(0);

  const items: RouteItem[] = awards.map((award, i) => {
    const all = optionsOf(award.credentialId);
    const counted = best[i];
    const shown = counted ?? valid[i][0] ?? all[0] ?? null;
    const held = award.awardedOn > asOf ? 'NOT_YET_AWARDED' : award.revoked && (award.revokedOn == null || award.revokedOn <= asOf) ? 'REVOKED' : null;
    const status: RouteItem['status'] = counted
      ? 'COUNTED'
      : valid[i].length
        ? 'DUPLICATE'
        : shown
          ? failure(award, shown.agreement, shown.minMasteryLevel, asOf)!
          : (held ?? 'NO_AGREEMENT');
    return {
      awardId: award.id,
      credentialId: award.credentialId,
      agreementId: shown?.agreement.id ?? null,
      courseEquivalent: shown?.courseEquivalent ?? null,
      credits: counted ? counted.credits : 0,
      status,
    };
  });

  const heldCredentialIds = new Set(awards.filter((_, i) => valid[i].length > 0).map((award) => award.credentialId));
  let blockCents = 0;
  const missing: number[] = [];
  for (const agreement of counting) {
    if (!agreement.block) continue;
    const levelFor = (credentialId: number) => {
      const levels = agreement.mappings.filter((mapping) => mapping.credentialId === credentialId).map((mapping) => mapping.minMasteryLevel);
      if (levels.length === 0 || levels.includes(null)) return null;
      return Math.min(...(levels as number[]));
    };
    const holds = (credentialId: number) => awards.some((award) => award.credentialId === credentialId && failure(award, agreement, levelFor(credentialId), asOf) === null);
    const stages = [...agreement.block.stages].sort((a, b) => a.position - b.position);
    const unsatisfied = stages.filter((stage) => {
      const needed = stage.requirement === 'AT_LEAST' && stage.requiredCount !== null ? stage.requiredCount : stage.credentialIds.length;
      return stage.credentialIds.filter(holds).length < needed;
    });
    if (stages.length > 0 && unsatisfied.length === 0) blockCents += cents(agreement.block.credits);
    for (const stage of unsatisfied) for (const credentialId of stage.credentialIds) if (!holds(credentialId) && !missing.includes(credentialId)) missing.push(credentialId);
    for (const stage of stages) for (const credentialId of stage.credentialIds) if (holds(credentialId)) heldCredentialIds.add(credentialId);
  }

  const articulated = items.reduce((sum, item) => sum + cents(item.credits), 0);
  const prior = cents(input.approvedPriorLearningCredits);
  const priorCap = 100 * Math.floor(Math.round(program.priorLearningCap * program.totalCredits * 1e6) / 1e6);
  const limit = cents(program.totalCredits - program.residencyCredits);
  const applied = Math.min(articulated + blockCents + Math.min(prior, priorCap), limit);
  return {
    asOf,
    programId: program.id,
    totalCredits: program.totalCredits,
    appliedCredits: applied / 100,
    remainingCredits: (cents(program.totalCredits) - applied) / 100,
    articulatedCredits: articulated / 100,
    blockCredits: blockCents / 100,
    priorLearningCredits: prior / 100,
    creditsCutByLimits: (articulated + blockCents + prior - applied) / 100,
    items,
    missingCredentialIds: missing,
    heldCredentialIds,
  };
}

/** A credential earned on `asOf` at the highest minimum level any agreement asks of it. */
export function hypothetical(input: RouteInput, credentialId: number): EngineAward {
  const levels = input.agreements.flatMap((agreement) => agreement.mappings.filter((mapping) => mapping.credentialId === credentialId && mapping.minMasteryLevel !== null).map((mapping) => mapping.minMasteryLevel as number));
  return { id: null, credentialId, awardedOn: input.asOf, masteryLevel: levels.length ? Math.max(...levels) : null, revoked: false };
}

/** The whole route, every next step of rule 7 found by trying each candidate credential. */
export function oracleRoute(input: RouteInput): RouteResult {
  const { heldCredentialIds, ...base } = route(input);
  const counting = input.agreements.filter((agreement) => counts(agreement, input.asOf));
  const candidates = new Set(counting.flatMap((agreement) => [...agreement.mappings.map((mapping) => mapping.credentialId), ...(agreement.block?.stages.flatMap((stage) => stage.credentialIds) ?? [])]));
  const steps: (NextStep & { title: string; gained: number })[] = [];
  for (const credentialId of candidates) {
    if (heldCredentialIds.has(credentialId)) continue;
    const gained = cents(route({ ...input, awards: [...input.awards, hypothetical(input, credentialId)] }).appliedCredits) - cents(base.appliedCredits);
    if (gained <= 0) continue;
    const { workloadHours, title } = input.credentials.get(credentialId)!;
    steps.push({ credentialId, creditsGained: gained / 100, workloadHours, creditsPerHour: Math.round((gained * 100) / workloadHours) / 10000, title, gained });
  }
  steps.sort((a, b) => b.creditsPerHour - a.creditsPerHour || b.gained - a.gained || a.title.localeCompare(b.title) || a.credentialId - b.credentialId);
  return { ...base, nextSteps: steps.map(({ credentialId, creditsGained, workloadHours, creditsPerHour }) => ({ credentialId, creditsGained, workloadHours, creditsPerHour })) };
}
