import fc from 'fast-check';
import { computeRoute, EngineAgreement, EngineAward, RouteInput } from '../../api/src/modules/articulation/engine';
import { credentials } from './fixtures';

const CREDENTIALS = [1, 2, 3, 4];
const date = fc.integer({ min: 2015, max: 2028 }).chain((year) =>
  fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(({ month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
);
const credits = fc.integer({ min: 0, max: 1000 }).map((hundredths) => hundredths / 100);

const award: fc.Arbitrary<EngineAward> = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  credentialId: fc.constantFrom(...CREDENTIALS),
  awardedOn: date,
  masteryLevel: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  revoked: fc.boolean(),
});

const agreement: fc.Arbitrary<EngineAgreement> = fc.record({
  id: fc.integer({ min: 1, max: 50 }),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'DRAFT', 'SUSPENDED', 'EXPIRED'),
  effectiveFrom: date,
  effectiveTo: fc.option(date, { nil: null }),
  recencyYears: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  mappings: fc.uniqueArray(
    fc.record({
      credentialId: fc.constantFrom(...CREDENTIALS),
      credits,
      courseEquivalent: fc.option(fc.constantFrom('CIS-105', 'CIS-120', 'CIS-198'), { nil: null }),
      minMasteryLevel: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    }),
    { selector: (mapping) => mapping.credentialId, maxLength: 4 },
  ),
  block: fc.option(
    fc.record({
      credits,
      pathwayId: fc.constant(100),
      stages: fc.array(
        fc.record({
          position: fc.integer({ min: 1, max: 5 }),
          requirement: fc.constantFrom('ALL' as const, 'AT_LEAST' as const),
          requiredCount: fc.integer({ min: 1, max: 3 }),
          credentialIds: fc.uniqueArray(fc.constantFrom(...CREDENTIALS), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { nil: null },
  ),
});

const input: fc.Arbitrary<RouteInput> = fc
  .record({
    asOf: date,
    total: fc.integer({ min: 1, max: 130 }),
    residencyShare: fc.double({ min: 0, max: 1, noNaN: true }),
    cap: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    agreements: fc.array(agreement, { maxLength: 3 }),
    awards: fc.array(award, { maxLength: 8 }),
    prior: credits,
  })
  .map(({ asOf, total, residencyShare, cap, agreements, awards, prior }) => ({
    asOf,
    program: { id: 1, totalCredits: total, residencyCredits: Math.floor(total * residencyShare), priorLearningCap: cap },
    agreements,
    awards,
    approvedPriorLearningCredits: prior,
    credentials,
  }));

const PARAMETERS = { numRuns: 400 };

describe('articulation engine properties', () => {
  it('never applies more than the program\'s total credits, nor less than zero', () => {
    fc.assert(fc.property(input, (routeInput) => {
      const route = computeRoute(routeInput);
      expect(route.appliedCredits).toBeLessThanOrEqual(routeInput.program.totalCredits);
      expect(route.appliedCredits).toBeGreaterThanOrEqual(0);
      expect(route.remainingCredits).toBeCloseTo(routeInput.program.totalCredits - route.appliedCredits, 6);
    }), PARAMETERS);
  });

  it('always applies exactly articulated + block + prior learning − cut', () => {
    fc.assert(fc.property(input, (routeInput) => {
      const route = computeRoute(routeInput);
      expect(route.appliedCredits).toBeCloseTo(route.articulatedCredits + route.blockCredits + route.priorLearningCredits - route.creditsCutByLimits, 6);
      expect(route.creditsCutByLimits).toBeGreaterThanOrEqual(0);
    }), PARAMETERS);
  });

  it('never applies less when an award is added, whatever the award', () => {
    fc.assert(fc.property(input, award, (routeInput, extra) => {
      const before = computeRoute(routeInput).appliedCredits;
      const after = computeRoute({ ...routeInput, awards: [...routeInput.awards, extra] }).appliedCredits;
      expect(after).toBeGreaterThanOrEqual(before);
    }), PARAMETERS);
  });

  it('lists only next steps that gain credit, each gain what earning it would add', () => {
    fc.assert(fc.property(input, (routeInput) => {
      const route = computeRoute(routeInput);
      for (const step of route.nextSteps) {
        expect(step.creditsGained).toBeGreaterThan(0);
        expect(route.appliedCredits + step.creditsGained).toBeLessThanOrEqual(routeInput.program.totalCredits + 1e-9);
      }
    }), PARAMETERS);
  });
});
