import { addYears, computeRoute, isCounting, withHypotheticalAwards } from '../../api/src/modules/articulation/engine';
import { anaInput, award, CUSTOMER_SERVICE, FUNDAMENTALS, HELP_DESK, itAgreement, NETWORK_BASICS } from './fixtures';

const statusOf = (route: ReturnType<typeof computeRoute>, credentialId: number) =>
  route.items.filter((item) => item.credentialId === credentialId).map((item) => `${item.status}:${item.credits}`);

describe('articulation engine', () => {
  it('computes DOMAIN.md\'s worked example exactly', () => {
    const route = computeRoute(anaInput());
    expect(route).toMatchObject({
      totalCredits: 60, appliedCredits: 12, remainingCredits: 48,
      articulatedCredits: 6, blockCredits: 0, priorLearningCredits: 6, creditsCutByLimits: 0,
    });
    expect(route.items).toEqual([
      { awardId: 2, credentialId: NETWORK_BASICS, agreementId: 10, courseEquivalent: 'CIS-120', credits: 0, status: 'EXPIRED' },
      { awardId: 1, credentialId: FUNDAMENTALS, agreementId: 10, courseEquivalent: 'CIS-105', credits: 3, status: 'COUNTED' },
      { awardId: 4, credentialId: CUSTOMER_SERVICE, agreementId: 10, courseEquivalent: 'CIS-105', credits: 0, status: 'DUPLICATE' },
      { awardId: 3, credentialId: HELP_DESK, agreementId: 10, courseEquivalent: 'CIS-198', credits: 3, status: 'COUNTED' },
    ]);
    expect(route.missingCredentialIds).toEqual([NETWORK_BASICS]);
    expect(route.nextSteps).toEqual([{ credentialId: NETWORK_BASICS, creditsGained: 6, workloadHours: 60, creditsPerHour: 0.1 }]);
  });

  describe('rule 1: which agreements count', () => {
    it('counts an active agreement in force on asOf, open-ended or not', () => {
      expect(isCounting(itAgreement(), '2026-11-22')).toBe(true);
      expect(isCounting(itAgreement({ effectiveTo: null }), '2040-01-01')).toBe(true);
      expect(isCounting(itAgreement(), '2027-12-31')).toBe(true);
      expect(isCounting(itAgreement(), '2028-01-01')).toBe(false);
      expect(isCounting(itAgreement(), '2024-12-31')).toBe(false);
      expect(isCounting(itAgreement({ status: 'SUSPENDED' }), '2026-11-22')).toBe(false);
      expect(isCounting(itAgreement({ status: 'DRAFT' }), '2026-11-22')).toBe(false);
    });

    it('reports NO_AGREEMENT for awards no counting agreement maps', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ status: 'EXPIRED' })] }));
      expect(route.items.every((item) => item.status === 'NO_AGREEMENT' && item.agreementId === null)).toBe(true);
      expect(route.appliedCredits).toBe(6);
    });
  });

  describe('rule 2: valid awards, failures reported in order', () => {
    it('NOT_YET_AWARDED before REVOKED before LEVEL_TOO_LOW before EXPIRED', () => {
      const agreement = itAgreement({ mappings: [{ credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: null, minMasteryLevel: 3 }] });
      const route = computeRoute(anaInput({
        agreements: [agreement],
        approvedPriorLearningCredits: 0,
        awards: [
          award(1, FUNDAMENTALS, '2027-01-01', { revoked: true, masteryLevel: 1 }),
          award(2, FUNDAMENTALS, '2010-01-01', { revoked: true, masteryLevel: 1 }),
          award(3, FUNDAMENTALS, '2010-01-01', { masteryLevel: 1 }),
          award(4, FUNDAMENTALS, '2010-01-02', { masteryLevel: null }),
          award(5, FUNDAMENTALS, '2010-01-03', { masteryLevel: 3 }),
        ],
      }));
      expect(route.items.map((item) => `${item.awardId}:${item.status}`)).toEqual([
        '2:REVOKED', '3:LEVEL_TOO_LOW', '4:LEVEL_TOO_LOW', '5:EXPIRED', '1:NOT_YET_AWARDED',
      ]);
      expect(route.appliedCredits).toBe(0);
    });

    it('counts an award exactly at the recency limit, and one a day older as EXPIRED', () => {
      const route = computeRoute(anaInput({ awards: [award(1, NETWORK_BASICS, '2021-11-22'), award(2, HELP_DESK, '2021-11-21')] }));
      expect(statusOf(route, NETWORK_BASICS)).toEqual(['COUNTED:4']);
      expect(statusOf(route, HELP_DESK)).toEqual(['EXPIRED:0']);
    });

    it('uses the valid mapping with the most credits when several agreements map a credential', () => {
      const richer = itAgreement({ id: 11, recencyYears: null, block: null, mappings: [{ credentialId: NETWORK_BASICS, credits: 5, courseEquivalent: 'CIS-121', minMasteryLevel: null }] });
      const route = computeRoute(anaInput({ agreements: [itAgreement(), richer] }));
      expect(route.items.find((item) => item.credentialId === NETWORK_BASICS)).toMatchObject({ status: 'COUNTED', credits: 5, agreementId: 11, courseEquivalent: 'CIS-121' });
    });

    it('does arithmetic on calendar dates, 29 February included', () => {
      expect(addYears('2024-02-29', -5)).toBe('2019-02-28');
      expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
      expect(addYears('2026-11-22', -5)).toBe('2021-11-22');
    });
  });

  describe('rule 3: duplicates', () => {
    it('counts the larger of two awards with the same course equivalent, the earlier on a tie', () => {
      const agreement = itAgreement({ mappings: [
        { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: CUSTOMER_SERVICE, credits: 4, courseEquivalent: 'CIS-105', minMasteryLevel: null },
      ] });
      const route = computeRoute(anaInput({ agreements: [agreement] }));
      expect(statusOf(route, CUSTOMER_SERVICE)).toEqual(['COUNTED:4']);
      expect(statusOf(route, FUNDAMENTALS)).toEqual(['DUPLICATE:0']);
    });

    it('marks a second award of a counted credential DUPLICATE', () => {
      const route = computeRoute(anaInput({ awards: [award(1, HELP_DESK, '2025-01-01'), award(2, HELP_DESK, '2025-06-01')] }));
      expect(statusOf(route, HELP_DESK)).toEqual(['COUNTED:3', 'DUPLICATE:0']);
      expect(route.articulatedCredits).toBe(3);
    });
  });

  describe('rule 4: block credit', () => {
    it('is given when every stage is satisfied, duplicates included', () => {
      const route = computeRoute(anaInput({ awards: [...anaInput().awards, award(9, NETWORK_BASICS, '2025-03-01')] }));
      expect(route.blockCredits).toBe(2);
      expect(route.articulatedCredits).toBe(10);
      expect(route.appliedCredits).toBe(18);
      expect(route.missingCredentialIds).toEqual([]);
    });

    it('accepts n of an AT_LEAST n stage', () => {
      const agreement = itAgreement({ block: { credits: 2, pathwayId: 100, stages: [
        { position: 1, requirement: 'AT_LEAST', requiredCount: 2, credentialIds: [FUNDAMENTALS, NETWORK_BASICS, HELP_DESK] },
      ] } });
      expect(computeRoute(anaInput({ agreements: [agreement] })).blockCredits).toBe(2);
      const short = computeRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2024-05-01')] }));
      expect(short.blockCredits).toBe(0);
      expect(short.missingCredentialIds).toEqual([NETWORK_BASICS, HELP_DESK]);
    });
  });

  describe('rules 5 and 6: limits', () => {
    it('caps prior learning at floor(cap × total) and reports the cut', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 50, program: { id: 1, totalCredits: 60, residencyCredits: 0, priorLearningCap: 0.25 } }));
      expect(route).toMatchObject({ priorLearningCredits: 50, creditsCutByLimits: 35, appliedCredits: 21 });
    });

    it('limits all outside credit to total − residency, cutting prior learning first', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 10, program: { id: 1, totalCredits: 20, residencyCredits: 12, priorLearningCap: 1 } }));
      expect(route).toMatchObject({ articulatedCredits: 6, priorLearningCredits: 10, creditsCutByLimits: 8, appliedCredits: 8, remainingCredits: 12 });
    });
  });

  describe('rule 7: what is missing and what to earn next', () => {
    it('ranks next steps by credits per hour, then credits, then title, and lists only gains', () => {
      const route = computeRoute(anaInput({ awards: [], approvedPriorLearningCredits: 0 }));
      expect(route.nextSteps.map((step) => [step.credentialId, step.creditsGained])).toEqual([
        // Network Basics (4 / 60 h) and Fundamentals (3 / 45 h) tie per hour; more credits wins.
        [CUSTOMER_SERVICE, 3], [NETWORK_BASICS, 4], [FUNDAMENTALS, 3], [HELP_DESK, 3],
      ]);
    });

    it('answers what-if with hypothetical awards on asOf, writing nothing', () => {
      const input = anaInput();
      const route = computeRoute(withHypotheticalAwards(input, [NETWORK_BASICS]));
      expect(route).toMatchObject({ appliedCredits: 18, blockCredits: 2 });
      expect(route.items.find((item) => item.awardId === null)).toMatchObject({ credentialId: NETWORK_BASICS, status: 'COUNTED', credits: 4 });
      expect(input.awards).toHaveLength(4);
    });

    it('gives a hypothetical award the mastery level its mappings require', () => {
      const agreement = itAgreement({ mappings: [{ credentialId: NETWORK_BASICS, credits: 4, courseEquivalent: null, minMasteryLevel: 3 }], block: null });
      const route = computeRoute(withHypotheticalAwards(anaInput({ agreements: [agreement], awards: [] }), [NETWORK_BASICS]));
      expect(route.items).toEqual([expect.objectContaining({ status: 'COUNTED', credits: 4 })]);
    });
  });
});
