import { addYears, AgreementStatus, computeRoute, EngineCredential, EngineMapping, isCounting, planRoute, RouteResult, withHypotheticalAwards } from '../../api/src/modules/articulation/engine';
import { anaInput, award, credentials, CUSTOMER_SERVICE, FUNDAMENTALS, HELP_DESK, itAgreement, LAB_SAFETY, NETWORK_BASICS } from './fixtures';

const statusesOf = (route: RouteResult, credentialId: number) =>
  route.items.filter((item) => item.credentialId === credentialId).map((item) => `${item.status}:${item.credits}`);
const itemOf = (route: RouteResult, credentialId: number) => route.items.find((item) => item.credentialId === credentialId);
/** The worked example's mappings, one of them changed. */
const withMapping = (credentialId: number, change: Partial<EngineMapping>): EngineMapping[] =>
  itAgreement().mappings.map((mapping) => (mapping.credentialId === credentialId ? { ...mapping, ...change } : mapping));
const program = (totalCredits: number, residencyCredits: number, priorLearningCap: number) => ({ id: 1, totalCredits, residencyCredits, priorLearningCap });

describe('articulation engine', () => {
  it("computes DOMAIN.md's worked example exactly", () => {
    const route = computeRoute(anaInput());

    expect(route).toEqual({
      asOf: '2026-11-22',
      programId: 1,
      totalCredits: 60,
      appliedCredits: 12,
      remainingCredits: 48,
      articulatedCredits: 6,
      blockCredits: 0,
      priorLearningCredits: 6,
      creditsCutByLimits: 0,
      items: [
        { awardId: 2, credentialId: NETWORK_BASICS, agreementId: 10, courseEquivalent: 'CIS-120', credits: 0, status: 'EXPIRED' },
        { awardId: 1, credentialId: FUNDAMENTALS, agreementId: 10, courseEquivalent: 'CIS-105', credits: 3, status: 'COUNTED' },
        { awardId: 4, credentialId: CUSTOMER_SERVICE, agreementId: 10, courseEquivalent: 'CIS-105', credits: 0, status: 'DUPLICATE' },
        { awardId: 3, credentialId: HELP_DESK, agreementId: 10, courseEquivalent: 'CIS-198', credits: 3, status: 'COUNTED' },
      ],
      missingCredentialIds: [NETWORK_BASICS],
      nextSteps: [{ credentialId: NETWORK_BASICS, creditsGained: 6, workloadHours: 60, creditsPerHour: 0.1 }],
    });
  });

  it('lists one item per award by date, then id, hypothetical awards last', () => {
    const input = anaInput({ awards: [award(9, HELP_DESK, '2025-01-01'), award(1, FUNDAMENTALS, '2026-11-22'), award(3, NETWORK_BASICS, '2025-01-01')] });
    const route = computeRoute(withHypotheticalAwards(input, [CUSTOMER_SERVICE]));
    expect(route.items.map((item) => item.awardId)).toEqual([3, 9, 1, null]);
  });

  describe('rule 1: which agreements count', () => {
    it('counts an ACTIVE agreement from its first to its last day', () => {
      expect(isCounting(itAgreement(), '2025-01-01')).toBe(true);
      expect(isCounting(itAgreement(), '2027-12-31')).toBe(true);
    });

    it('does not count an agreement before it takes effect or after it ends', () => {
      expect(isCounting(itAgreement(), '2024-12-31')).toBe(false);
      expect(isCounting(itAgreement(), '2028-01-01')).toBe(false);
    });

    it('counts an open-ended agreement from its first day on', () => {
      expect(isCounting(itAgreement({ effectiveTo: null }), '2099-06-30')).toBe(true);
      expect(isCounting(itAgreement({ effectiveTo: null }), '2024-12-31')).toBe(false);
    });

    it.each<AgreementStatus>(['DRAFT', 'SUSPENDED', 'EXPIRED'])('does not count an agreement that is %s', (status) => {
      expect(isCounting(itAgreement({ status }), '2026-11-22')).toBe(false);
    });

    it('reports NO_AGREEMENT, with no agreement and no credit, for awards no counting agreement maps', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ effectiveFrom: '2027-01-01' })] }));
      expect(route.items.map((item) => [item.status, item.agreementId, item.courseEquivalent, item.credits])).toEqual(Array(4).fill(['NO_AGREEMENT', null, null, 0]));
      expect(route).toMatchObject({ articulatedCredits: 0, appliedCredits: 6, missingCredentialIds: [], nextSteps: [] });
    });

    it('reports NO_AGREEMENT for a credential the counting agreement does not map', () => {
      const route = computeRoute(anaInput({ awards: [award(1, LAB_SAFETY, '2025-01-01')] }));
      expect(route.items).toEqual([{ awardId: 1, credentialId: LAB_SAFETY, agreementId: null, courseEquivalent: null, credits: 0, status: 'NO_AGREEMENT' }]);
    });
  });

  describe('rule 2: valid awards, and the reason an award is not', () => {
    const levelThree = itAgreement({ block: null, mappings: [{ credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: 3 }] });
    const routeOf = (...awards: ReturnType<typeof award>[]) => computeRoute(anaInput({ agreements: [levelThree], awards, approvedPriorLearningCredits: 0 }));

    it('COUNTED: on asOf, not revoked, at the minimum level, within the recency limit', () => {
      expect(statusesOf(routeOf(award(1, FUNDAMENTALS, '2026-11-22', { masteryLevel: 3 })), FUNDAMENTALS)).toEqual(['COUNTED:3']);
    });

    it('NOT_YET_AWARDED: awarded after asOf, whatever else is wrong with it', () => {
      expect(statusesOf(routeOf(award(1, FUNDAMENTALS, '2026-11-23', { revoked: true, masteryLevel: 1 })), FUNDAMENTALS)).toEqual(['NOT_YET_AWARDED:0']);
    });

    it('REVOKED: before the level and recency checks', () => {
      expect(statusesOf(routeOf(award(1, FUNDAMENTALS, '2010-01-01', { revoked: true, masteryLevel: 1 })), FUNDAMENTALS)).toEqual(['REVOKED:0']);
    });

    it('REVOKED only from the revocation date on: an award revoked after asOf still counts as of asOf', () => {
      const revokedOn = (date: string) => routeOf(award(1, FUNDAMENTALS, '2025-01-01', { revoked: true, revokedOn: date, masteryLevel: 4 }));
      expect(statusesOf(revokedOn('2026-11-23'), FUNDAMENTALS)).toEqual(['COUNTED:3']);
      expect(statusesOf(revokedOn('2026-11-22'), FUNDAMENTALS)).toEqual(['REVOKED:0']);
      expect(statusesOf(revokedOn('2020-01-01'), FUNDAMENTALS)).toEqual(['REVOKED:0']);
    });

    it('reports NOT_YET_AWARDED and REVOKED before NO_AGREEMENT: they need no agreement to be known', () => {
      const route = computeRoute(anaInput({ awards: [
        award(1, LAB_SAFETY, '2026-12-01'),
        award(2, LAB_SAFETY, '2025-01-01', { revoked: true, revokedOn: '2026-01-01' }),
        award(3, LAB_SAFETY, '2025-01-02', { revoked: true, revokedOn: '2027-01-01' }),
      ] }));
      expect(route.items.map((item) => `${item.awardId}:${item.status}:${item.agreementId}`)).toEqual(['2:REVOKED:null', '3:NO_AGREEMENT:null', '1:NOT_YET_AWARDED:null']);
    });

    it('LEVEL_TOO_LOW: below the minimum or with no level recorded, before the recency check', () => {
      const route = routeOf(award(1, FUNDAMENTALS, '2010-01-01', { masteryLevel: 2 }), award(2, FUNDAMENTALS, '2026-01-01', { masteryLevel: null }));
      expect(statusesOf(route, FUNDAMENTALS)).toEqual(['LEVEL_TOO_LOW:0', 'LEVEL_TOO_LOW:0']);
    });

    it('EXPIRED: awarded before asOf minus the recency limit', () => {
      const route = computeRoute(anaInput({ awards: [award(1, NETWORK_BASICS, '2021-11-22'), award(2, HELP_DESK, '2021-11-21')] }));
      expect(statusesOf(route, NETWORK_BASICS)).toEqual(['COUNTED:4']);
      expect(statusesOf(route, HELP_DESK)).toEqual(['EXPIRED:0']);
    });

    it('never expires an award when the agreement has no recency limit', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ recencyYears: null })], awards: [award(1, NETWORK_BASICS, '1990-01-01')] }));
      expect(statusesOf(route, NETWORK_BASICS)).toEqual(['COUNTED:4']);
    });

    it.each([
      ['2028-02-29', 5, '2023-02-28', '2023-02-27'],
      ['2028-02-29', 4, '2024-02-29', '2024-02-28'],
      ['2024-02-29', 1, '2023-02-28', '2023-02-27'],
    ])('on %s with a %i-year limit keeps an award of %s and expires one of %s', (asOf, recencyYears, kept, expired) => {
      const agreement = itAgreement({ recencyYears, effectiveFrom: '2020-01-01', effectiveTo: null });
      const route = computeRoute(anaInput({ asOf, agreements: [agreement], awards: [award(1, NETWORK_BASICS, kept), award(2, HELP_DESK, expired)] }));
      expect(statusesOf(route, NETWORK_BASICS)).toEqual(['COUNTED:4']);
      expect(statusesOf(route, HELP_DESK)).toEqual(['EXPIRED:0']);
    });

    it('adds calendar years, 29 February becoming 28 February in a common year', () => {
      expect(addYears('2026-11-22', -5)).toBe('2021-11-22');
      expect(addYears('2024-02-29', -5)).toBe('2019-02-28');
      expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
      expect(addYears('2096-02-29', 4)).toBe('2100-02-28');
      expect(addYears('2000-02-29', -400)).toBe('1600-02-29');
    });

    describe('when several counting agreements map the credential', () => {
      const richer = (overrides: { id?: number; credits?: number; minMasteryLevel?: number | null }) =>
        itAgreement({
          id: overrides.id ?? 11,
          recencyYears: null,
          block: null,
          mappings: [{ credentialId: NETWORK_BASICS, credits: overrides.credits ?? 5, courseEquivalent: 'NET-101', minMasteryLevel: overrides.minMasteryLevel ?? null }],
        });

      it('uses the valid mapping with the most credits', () => {
        const route = computeRoute(anaInput({ agreements: [itAgreement(), richer({})] }));
        expect(itemOf(route, NETWORK_BASICS)).toMatchObject({ status: 'COUNTED', credits: 5, agreementId: 11, courseEquivalent: 'NET-101' });
      });

      it('falls back to a valid mapping with fewer credits', () => {
        const route = computeRoute(anaInput({ agreements: [itAgreement(), richer({ minMasteryLevel: 4 })], awards: [award(1, NETWORK_BASICS, '2025-03-01')] }));
        expect(itemOf(route, NETWORK_BASICS)).toMatchObject({ status: 'COUNTED', credits: 4, agreementId: 10, courseEquivalent: 'CIS-120' });
      });

      it('on a tie in credits between course equivalents takes the first in code order', () => {
        const route = computeRoute(anaInput({ agreements: [itAgreement(), richer({ id: 9, credits: 4 })], awards: [award(1, NETWORK_BASICS, '2025-03-01')] }));
        expect(itemOf(route, NETWORK_BASICS)).toMatchObject({ status: 'COUNTED', credits: 4, agreementId: 10, courseEquivalent: 'CIS-120' });
      });

      it('on a tie in credits for one course equivalent takes the lowest agreement id', () => {
        const sameCourse = itAgreement({ id: 9, recencyYears: null, block: null, mappings: [{ credentialId: NETWORK_BASICS, credits: 4, courseEquivalent: 'CIS-120', minMasteryLevel: null }] });
        const route = computeRoute(anaInput({ agreements: [itAgreement(), sameCourse], awards: [award(1, NETWORK_BASICS, '2025-03-01')] }));
        expect(itemOf(route, NETWORK_BASICS)).toMatchObject({ status: 'COUNTED', credits: 4, agreementId: 9, courseEquivalent: 'CIS-120' });
      });

      it('reports the first failure of the mapping with the most credits when none is valid', () => {
        const route = computeRoute(anaInput({ agreements: [itAgreement(), richer({ minMasteryLevel: 4 })] }));
        expect(itemOf(route, NETWORK_BASICS)).toMatchObject({ status: 'LEVEL_TOO_LOW', credits: 0, agreementId: 11, courseEquivalent: 'NET-101' });
      });
    });
  });

  describe('rule 3: each credential and each course equivalent count once', () => {
    it('counts the largest credit value of a course equivalent, even from a later award', () => {
      const agreement = itAgreement({ mappings: [
        { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: CUSTOMER_SERVICE, credits: 4, courseEquivalent: 'CIS-105', minMasteryLevel: null },
      ] });
      const route = computeRoute(anaInput({ agreements: [agreement] }));
      expect(itemOf(route, CUSTOMER_SERVICE)).toMatchObject({ status: 'COUNTED', credits: 4 });
      expect(itemOf(route, FUNDAMENTALS)).toEqual({ awardId: 1, credentialId: FUNDAMENTALS, agreementId: 10, courseEquivalent: 'CIS-105', credits: 0, status: 'DUPLICATE' });
    });

    it('on a tie counts the award with the lowest id among those of the same day', () => {
      const route = computeRoute(anaInput({ awards: [award(7, FUNDAMENTALS, '2025-02-01'), award(5, CUSTOMER_SERVICE, '2025-02-01')] }));
      expect(route.items.map((item) => `${item.awardId}:${item.status}`)).toEqual(['5:COUNTED', '7:DUPLICATE']);
    });

    it('on a tie counts a held award before a hypothetical one of the same day', () => {
      const input = anaInput({ awards: [award(1, FUNDAMENTALS, '2026-11-22')] });
      const route = computeRoute(withHypotheticalAwards(input, [CUSTOMER_SERVICE]));
      expect(route.items.map((item) => `${item.awardId}:${item.status}`)).toEqual(['1:COUNTED', 'null:DUPLICATE']);
    });

    it('never merges mappings without a course equivalent', () => {
      const agreement = itAgreement({ mappings: [
        { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: null, minMasteryLevel: null },
        { credentialId: CUSTOMER_SERVICE, credits: 3, courseEquivalent: null, minMasteryLevel: null },
      ] });
      const route = computeRoute(anaInput({ agreements: [agreement] }));
      expect([...statusesOf(route, FUNDAMENTALS), ...statusesOf(route, CUSTOMER_SERVICE)]).toEqual(['COUNTED:3', 'COUNTED:3']);
    });

    it('marks a second award of a counted credential DUPLICATE, keeping its agreement and course equivalent', () => {
      const route = computeRoute(anaInput({ awards: [award(1, HELP_DESK, '2025-01-01'), award(2, HELP_DESK, '2025-06-01')] }));
      expect(route.items[1]).toEqual({ awardId: 2, credentialId: HELP_DESK, agreementId: 10, courseEquivalent: 'CIS-198', credits: 0, status: 'DUPLICATE' });
      expect(route.articulatedCredits).toBe(3);
    });

    it('counts the later award of a credential when another agreement gives it more credits', () => {
      const practicum = itAgreement({ id: 11, block: null, mappings: [{ credentialId: HELP_DESK, credits: 5, courseEquivalent: 'CIS-199', minMasteryLevel: 3 }] });
      const route = computeRoute(anaInput({ agreements: [itAgreement(), practicum], awards: [award(1, HELP_DESK, '2025-01-01'), award(2, HELP_DESK, '2025-06-01', { masteryLevel: 3 })] }));
      expect(statusesOf(route, HELP_DESK)).toEqual(['DUPLICATE:0', 'COUNTED:5']);
      expect(route.articulatedCredits).toBe(5);
    });

    it('assigns a credential mapped to two course equivalents where it loses no credit, so a new award never lowers the total', () => {
      // Fundamentals: 5 for CIS-105 under a 2-year limit, 3 for CIS-110 under no limit; Customer Service: 4 for CIS-105.
      const recent = itAgreement({ id: 20, recencyYears: 2, block: null, mappings: [
        { credentialId: FUNDAMENTALS, credits: 5, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: CUSTOMER_SERVICE, credits: 4, courseEquivalent: 'CIS-105', minMasteryLevel: null },
      ] });
      const lasting = itAgreement({ id: 21, recencyYears: null, block: null, mappings: [{ credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-110', minMasteryLevel: null }] });
      const held = [award(1, FUNDAMENTALS, '2015-01-01'), award(2, CUSTOMER_SERVICE, '2025-01-01')];
      const input = anaInput({ agreements: [recent, lasting], awards: held, approvedPriorLearningCredits: 0 });

      expect(computeRoute(input).appliedCredits).toBe(7);
      const route = computeRoute({ ...input, awards: [...held, award(3, FUNDAMENTALS, '2026-01-01')] });
      expect(route.items.map((item) => `${item.awardId}:${item.status}:${item.credits}:${item.courseEquivalent}`)).toEqual([
        '1:COUNTED:3:CIS-110', '2:COUNTED:4:CIS-105', '3:DUPLICATE:0:CIS-105',
      ]);
      expect(route.appliedCredits).toBe(7);
    });

    it('moves a credential to its second course equivalent when that frees the first for another credential, each mapping with its own agreement\'s level and recency', () => {
      // Fundamentals (2017) maps to CIS-120 for 3 under a 1-year limit and to CIS-130 for 0.01 at level 1;
      // Network Basics (2009) maps to CIS-120 for 3 with no limit. Counting Fundamentals for CIS-130 lets Network Basics count too.
      const yearLimit = itAgreement({ id: 1, effectiveFrom: '2010-01-01', recencyYears: 1, block: null, mappings: [{ credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-120', minMasteryLevel: null }] });
      const noLimit = itAgreement({ id: 2, effectiveFrom: '2010-01-01', recencyYears: null, block: null, mappings: [
        { credentialId: NETWORK_BASICS, credits: 3, courseEquivalent: 'CIS-120', minMasteryLevel: null },
        { credentialId: FUNDAMENTALS, credits: 0.01, courseEquivalent: 'CIS-130', minMasteryLevel: 1 },
      ] });
      const route = computeRoute(anaInput({
        asOf: '2018-01-13',
        agreements: [yearLimit, noLimit],
        awards: [award(1, NETWORK_BASICS, '2009-10-27'), award(2, FUNDAMENTALS, '2017-01-13', { masteryLevel: 1 })],
        approvedPriorLearningCredits: 0,
      }));
      expect(route.items.map((item) => `${item.awardId}:${item.status}:${item.credits}:${item.agreementId}:${item.courseEquivalent}`)).toEqual([
        '1:COUNTED:3:2:CIS-120', '2:COUNTED:0.01:2:CIS-130',
      ]);
      expect(route.appliedCredits).toBe(3.01);
    });

    it('among assignments of equal credit counts the earlier awards, then gives them course equivalents in code order', () => {
      // Both credentials give 3 for CIS-105 or CIS-198 and only one of them can have each; Help Desk's award is earlier.
      const agreement = itAgreement({ recencyYears: null, block: null, mappings: [
        { credentialId: HELP_DESK, credits: 3, courseEquivalent: 'CIS-198', minMasteryLevel: null },
        { credentialId: HELP_DESK, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-198', minMasteryLevel: null },
        { credentialId: FUNDAMENTALS, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
      ] });
      const route = computeRoute(anaInput({ agreements: [agreement], awards: [award(7, FUNDAMENTALS, '2024-01-01'), award(8, HELP_DESK, '2023-01-01')], approvedPriorLearningCredits: 0 }));
      expect(route.items.map((item) => `${item.awardId}:${item.status}:${item.credits}:${item.courseEquivalent}`)).toEqual(['8:COUNTED:3:CIS-105', '7:COUNTED:3:CIS-198']);

      // One course equivalent only: 3 credits either way, and the earlier award counts.
      const single = itAgreement({ recencyYears: null, block: null, mappings: [
        { credentialId: HELP_DESK, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: FUNDAMENTALS, credits: 2, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: FUNDAMENTALS, credits: 1, courseEquivalent: 'CIS-198', minMasteryLevel: null },
      ] });
      const tie = computeRoute(anaInput({ agreements: [single], awards: [award(7, FUNDAMENTALS, '2023-01-01'), award(8, HELP_DESK, '2024-01-01')], approvedPriorLearningCredits: 0 }));
      expect(tie.items.map((item) => `${item.awardId}:${item.status}:${item.credits}:${item.courseEquivalent}`)).toEqual(['7:COUNTED:1:CIS-198', '8:COUNTED:3:CIS-105']);
    });
  });

  describe('rule 4: block credit', () => {
    const withNetworkBasicsAgain = () => [...anaInput().awards, award(9, NETWORK_BASICS, '2025-03-01')];

    it('is given when every stage of the pathway is satisfied', () => {
      const route = computeRoute(anaInput({ awards: withNetworkBasicsAgain() }));
      expect(route).toMatchObject({ articulatedCredits: 10, blockCredits: 2, appliedCredits: 18, remainingCredits: 42, missingCredentialIds: [] });
    });

    it('accepts DUPLICATE awards', () => {
      const agreement = itAgreement({ block: { credits: 2, pathwayId: 100, stages: [{ position: 1, requirement: 'ALL', requiredCount: null, credentialIds: [FUNDAMENTALS, CUSTOMER_SERVICE] }] } });
      const route = computeRoute(anaInput({ agreements: [agreement] }));
      expect(itemOf(route, CUSTOMER_SERVICE)?.status).toBe('DUPLICATE');
      expect(route.blockCredits).toBe(2);
    });

    it('satisfies an AT_LEAST n stage with n of its credentials', () => {
      const agreement = itAgreement({ block: { credits: 2, pathwayId: 100, stages: [
        { position: 1, requirement: 'AT_LEAST', requiredCount: 2, credentialIds: [FUNDAMENTALS, NETWORK_BASICS, HELP_DESK] },
      ] } });
      expect(computeRoute(anaInput({ agreements: [agreement] })).blockCredits).toBe(2);
      const short = computeRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2024-05-01')] }));
      expect(short).toMatchObject({ blockCredits: 0, missingCredentialIds: [NETWORK_BASICS, HELP_DESK] });
    });

    it('holds a pathway credential to its mapping minimum level', () => {
      const agreement = itAgreement({ mappings: withMapping(HELP_DESK, { minMasteryLevel: 3 }) });
      const route = computeRoute(anaInput({ agreements: [agreement], awards: withNetworkBasicsAgain() }));
      expect(route).toMatchObject({ blockCredits: 0, missingCredentialIds: [HELP_DESK] });
    });

    describe('for a pathway credential the agreement does not map', () => {
      const agreement = itAgreement({ block: { credits: 2, pathwayId: 100, stages: [
        { position: 1, requirement: 'ALL', requiredCount: null, credentialIds: [FUNDAMENTALS] },
        { position: 2, requirement: 'ALL', requiredCount: null, credentialIds: [LAB_SAFETY] },
      ] } });
      const routeWith = (labSafety: ReturnType<typeof award>) => computeRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2025-02-01'), labSafety] }));

      it('accepts an award of any level within the recency limit', () => {
        const route = routeWith(award(2, LAB_SAFETY, '2021-11-22', { masteryLevel: null }));
        expect(route).toMatchObject({ blockCredits: 2, missingCredentialIds: [] });
        expect(itemOf(route, LAB_SAFETY)?.status).toBe('NO_AGREEMENT');
      });

      it.each([
        ['is too old', award(2, LAB_SAFETY, '2021-11-21')],
        ['is revoked', award(2, LAB_SAFETY, '2025-01-01', { revoked: true })],
        ['is not yet awarded', award(2, LAB_SAFETY, '2026-11-23')],
      ])('refuses an award that %s', (_reason, labSafety) => {
        expect(routeWith(labSafety)).toMatchObject({ blockCredits: 0, missingCredentialIds: [LAB_SAFETY] });
      });
    });

    it('is not given for a pathway with no published stages', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ block: { credits: 2, pathwayId: 100, stages: [] } })], awards: withNetworkBasicsAgain() }));
      expect(route).toMatchObject({ blockCredits: 0, missingCredentialIds: [] });
    });

    it('comes only from counting agreements', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ status: 'SUSPENDED' })], awards: withNetworkBasicsAgain() }));
      expect(route).toMatchObject({ blockCredits: 0, missingCredentialIds: [] });
    });

    it('lists missing credentials in stage order, once across agreements', () => {
      const stages = [...(itAgreement().block?.stages ?? [])].reverse();
      const agreements = [10, 11].map((id) => itAgreement({ id, block: { credits: 2, pathwayId: 100, stages } }));
      expect(computeRoute(anaInput({ agreements, awards: [] })).missingCredentialIds).toEqual([FUNDAMENTALS, NETWORK_BASICS, HELP_DESK]);
    });
  });

  describe('rules 5 and 6: limits', () => {
    it('caps prior learning at floor(cap × total credits), reporting the cut', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 50, program: program(61, 0, 0.25) }));
      expect(route).toMatchObject({ articulatedCredits: 6, priorLearningCredits: 50, creditsCutByLimits: 35, appliedCredits: 21, remainingCredits: 40 });
    });

    it('limits outside credit to total − residency, cutting prior learning first', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 10, program: program(20, 12, 1) }));
      expect(route).toMatchObject({ articulatedCredits: 6, priorLearningCredits: 10, creditsCutByLimits: 8, appliedCredits: 8, remainingCredits: 12 });
    });

    it('cuts articulated and block credit too when they alone pass the residency limit', () => {
      const awards = [...anaInput().awards, award(9, NETWORK_BASICS, '2025-03-01')];
      const route = computeRoute(anaInput({ awards, program: program(10, 6, 0.75) }));
      expect(route).toMatchObject({ articulatedCredits: 10, blockCredits: 2, priorLearningCredits: 6, creditsCutByLimits: 14, appliedCredits: 4, remainingCredits: 6 });
    });

    it('reports what both limits cut together', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 20, program: program(60, 50, 0.1) }));
      expect(route).toMatchObject({ articulatedCredits: 6, priorLearningCredits: 20, creditsCutByLimits: 16, appliedCredits: 10, remainingCredits: 50 });
    });

    it('adds fractional credits exactly and takes the cap of the exact product', () => {
      const agreement = itAgreement({ block: null, mappings: [
        { credentialId: FUNDAMENTALS, credits: 0.1, courseEquivalent: 'CIS-105', minMasteryLevel: null },
        { credentialId: HELP_DESK, credits: 0.2, courseEquivalent: 'CIS-198', minMasteryLevel: null },
      ] });
      const route = computeRoute(anaInput({ agreements: [agreement], approvedPriorLearningCredits: 40.5, program: program(100, 0, 0.29) }));
      expect(route).toMatchObject({ articulatedCredits: 0.3, priorLearningCredits: 40.5, creditsCutByLimits: 11.5, appliedCredits: 29.3, remainingCredits: 70.7 });
    });
  });

  describe('rule 7: what is missing and what to earn next', () => {
    it('suggests a block pathway credential no agreement maps when earning it completes the pathway', () => {
      const agreement = itAgreement({ block: { credits: 2, pathwayId: 100, stages: [
        { position: 1, requirement: 'ALL', requiredCount: null, credentialIds: [FUNDAMENTALS] },
        { position: 2, requirement: 'ALL', requiredCount: null, credentialIds: [LAB_SAFETY] },
      ] } });
      const route = computeRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2025-02-01')], approvedPriorLearningCredits: 0 }));
      expect(route.nextSteps.find((step) => step.credentialId === LAB_SAFETY)).toEqual({ credentialId: LAB_SAFETY, creditsGained: 2, workloadHours: 10, creditsPerHour: 0.2 });
      expect(planRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2025-02-01')], approvedPriorLearningCredits: 0 })).nextSteps(1)).toEqual([route.nextSteps[0]]);
      expect(route.nextSteps[0].credentialId).toBe(LAB_SAFETY);
      // Held and valid for the agreement: no longer a step.
      const held = computeRoute(anaInput({ agreements: [agreement], awards: [award(1, FUNDAMENTALS, '2025-02-01'), award(2, LAB_SAFETY, '2025-02-01')], approvedPriorLearningCredits: 0 }));
      expect(held.nextSteps.map((step) => step.credentialId)).not.toContain(LAB_SAFETY);
      expect(held.blockCredits).toBe(2);
    });

    it('ranks next steps by credits per hour, then credits gained, rounding the rate to 4 decimals', () => {
      const route = computeRoute(anaInput({ awards: [], approvedPriorLearningCredits: 0 }));
      expect(route.nextSteps).toEqual([
        { credentialId: CUSTOMER_SERVICE, creditsGained: 3, workloadHours: 30, creditsPerHour: 0.1 },
        // 4 / 60 h and 3 / 45 h are the same rate: more credits first.
        { credentialId: NETWORK_BASICS, creditsGained: 4, workloadHours: 60, creditsPerHour: 0.0667 },
        { credentialId: FUNDAMENTALS, creditsGained: 3, workloadHours: 45, creditsPerHour: 0.0667 },
        { credentialId: HELP_DESK, creditsGained: 3, workloadHours: 80, creditsPerHour: 0.0375 },
      ]);
    });

    it('breaks a tie in rate and credits by title', () => {
      const sameWork = new Map<number, EngineCredential>([...credentials].map(([id, credential]) => [id, { ...credential, workloadHours: 30 }]));
      const agreement = itAgreement({ block: null, mappings: withMapping(NETWORK_BASICS, { credits: 3 }) });
      const route = computeRoute(anaInput({ agreements: [agreement], awards: [award(1, CUSTOMER_SERVICE, '2025-01-01')], credentials: sameWork }));
      expect(route.nextSteps.map((step) => step.credentialId)).toEqual([HELP_DESK, NETWORK_BASICS]);
    });

    describe('asked for only the best few', () => {
      it('gives the first of the full ranking, ties in rate included', () => {
        const input = anaInput({ awards: [], approvedPriorLearningCredits: 0 });
        const all = computeRoute(input).nextSteps;
        expect([1, 2, 3, 4, 5].map((limit) => planRoute(input).nextSteps(limit))).toEqual([1, 2, 3, 4, 5].map((limit) => all.slice(0, limit)));
      });

      it('still tries a candidate that could tie the last one kept and win on title', () => {
        const sameWork = new Map<number, EngineCredential>([...credentials].map(([id, credential]) => [id, { ...credential, workloadHours: 30 }]));
        const agreement = itAgreement({ block: null, mappings: withMapping(NETWORK_BASICS, { credits: 3 }) });
        const input = anaInput({ agreements: [agreement], awards: [award(1, CUSTOMER_SERVICE, '2025-01-01')], credentials: sameWork });
        expect(planRoute(input).nextSteps(1).map((step) => step.credentialId)).toEqual([HELP_DESK]);
      });

      it('bounds a gain by the block credit the credential would unlock too', () => {
        // Network Basics again gains 4 + block 2 in 60 hours (0.1 an hour); Lab Safety 1 in 12 (0.0833).
        const withLabSafety = new Map([...credentials, [LAB_SAFETY, { id: LAB_SAFETY, title: 'Lab Safety', workloadHours: 12 }]]);
        const agreement = itAgreement({ mappings: [...itAgreement().mappings, { credentialId: LAB_SAFETY, credits: 1, courseEquivalent: 'LAB-100', minMasteryLevel: null }] });
        const input = anaInput({ agreements: [agreement], credentials: withLabSafety });
        expect(planRoute(input).nextSteps(1)).toEqual([{ credentialId: NETWORK_BASICS, creditsGained: 6, workloadHours: 60, creditsPerHour: 0.1 }]);
      });

      it('bounds a gain by the room left under the limit on outside credit, not below it', () => {
        // 8 of the 10 outside credits are used: the 5-credit mapping can add 2 (0.4 an hour), the 1-credit one 1 (0.25 an hour).
        const short = new Map<number, EngineCredential>([
          [FUNDAMENTALS, { id: FUNDAMENTALS, title: 'Five credits', workloadHours: 5 }],
          [NETWORK_BASICS, { id: NETWORK_BASICS, title: 'One credit', workloadHours: 4 }],
        ]);
        const agreement = itAgreement({ block: null, mappings: [
          { credentialId: FUNDAMENTALS, credits: 5, courseEquivalent: 'C-1', minMasteryLevel: null },
          { credentialId: NETWORK_BASICS, credits: 1, courseEquivalent: 'C-2', minMasteryLevel: null },
        ] });
        const input = anaInput({ agreements: [agreement], awards: [], approvedPriorLearningCredits: 8, program: program(10, 0, 1), credentials: short });
        expect(planRoute(input).nextSteps(1)).toEqual([{ credentialId: FUNDAMENTALS, creditsGained: 2, workloadHours: 5, creditsPerHour: 0.4 }]);
      });
    });

    it('counts what duplicates and limits leave of a gain, and lists no step that gains nothing', () => {
      const route = computeRoute(anaInput({ agreements: [itAgreement({ block: null })], awards: [award(1, FUNDAMENTALS, '2024-05-01')], approvedPriorLearningCredits: 0, program: program(10, 5, 0.75) }));
      expect(route.nextSteps).toEqual([
        { credentialId: NETWORK_BASICS, creditsGained: 2, workloadHours: 60, creditsPerHour: 0.0333 },
        { credentialId: HELP_DESK, creditsGained: 2, workloadHours: 80, creditsPerHour: 0.025 },
      ]);
    });

    it('lists nothing once the limits are reached', () => {
      const route = computeRoute(anaInput({ approvedPriorLearningCredits: 45 }));
      expect(route).toMatchObject({ appliedCredits: 45, remainingCredits: 15, creditsCutByLimits: 6, nextSteps: [] });
    });

    it('answers what-if with hypothetical awards on asOf, leaving the input as it was', () => {
      const input = anaInput();
      const route = computeRoute(withHypotheticalAwards(input, [NETWORK_BASICS]));
      expect(route).toMatchObject({ appliedCredits: 18, blockCredits: 2, missingCredentialIds: [], nextSteps: [] });
      expect(route.items.at(-1)).toEqual({ awardId: null, credentialId: NETWORK_BASICS, agreementId: 10, courseEquivalent: 'CIS-120', credits: 4, status: 'COUNTED' });
      expect(input.awards).toHaveLength(4);
    });

    it('gives a hypothetical award the highest level any mapping of its credential asks for', () => {
      const demanding = itAgreement({ id: 11, status: 'DRAFT', mappings: [{ credentialId: NETWORK_BASICS, credits: 4, courseEquivalent: null, minMasteryLevel: 4 }] });
      const agreement = itAgreement({ mappings: withMapping(NETWORK_BASICS, { minMasteryLevel: 3 }) });
      const { awards } = withHypotheticalAwards(anaInput({ agreements: [agreement, demanding], awards: [] }), [NETWORK_BASICS, HELP_DESK]);
      expect(awards).toEqual([
        { id: null, credentialId: NETWORK_BASICS, awardedOn: '2026-11-22', masteryLevel: 4, revoked: false },
        { id: null, credentialId: HELP_DESK, awardedOn: '2026-11-22', masteryLevel: null, revoked: false },
      ]);
    });
  });
});
