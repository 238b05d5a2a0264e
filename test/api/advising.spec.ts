import { Role } from '../../api/src/modules/accounts/user.entity';
import { seedWorkedExample, WorkedExampleIds } from '../../api/src/seed/worked-example';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { makeAgreement, makeAward, makeLearner, makeProgram } from '../support/factories/articulation';

const ROUTES = `query($learner: ID!, $asOf: Date) {
  learnerRoutes(learnerId: $learner, asOf: $asOf) {
    degreeProgram { title } asOf totalCredits appliedCredits remainingCredits
    articulatedCredits blockCredits priorLearningCredits creditsCutByLimits
    items { credential { title } agreement { id } award { awardedOn } courseEquivalent credits status }
    missingCredentials { title }
    nextSteps { credential { title } creditsGained workloadHours creditsPerHour }
  }
}`;

describe('advising: articulation routes through GraphQL', () => {
  let api: TestApi;
  let example: WorkedExampleIds;
  let advisor: string;
  let otherAdvisor: string;

  let collegeId: number;

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db, { name: 'Lakeshore Community College' });
    collegeId = college.id;
    example = await api.db.transaction((em) => seedWorkedExample(em, college.id));
    advisor = await tokenFor(api, (await makeUser(api.db, Role.ADVISOR, { institutionId: college.id })).email);
    const elsewhere = await makeInstitution(api.db);
    otherAdvisor = await tokenFor(api, (await makeUser(api.db, Role.ADVISOR, { institutionId: elsewhere.id })).email);
  });
  afterAll(() => api.close());

  it('returns DOMAIN.md\'s worked example exactly', async () => {
    const result = await api.gql(ROUTES, { learner: gid(example.learner), asOf: '2026-11-22' }, { token: advisor });
    expect(result.errors).toBeUndefined();
    const [route] = result.data?.learnerRoutes;
    expect(result.data?.learnerRoutes).toHaveLength(1);
    expect(route).toMatchObject({
      degreeProgram: { title: 'AAS Information Technology' }, asOf: '2026-11-22', totalCredits: 60,
      appliedCredits: 12, remainingCredits: 48, articulatedCredits: 6, blockCredits: 0, priorLearningCredits: 6, creditsCutByLimits: 0,
    });
    const agreement = { id: gid(example.agreement) };
    expect(route.items).toEqual([
      { credential: { title: 'Network Basics' }, agreement, award: { awardedOn: '2019-03-01' }, courseEquivalent: 'CIS-120', credits: 0, status: 'EXPIRED' },
      { credential: { title: 'IT Support Fundamentals' }, agreement, award: { awardedOn: '2024-05-01' }, courseEquivalent: 'CIS-105', credits: 3, status: 'COUNTED' },
      { credential: { title: 'Customer Service Essentials' }, agreement, award: { awardedOn: '2025-01-15' }, courseEquivalent: 'CIS-105', credits: 0, status: 'DUPLICATE' },
      { credential: { title: 'Help Desk Practicum' }, agreement, award: { awardedOn: '2025-09-01' }, courseEquivalent: 'CIS-198', credits: 3, status: 'COUNTED' },
    ]);
    expect(route.missingCredentials).toEqual([{ title: 'Network Basics' }]);
    expect(route.nextSteps[0]).toEqual({ credential: { title: 'Network Basics' }, creditsGained: 6, workloadHours: 60, creditsPerHour: 0.1 });
  });

  it('as of a date before the agreement and some awards: later awards are "not yet awarded", earlier ones have no agreement', async () => {
    // 2024-12-01: the agreement starts 2025-01-01; Help Desk Practicum and Customer Service Essentials come in 2025.
    const result = await api.gql(ROUTES, { learner: gid(example.learner), asOf: '2024-12-01' }, { token: advisor });
    expect(result.errors).toBeUndefined();
    const [route] = result.data?.learnerRoutes;
    expect(route.items.map((item: { credential: { title: string }; status: string }) => `${item.credential.title}: ${item.status}`)).toEqual([
      'Network Basics: NO_AGREEMENT',
      'IT Support Fundamentals: NO_AGREEMENT',
      'Customer Service Essentials: NOT_YET_AWARDED',
      'Help Desk Practicum: NOT_YET_AWARDED',
    ]);
    expect(route.articulatedCredits).toBe(0);
  });

  it('answers what-if without writing, and the single route agrees with the list', async () => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM award`);
    const whatIf = await api.gql(
      `query($l: ID!, $p: ID!, $c: [ID!]!) { whatIf(learnerId: $l, degreeProgramId: $p, addCredentialIds: $c, asOf: "2026-11-22") { appliedCredits blockCredits remainingCredits items { award { id } status credits } } }`,
      { l: gid(example.learner), p: gid(example.program), c: [gid(example.credentials[1])] },
      { token: advisor },
    );
    expect(whatIf.data?.whatIf).toMatchObject({ appliedCredits: 18, blockCredits: 2, remainingCredits: 42 });
    expect(whatIf.data?.whatIf.items).toContainEqual({ award: null, status: 'COUNTED', credits: 4 });
    expect(await api.db.query(`SELECT count(*)::int AS n FROM award`)).toEqual(before);
    const single = await api.gql(`query($l: ID!, $p: ID!) { route(learnerId: $l, degreeProgramId: $p, asOf: "2026-11-22") { appliedCredits } }`,
      { l: gid(example.learner), p: gid(example.program) }, { token: advisor });
    expect(single.data?.route.appliedCredits).toBe(12);
  });

  it('counts an award revoked after asOf as of asOf, while the revocation itself is recorded at once', async () => {
    const REVOKE = `mutation($input: AwardRevokeInput!) { awardRevoke(input: $input) { award { revoked revokedAt revokedOn } userErrors { field code } } }`;
    const STATUS = `query($l: ID!, $p: ID!, $asOf: Date!) { route(learnerId: $l, degreeProgramId: $p, asOf: $asOf) { appliedCredits items { status credits } } }`;
    const learner = await makeLearner(api.db, collegeId, { email: 'revoked-later@learners.test' });
    const award = await makeAward(api.db, learner.id, example.credentials[0].id, { awardedOn: '2025-03-01', masteryLevel: 2 });
    const ids = { l: gid(learner), p: gid(example.program) };

    const early = await api.gql(REVOKE, { input: { id: gid(award), reason: 'Falsified', revokedOn: '2025-02-28' } });
    expect(early.data?.awardRevoke).toEqual({ award: null, userErrors: [{ field: ['input', 'revokedOn'], code: 'OUT_OF_RANGE' }] });
    const future = await api.gql(REVOKE, { input: { id: gid(award), reason: 'Falsified', revokedOn: '2999-01-01' } });
    expect(future.data?.awardRevoke).toEqual({ award: null, userErrors: [{ field: ['input', 'revokedOn'], code: 'OUT_OF_RANGE' }] });

    const revoked = await api.gql(REVOKE, { input: { id: gid(award), reason: 'Falsified', revokedOn: '2026-06-01' } });
    expect(revoked.data?.awardRevoke.userErrors).toEqual([]);
    expect(revoked.data?.awardRevoke.award).toMatchObject({ revoked: true, revokedOn: '2026-06-01' });
    expect(revoked.data?.awardRevoke.award.revokedAt).not.toBeNull();

    const before = await api.gql(STATUS, { ...ids, asOf: '2026-05-31' }, { token: advisor });
    expect(before.data?.route).toEqual({ appliedCredits: 3, items: [{ status: 'COUNTED', credits: 3 }] });
    const on = await api.gql(STATUS, { ...ids, asOf: '2026-06-01' }, { token: advisor });
    expect(on.data?.route).toEqual({ appliedCredits: 0, items: [{ status: 'REVOKED', credits: 0 }] });
    // The impact reports below count the worked example's learner alone.
    await api.db.query(`DELETE FROM learner WHERE id = $1`, [learner.id]);
  });

  it('dates a revocation today when revokedOn is omitted', async () => {
    const learner = await makeLearner(api.db, collegeId, { email: 'revoked-today@learners.test' });
    const award = await makeAward(api.db, learner.id, example.credentials[0].id, { awardedOn: '2025-03-01', masteryLevel: 2 });
    const revoked = await api.gql(`mutation($input: AwardRevokeInput!) { awardRevoke(input: $input) { award { revokedOn } userErrors { code } } }`, { input: { id: gid(award), reason: 'Falsified' } });
    expect(revoked.data?.awardRevoke).toEqual({ award: { revokedOn: new Date().toISOString().slice(0, 10) }, userErrors: [] });
    await api.db.query(`DELETE FROM learner WHERE id = $1`, [learner.id]);
  });

  it('loads a route in the same number of statements whatever the learner holds', async () => {
    const first = await api.gql(ROUTES, { learner: gid(example.learner), asOf: '2026-11-22' }, { token: advisor });
    await api.db.query(`INSERT INTO award (learner_id, credential_id, awarded_on, mastery_level) SELECT $1, credential_id, awarded_on + 1, 2 FROM award WHERE learner_id = $1`, [example.learner.id]);
    const second = await api.gql(ROUTES, { learner: gid(example.learner), asOf: '2026-11-22' }, { token: advisor });
    expect(second.data?.learnerRoutes[0].items).toHaveLength(8);
    expect(second.statements).toBe(first.statements);
    await api.db.query(`DELETE FROM award WHERE learner_id = $1 AND id > (SELECT min(id) + 3 FROM award WHERE learner_id = $1)`, [example.learner.id]);
  });

  it('lists a program the learner reaches only through a block pathway\'s credential, with the pathway\'s next steps', async () => {
    const [fundamentals, networkBasics, helpDesk] = example.credentials;
    const certificate = await makeProgram(api.db, collegeId, { title: 'Certificate in IT Support', totalCredits: 24, residencyCredits: 6 });
    // No credential is mapped: the agreement gives only block credit for completing the IT Support pathway.
    await makeAgreement(api.db, certificate, { title: 'IT Support pathway into the certificate', blockPathwayId: example.pathway.id, blockCredits: 6 });
    const learner = await makeLearner(api.db, collegeId);
    await makeAward(api.db, learner.id, fundamentals.id, { awardedOn: '2025-03-01', masteryLevel: 2 });
    await makeAward(api.db, learner.id, networkBasics.id, { awardedOn: '2025-04-01', masteryLevel: 2 });
    const result = await api.gql(ROUTES, { learner: gid(learner), asOf: '2026-11-22' }, { token: advisor });
    expect(result.errors).toBeUndefined();
    const routes: { degreeProgram: { title: string } }[] = result.data?.learnerRoutes;
    expect(routes.map((route) => route.degreeProgram.title).sort()).toEqual(['AAS Information Technology', 'Certificate in IT Support']);
    const route = result.data?.learnerRoutes.find((r: { degreeProgram: { title: string } }) => r.degreeProgram.title === 'Certificate in IT Support');
    expect(route).toMatchObject({ appliedCredits: 0, blockCredits: 0, remainingCredits: 24 });
    expect(route.missingCredentials).toEqual([{ title: helpDesk.title }]);
    expect(route.nextSteps).toEqual([{ credential: { title: helpDesk.title }, creditsGained: 6, workloadHours: helpDesk.workloadHours, creditsPerHour: expect.any(Number) }]);
    await api.db.query(`DELETE FROM learner WHERE id = $1`, [learner.id]);
    await api.db.query(`DELETE FROM articulation_agreement WHERE degree_program_id = $1`, [certificate.id]);
    await api.db.query(`DELETE FROM degree_program WHERE id = $1`, [certificate.id]);
  });

  it('is for advisors and staff of the learner\'s institution only', async () => {
    const other = await api.gql(ROUTES, { learner: gid(example.learner) }, { token: otherAdvisor });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    const anonymous = await api.gql(ROUTES, { learner: gid(example.learner) }, { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badId = await api.gql(ROUTES, { learner: 'garbage' }, { token: advisor });
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a route or what-if before it says anything about the other arguments', async () => {
    const WHAT_IF = `query($l: ID!, $p: ID!, $c: [ID!]!) { whatIf(learnerId: $l, degreeProgramId: $p, addCredentialIds: $c) { appliedCredits } }`;
    const ROUTE = `query($l: ID!, $p: ID!) { route(learnerId: $l, degreeProgramId: $p) { appliedCredits } }`;
    const badProgram = { l: gid(example.learner), p: 'garbage', c: ['garbage'] };
    expect((await api.gql(WHAT_IF, badProgram, { token: otherAdvisor })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(ROUTE, badProgram, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The learner's own advisor hears what is wrong, and a learner that is not there is NOT_FOUND first.
    const told = await api.gql(WHAT_IF, badProgram, { token: advisor });
    expect(told.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'degreeProgramId' });
    const tooMany = await api.gql(WHAT_IF, { ...badProgram, p: gid(example.program), c: Array.from({ length: 51 }, () => gid(example.credentials[0])) }, { token: advisor });
    expect(tooMany.errors?.[0].message).toBe('At most 50 credentials at a time');
    const nobody = await api.gql(ROUTE, { l: gid({ id: 999999, constructor: { name: 'Learner' } }), p: 'garbage' });
    expect(nobody.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  describe('impact of agreement changes', () => {
    const IMPACT = `query($a: ID!, $change: AgreementChangeInput!) {
      agreementImpact(agreementId: $a, change: $change, asOf: "2026-11-22") { asOf learnersConsidered changes { learner { familyName } appliedBefore appliedAfter difference } }
    }`;
    let registrar: string;
    beforeAll(async () => {
      registrar = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: example.program.institutionId })).email);
    });

    it('lists the learners whose applied credits would change, writing nothing', async () => {
      const raise = await api.gql(IMPACT, { a: gid(example.agreement), change: { credits: [{ credentialId: gid(example.credentials[0]), credits: 5 }] } }, { token: registrar });
      expect(raise.data?.agreementImpact).toEqual({
        asOf: '2026-11-22', learnersConsidered: 1,
        changes: [{ learner: { familyName: 'Morales' }, appliedBefore: 12, appliedAfter: 14, difference: 2 }],
      });
      const expiredOnly = await api.gql(IMPACT, { a: gid(example.agreement), change: { credits: [{ credentialId: gid(example.credentials[1]), credits: 6 }] } }, { token: registrar });
      expect(expiredOnly.data?.agreementImpact.changes).toEqual([]);
      const suspended = await api.gql(IMPACT, { a: gid(example.agreement), change: { status: 'SUSPENDED' } }, { token: registrar });
      expect(suspended.data?.agreementImpact.changes).toEqual([{ learner: { familyName: 'Morales' }, appliedBefore: 12, appliedAfter: 6, difference: -6 }]);
      const [{ credits }] = await api.db.query(`SELECT credits::float FROM credit_mapping WHERE agreement_id = $1 AND credential_id = $2`, [example.agreement.id, example.credentials[0].id]);
      expect(credits).toBe(3);
    });

    it('reports who loses credit when agreements expire soon', async () => {
      const result = await api.gql(`{ expiringAgreementImpacts(withinDays: 3000) { agreement { title } asOf changes { appliedBefore appliedAfter } } }`, {}, { token: registrar });
      const report = result.data?.expiringAgreementImpacts.find((r: { agreement: { title: string } }) => r.agreement.title === example.agreement.title);
      expect(report).toEqual({ agreement: { title: example.agreement.title }, asOf: '2028-01-01', changes: [{ appliedBefore: 12, appliedAfter: 6 }] });
    });

    it('is for the program\'s registrars only', async () => {
      const refused = await api.gql(IMPACT, { a: gid(example.agreement), change: { status: 'SUSPENDED' } }, { token: advisor });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const bad = await api.gql(IMPACT, { a: gid(example.agreement), change: { credits: [{ credentialId: gid(example.credentials[0]), credits: -1 }] } }, { token: registrar });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
