import fc from 'fast-check';
import { AgreementStatus, computeRoute, EngineAgreement, EngineAward, EngineCredential, EngineStage, isCounting, planRoute, RouteInput, withHypotheticalAwards } from '../../api/src/modules/articulation/engine';

const credentials = new Map<number, EngineCredential>([1, 2, 3, 4, 5].map((id) => [id, { id, title: `Credential ${6 - id}`, workloadHours: 10 * id }]));

/**
 * Few credentials and course equivalents, so that duplicates and credentials mapped by several
 * agreements come up often. The crowded shape, where every agreement counts, is the one that
 * reaches a credential mapped to different course equivalents in different agreements.
 */
interface Shape {
  credentialIds: number[];
  courseEquivalents: string[];
  everyAgreementCounts: boolean;
}
const WIDE: Shape = { credentialIds: [1, 2, 3, 4, 5], courseEquivalents: ['CIS-105', 'CIS-120', 'CIS-198'], everyAgreementCounts: false };
const CROWDED: Shape = { credentialIds: [1, 2, 3], courseEquivalents: ['CIS-105', 'CIS-120'], everyAgreementCounts: true };

// Dates are drawn around asOf, mostly on the side that makes agreements count and awards valid,
// so that the rules after 1 and 2 are reached; counting in days brings 29 February in too.
const DAY = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayNear = (asOf: number, from: number, to: number) => fc.integer({ min: asOf + from, max: asOf + to }).map(isoDay);

/** Credits are numeric(6,2): whole hundredths. */
const credits = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((hundredths) => hundredths / 100);
const level = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });

const awardNear = (asOf: number, shape: Shape, id: fc.Arbitrary<number | null>): fc.Arbitrary<EngineAward> =>
  fc.record({
    id,
    credentialId: fc.constantFrom(...shape.credentialIds),
    awardedOn: dayNear(asOf, -4000, 100),
    masteryLevel: level,
    revoked: fc.constantFrom(false, false, false, true),
  });

const stage = (shape: Shape): fc.Arbitrary<EngineStage> =>
  fc
    .record({
      position: fc.integer({ min: 1, max: 5 }),
      requirement: fc.constantFrom('ALL' as const, 'AT_LEAST' as const),
      requiredCount: fc.integer({ min: 1, max: 3 }),
      credentialIds: fc.uniqueArray(fc.constantFrom(...shape.credentialIds), { minLength: 1, maxLength: 3 }),
    })
    .map((generated) => (generated.requirement === 'ALL' ? { ...generated, requiredCount: null } : generated));

const agreementNear = (asOf: number, shape: Shape): fc.Arbitrary<EngineAgreement> =>
  fc.record({
    id: fc.integer({ min: 1, max: 20 }),
    status: shape.everyAgreementCounts ? fc.constant<AgreementStatus>('ACTIVE') : fc.constantFrom<AgreementStatus[]>('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAFT', 'SUSPENDED', 'EXPIRED'),
    effectiveFrom: dayNear(asOf, -3000, shape.everyAgreementCounts ? 0 : 200),
    effectiveTo: fc.option(dayNear(asOf, shape.everyAgreementCounts ? 0 : -200, 2000), { nil: null }),
    recencyYears: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    mappings: fc.uniqueArray(
      fc.record({
        credentialId: fc.constantFrom(...shape.credentialIds),
        credits: credits(12),
        courseEquivalent: fc.option(fc.constantFrom(...shape.courseEquivalents), { nil: null }),
        minMasteryLevel: level,
      }),
      { selector: (mapping) => mapping.credentialId, maxLength: 5 },
    ),
    block: fc.option(fc.record({ credits: credits(6), pathwayId: fc.constant(100), stages: fc.array(stage(shape), { maxLength: 3 }) }), { nil: null }),
  });

const program = fc
  .record({ totalCredits: fc.integer({ min: 1, max: 130 }), residencyShare: fc.double({ min: 0, max: 1, noNaN: true }), cap: fc.integer({ min: 0, max: 1000 }) })
  .map(({ totalCredits, residencyShare, cap }) => ({ id: 1, totalCredits, residencyCredits: Math.floor(totalCredits * residencyShare), priorLearningCap: cap / 1000 }));

