import { Agreement, Route, RouteItem, RouteItemStatus, Stage } from './route';

/** One line of the route table, as DOMAIN.md's worked example lays it out: where credit comes from, how much, and why. */
export interface RouteRow {
  key: string;
  source: string;
  awardedOn?: string;
  credits: number;
  /** The status chip shown before the reason; none for the block, prior-learning and total lines. */
  status?: RouteItemStatus;
  why: string;
  kind: 'award' | 'block' | 'priorLearning' | 'limits' | 'applied';
}

export const formatCredits = (credits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(credits);

/** "1 credit", "0.5 credits", "3 credits". */
export const creditsText = (credits: number) => `${formatCredits(credits)} ${credits === 1 ? 'credit' : 'credits'}`;

const signed = (credits: number) => (credits > 0 ? `+${formatCredits(credits)}` : formatCredits(credits));

/** `iso` moved back by whole years, as the recency limit counts them. */
function yearsBefore(iso: string, years: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}

/** DOMAIN.md rule 1: the agreement is active and the evaluation date falls inside its dates. */
export const agreementCounts = (agreement: Agreement, asOf: string) =>
  agreement.status === 'ACTIVE' && agreement.effectiveFrom <= asOf && (agreement.effectiveTo === null || asOf <= agreement.effectiveTo);

export const countingAgreements = (route: Route) => route.degreeProgram.agreements.filter((agreement) => agreementCounts(agreement, route.asOf));

/** Valid awards are the ones that count or would count but for a duplicate (rule 4 counts both). */
const validCredentialIds = (route: Route) =>
  new Set(route.items.filter((item) => item.status === 'COUNTED' || item.status === 'DUPLICATE').map((item) => item.credential.id));

function stageSatisfied(stage: Stage, held: Set<string>): boolean {
  const heldCount = stage.credentials.filter((credential) => held.has(credential.id)).length;
  return stage.requirement === 'ALL' ? heldCount === stage.credentials.length : heldCount >= (stage.requiredCount ?? 0);
}

function reason(item: RouteItem, route: Route): string {
  const agreement = route.degreeProgram.agreements.find((candidate) => candidate.id === item.agreement?.id);
  const mapping = agreement?.mappings.find((candidate) => candidate.credential.id === item.credential.id);
  switch (item.status) {
    case 'COUNTED':
      return item.courseEquivalent ?? 'Counted';
    case 'DUPLICATE':
      return item.courseEquivalent ? `${item.courseEquivalent} already counted` : 'Already counted';
    case 'EXPIRED':
      return agreement?.recencyYears
        ? `Awarded before ${yearsBefore(route.asOf, agreement.recencyYears)}: older than the ${agreement.recencyYears}-year limit`
        : 'Older than the recency limit';
    case 'LEVEL_TOO_LOW':
      return `Mastery level ${item.award?.masteryLevel ?? 'not recorded'}, the agreement needs ${mapping?.minMasteryLevel ?? 'more'}`;
    case 'NOT_YET_AWARDED':
      return `Awarded after ${route.asOf}`;
    case 'REVOKED':
      return 'The award was revoked';
    case 'NO_AGREEMENT':
      return 'No agreement into this program maps it';
  }
}

/** Grouped by course equivalent, counted first, so a duplicate sits under the award it duplicates. */
function byCourse(a: RouteItem, b: RouteItem): number {
  const courseA = a.courseEquivalent ?? '\uffff';
  const courseB = b.courseEquivalent ?? '\uffff';
  if (courseA !== courseB) return courseA < courseB ? -1 : 1;
  if (a.credits !== b.credits) return b.credits - a.credits;
  return a.credential.title.localeCompare(b.credential.title);
}

function blockRows(route: Route): RouteRow[] {
  const held = validCredentialIds(route);
  return countingAgreements(route)
    .filter((agreement) => agreement.blockPathway && agreement.blockCredits)
    .map((agreement) => {
      const pathway = agreement.blockPathway!;
      const unsatisfied = [...pathway.stages].sort((a, b) => a.position - b.position).filter((stage) => !stageSatisfied(stage, held));
      const missing = unsatisfied.map((stage) => {
        const lacking = stage.credentials.filter((credential) => !held.has(credential.id)).map((credential) => credential.title);
        return `${stage.position} (${lacking.join(', ') || stage.title})`;
      });
      return {
        key: `block-${agreement.id}`,
        source: `Block credit: ${pathway.title} pathway`,
        credits: unsatisfied.length ? 0 : agreement.blockCredits!,
        why: unsatisfied.length ? `Stage${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not satisfied` : `Every stage of ${pathway.title} completed`,
        kind: 'block' as const,
      };
    });
}

/** How much of the next step's gain its own mapping gives, and how much the block credit it unlocks. */
function gainBreakdown(route: Route, credentialId: string, gained: number): string {
  const mapped = Math.max(0, ...countingAgreements(route).flatMap((agreement) => agreement.mappings.filter((m) => m.credential.id === credentialId).map((m) => m.credits)));
  const block = gained - mapped;
  return mapped > 0 && block > 0 ? ` (${formatCredits(mapped)} + block ${formatCredits(block)})` : '';
}

export function routeRows(route: Route): RouteRow[] {
  const program = route.degreeProgram;
  const cap = Math.floor(program.priorLearningCap * program.totalCredits);
  const rows: RouteRow[] = [...route.items].sort(byCourse).map((item, index) => ({
    key: `award-${item.award?.id ?? index}`,
    source: item.credential.title,
    awardedOn: item.award?.awardedOn,
    credits: item.credits,
    status: item.status,
    why: reason(item, route),
    kind: 'award',
  }));
  rows.push(...blockRows(route));
  rows.push({
    key: 'prior-learning',
    source: 'Prior learning',
    credits: route.priorLearningCredits,
    why: route.priorLearningCredits > cap ? `Over the cap of ${cap}` : route.priorLearningCredits > 0 ? `Under the cap of ${cap}` : 'None approved for this program',
    kind: 'priorLearning',
  });
  if (route.creditsCutByLimits > 0) {
    rows.push({
      key: 'limits',
      source: 'Cut by limits',
      credits: -route.creditsCutByLimits,
      why: `Prior learning is capped at ${cap}; credit from outside the program at ${program.totalCredits - program.residencyCredits}`,
      kind: 'limits',
    });
  }
  const best = route.nextSteps[0];
  const earnedBefore = best && route.items.some((item) => item.credential.id === best.credential.id);
  rows.push({
    key: 'applied',
    source: 'Applied',
    credits: route.appliedCredits,
    why:
      `Remaining ${formatCredits(route.remainingCredits)}` +
      (best
        ? `; best next step: earn ${best.credential.title}${earnedBefore ? ' again' : ''}, ${signed(best.creditsGained)}${gainBreakdown(route, best.credential.id, best.creditsGained)}`
        : ''),
    kind: 'applied',
  });
  return rows;
}

/** The applied credit split by source after the limits, which cut prior learning first, then block, then articulated credit. */
export function appliedSegments(figures: { articulatedCredits: number; blockCredits: number; priorLearningCredits: number; creditsCutByLimits: number }) {
  let cut = figures.creditsCutByLimits;
  const take = (credits: number) => {
    const removed = Math.min(credits, cut);
    cut -= removed;
    return credits - removed;
  };
  const priorLearning = take(figures.priorLearningCredits);
  const block = take(figures.blockCredits);
  const articulated = take(figures.articulatedCredits);
  return { articulated, block, priorLearning };
}
