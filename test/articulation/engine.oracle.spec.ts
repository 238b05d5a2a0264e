import fc from 'fast-check';
import { AgreementStatus, computeRoute, EngineAgreement, EngineAward, EngineCredential, EngineStage, planRoute, RouteInput, withHypotheticalAwards } from '../../api/src/modules/articulation/engine';
import { hypothetical, oracleRoute } from './oracle';

/**
 * The engine against a brute-force oracle (./oracle.ts) over small random programs: several
 * agreements per program, several mappings per credential (within one agreement and across
 * agreements), shared course equivalents, minimum levels, recency, block credit, prior learning and
 * both limits, and learners with up to 8 awards.
 */

const credentials = new Map<number, EngineCredential>([1, 2, 3, 4, 5].map((id) => [id, { id, title: `Credential ${(id * 3) % 5}`, workloadHours: [10, 20, 10, 40, 30][id - 1] }]));
const credentialIds = [1, 2, 3, 4, 5];
const courses = ['CIS-105', 'CIS-120', 'CIS-198'];

const DAY = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayNear = (asOf: number, from: number, to: number) => fc.integer({ min: asOf + from, max: asOf + to }).map(isoDay);
// Few distinct credit values, so that ties in the total (and so the tie-breaks) come up often.
const credits = fc.oneof(fc.constantFrom(0, 1, 2, 3, 3, 4), fc.integer({ min: 0, max: 600 }).map((hundredths) => hundredths / 100));
const level = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });

const stage: fc.Arbitrary<EngineStage> = fc
  .record({
    position: fc.integer({ min: 1, max: 3 }),
    requirement: fc.constantFrom('ALL' as const, 'AT_LEAST' as const),
    requiredCount: fc.integer({ min: 1, max: 2 }),
    credentialIds: fc.uniqueArray(fc.constantFrom(...credentialIds), { minLength: 1, maxLength: 3 }),
  })
  .map((generated) => (generated.requirement === 'ALL' ? { ...generated, requiredCount: null } : generated));

const agreementNear = (asOf: number): fc.Arbitrary<EngineAgreement> =>
  fc.record({
    id: fc.integer({ min: 1, max: 9 }),
    status: fc.constantFrom<AgreementStatus[]>('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED'),
    effectiveFrom: dayNear(asOf, -3000, 30),
    effectiveTo: fc.option(dayNear(asOf, -30, 2000), { nil: null }),
    recencyYears: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    mappings: fc.uniqueArray(
      fc.record({ credentialId: fc.constantFrom(...credentialIds), credits, courseEquivalent: fc.option(fc.constantFrom(...courses), { nil: null, freq: 5 }), minMasteryLevel: level }),
      { selector: (mapping) => `${mapping.credentialId}:${mapping.courseEquivalent}`, maxLength: 5 },
    ),
    block: fc.option(fc.record({ credits: fc.constantFrom(0.5, 1, 2), pathwayId: fc.constant(100), stages: fc.array(stage, { maxLength: 2 }) }), { nil: null }),
  });

const awardNear = (asOf: number, id: fc.Arbitrary<number | null>): fc.Arbitrary<EngineAward> =>
  fc
    .record({
      id,
      credentialId: fc.constantFrom(...credentialIds),
      awardedOn: fc.oneof(dayNear(asOf, -3500, 40), fc.constant(isoDay(asOf))),
      masteryLevel: level,
      revocation: fc.constantFrom<(number | null)[]>(Infinity, Infinity, Infinity, Infinity, -10, 0, 10, null),
    })
    .map(({ revocation, ...award }) =>
      revocation === Infinity ? { ...award, revoked: false } : { ...award, revoked: true, revokedOn: revocation === null ? null : isoDay(asOf + revocation) },
    );

const scenario = fc.integer({ min: Date.UTC(2016, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY }).chain((asOf) =>
  fc.record({
    input: fc.record({
      asOf: fc.constant(isoDay(asOf)),
      program: fc
        .record({ totalCredits: fc.integer({ min: 1, max: 30 }), residency: fc.integer({ min: 0, max: 30 }), cap: fc.constantFrom(0, 100, 250, 500, 1000) })
        .map(({ totalCredits, residency, cap }) => ({ id: 1, totalCredits, residencyCredits: Math.min(residency, totalCredits), priorLearningCap: cap / 1000 })),
      agreements: fc.uniqueArray(agreementNear(asOf), { selector: (agreement) => agreement.id, minLength: 1, maxLength: 3 }),
      awards: fc.uniqueArray(awardNear(asOf, fc.integer({ min: 1, max: 1000 })), { selector: (award) => award.id, maxLength: 8 }),
      approvedPriorLearningCredits: fc.constantFrom(0, 0, 1, 2.5, 10),
      credentials: fc.constant(credentials as ReadonlyMap<number, EngineCredential>),
    }),
    extra: awardNear(asOf, fc.option(fc.integer({ min: 1001, max: 2000 }), { nil: null })),
    whatIf: fc.uniqueArray(fc.constantFrom(...credentialIds), { maxLength: 2 }),
    limit: fc.integer({ min: 1, max: 3 }),
  }),
);

const RUNS = { numRuns: 1000 };

describe('articulation engine against a brute-force oracle', () => {
  it('computes learnerRoutes exactly as the oracle: items, credits, limits, missing credentials and the whole next-step ranking', () => {
    fc.assert(fc.property(scenario, ({ input }) => {
      expect(computeRoute(input)).toEqual(oracleRoute(input));
    }), RUNS);
  });

  it('answers whatIf exactly as the oracle does for the learner with those credentials earned on asOf', () => {
    fc.assert(fc.property(scenario, ({ input, whatIf }) => {
      const expected = oracleRoute({ ...input, awards: [...input.awards, ...whatIf.map((credentialId) => hypothetical(input, credentialId))] });
      expect(computeRoute(withHypotheticalAwards(input, whatIf))).toEqual(expected);
    }), RUNS);
  });

  it('ranks the first nextSteps as the oracle ranks them all, stopping its search early only where that is sound', () => {
    fc.assert(fc.property(scenario, ({ input, limit }) => {
      expect(planRoute(input).nextSteps(limit)).toEqual(oracleRoute(input).nextSteps.slice(0, limit));
    }), RUNS);
  });

  it('never applies less when one more award is added, whatever the award', () => {
    fc.assert(fc.property(scenario, ({ input, extra }) => {
      const before = computeRoute(input).appliedCredits;
      expect(computeRoute({ ...input, awards: [...input.awards, extra] }).appliedCredits).toBeGreaterThanOrEqual(before);
    }), RUNS);
  });
});