/** A route input and, to add to it, any award at all: held or hypothetical, revoked, future, below any level, long expired. */
const scenarioOf = (shape: Shape): fc.Arbitrary<{ input: RouteInput; extra: EngineAward }> =>
  fc.integer({ min: Date.UTC(2016, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY }).chain((asOf) =>
    fc.record({
      input: fc.record({
        asOf: fc.constant(isoDay(asOf)),
        program,
        agreements: fc.uniqueArray(agreementNear(asOf, shape), { selector: (agreement) => agreement.id, minLength: 1, maxLength: 3 }),
        awards: fc.uniqueArray(awardNear(asOf, shape, fc.integer({ min: 1, max: 1_000_000 })), { selector: (award) => award.id, maxLength: 10 }),
        approvedPriorLearningCredits: credits(60),
        credentials: fc.constant(credentials),
      }),
      extra: awardNear(asOf, shape, fc.option(fc.integer({ min: 1_000_001, max: 2_000_000 }), { nil: null })),
    }),
  );
const scenario = fc.oneof(scenarioOf(WIDE), scenarioOf(CROWDED));
const routeInput = scenario.map(({ input }) => input);

/** Results are rounded to hundredths; comparing whole hundredths keeps floating point out of the assertions. */
const cents = (value: number) => Math.round(value * 100);

const RUNS = { numRuns: 500 };

describe('articulation engine properties', () => {
  it('applies between 0 and the total credits, and the remainder is the rest', () => {
    fc.assert(fc.property(routeInput, (input) => {
      const route = computeRoute(input);
      expect(route.appliedCredits).toBeGreaterThanOrEqual(0);
      expect(route.appliedCredits).toBeLessThanOrEqual(input.program.totalCredits);
      expect(cents(route.remainingCredits)).toBe(cents(input.program.totalCredits) - cents(route.appliedCredits));
    }), RUNS);
  });

  it('applies exactly articulated + block + prior learning − what the limits cut', () => {
    fc.assert(fc.property(routeInput, (input) => {
      const route = computeRoute(input);
      expect(cents(route.appliedCredits)).toBe(cents(route.articulatedCredits) + cents(route.blockCredits) + cents(route.priorLearningCredits) - cents(route.creditsCutByLimits));
      expect(route.creditsCutByLimits).toBeGreaterThanOrEqual(0);
      expect(route.priorLearningCredits).toBe(input.approvedPriorLearningCredits);
      expect(cents(route.articulatedCredits)).toBe(route.items.reduce((sum, item) => sum + cents(item.credits), 0));
    }), RUNS);
  });

  it('never applies less when an award is added, whatever the award', () => {
    fc.assert(fc.property(scenario, ({ input, extra }) => {
      const before = computeRoute(input).appliedCredits;
      expect(computeRoute({ ...input, awards: [...input.awards, extra] }).appliedCredits).toBeGreaterThanOrEqual(before);
    }), RUNS);
  });

  it('reports each award once, and counts each credential and each course equivalent at most once', () => {
    fc.assert(fc.property(routeInput, (input) => {
      const route = computeRoute(input);
      expect(route.items).toHaveLength(input.awards.length);
      const counted = route.items.filter((item) => item.status === 'COUNTED');
      expect(new Set(counted.map((item) => item.credentialId)).size).toBe(counted.length);
      const courses = counted.flatMap((item) => (item.courseEquivalent === null ? [] : [item.courseEquivalent]));
      expect(new Set(courses).size).toBe(courses.length);
      expect(route.items.every((item) => item.status === 'COUNTED' || item.credits === 0)).toBe(true);
    }), RUNS);
  });

  it('lists next steps that each gain what earning the credential on asOf would add, best rate first', () => {
    fc.assert(fc.property(routeInput, (input) => {
      const route = computeRoute(input);
      for (const step of route.nextSteps) {
        const gained = cents(computeRoute(withHypotheticalAwards(input, [step.credentialId])).appliedCredits) - cents(route.appliedCredits);
        expect(cents(step.creditsGained)).toBe(gained);
        expect(gained).toBeGreaterThan(0);
      }
      const rates = route.nextSteps.map((step) => step.creditsPerHour);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
    }), RUNS);
  });

  it('lists every mapped or pathway credential whose earning would gain credit, and ranks the best few as it ranks them all', () => {
    fc.assert(fc.property(routeInput, fc.integer({ min: 1, max: 2 }), (input, limit) => {
      const route = computeRoute(input);
      const counting = input.agreements.filter((agreement) => isCounting(agreement, input.asOf));
      const candidates = new Set(counting.flatMap((agreement) => [...agreement.mappings.map((mapping) => mapping.credentialId), ...(agreement.block?.stages.flatMap((stage) => stage.credentialIds) ?? [])]));
      const listed = route.nextSteps.map((step) => step.credentialId);
      for (const credentialId of listed) expect(candidates.has(credentialId)).toBe(true);
      // A candidate held with no valid award (every award of it failing, or none) is listed exactly when earning it gains credit.
      for (const credentialId of candidates) {
        const held = input.awards.some((award) => award.credentialId === credentialId);
        if (held) continue;
        const gained = cents(computeRoute(withHypotheticalAwards(input, [credentialId])).appliedCredits) - cents(route.appliedCredits);
        expect(listed.includes(credentialId)).toBe(gained > 0);
      }
      expect(planRoute(input).nextSteps(limit)).toEqual(route.nextSteps.slice(0, limit));
    }), RUNS);
  });
});
