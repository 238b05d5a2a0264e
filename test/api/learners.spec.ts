import { Role } from '../../api/src/modules/accounts/user.entity';
import { DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { ClaimStatus } from '../../api/src/modules/learners/prior-learning-claim.entity';
import { startTestApi, TestApi } from '../support/api';
import { editingClient } from '../support/revisions';
import { gid, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { insertCredential, insertRubric, makeAward, makeClaim, makeLearner, makeProgram } from '../support/factories/articulation';

const LEARNER_FIELDS = 'id givenName familyName email externalId institution { name }';
const LEARNER_CREATE = `mutation($input: LearnerCreateInput!) { learnerCreate(input: $input) { learner { ${LEARNER_FIELDS} } userErrors { field code } } }`;
const LEARNER_UPDATE = `mutation($input: LearnerUpdateInput!) { learnerUpdate(input: $input) { learner { ${LEARNER_FIELDS} } userErrors { field code } } }`;
const LEARNER_DELETE = `mutation($id: ID!, $expectedRevision: Int!) { learnerDelete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`;
const LEARNERS = `query($first: Int, $after: String, $filter: LearnerFilter, $orderBy: LearnerOrder) {
  learners(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount nodes { givenName familyName } pageInfo { hasNextPage endCursor }
  }
}`;

const AWARD_FIELDS = 'id awardedOn masteryLevel evidenceUrl revoked revokedAt revocationReason learner { givenName } credential { title } rubricLevel { name }';
const AWARD_CREATE = `mutation($input: AwardCreateInput!) { awardCreate(input: $input) { award { ${AWARD_FIELDS} } userErrors { field code } } }`;
const AWARD_UPDATE = `mutation($input: AwardUpdateInput!) { awardUpdate(input: $input) { award { ${AWARD_FIELDS} } userErrors { field code } } }`;
const AWARD_DELETE = `mutation($id: ID!, $expectedRevision: Int!) { awardDelete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`;
const AWARD_REVOKE = `mutation($input: AwardRevokeInput!) { awardRevoke(input: $input) { award { ${AWARD_FIELDS} } userErrors { field code } } }`;

const CLAIM_FIELDS = 'id title evidence creditsRequested status creditsApproved decisionReason decidedAt learner { givenName } degreeProgram { title }';
const CLAIM_CREATE = `mutation($input: PriorLearningClaimCreateInput!) {
  priorLearningClaimCreate(input: $input) { priorLearningClaim { ${CLAIM_FIELDS} } userErrors { field code } }
}`;
const CLAIM_UPDATE = `mutation($input: PriorLearningClaimUpdateInput!) {
  priorLearningClaimUpdate(input: $input) { priorLearningClaim { ${CLAIM_FIELDS} } userErrors { field code } }
}`;
const CLAIM_DELETE = `mutation($id: ID!, $expectedRevision: Int!) { priorLearningClaimDelete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`;
const CLAIM_APPROVE = `mutation($input: PriorLearningClaimApproveInput!) {
  priorLearningClaimApprove(input: $input) { priorLearningClaim { ${CLAIM_FIELDS} } userErrors { field code } }
}`;
const CLAIM_DENY = `mutation($input: PriorLearningClaimDenyInput!) {
  priorLearningClaimDeny(input: $input) { priorLearningClaim { ${CLAIM_FIELDS} } userErrors { field code } }
}`;

type FieldError = { field: string[] | null; code: string };
const fieldsOf = (errors: FieldError[]) => errors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();
const familyNames = (connection: { nodes: { familyName: string }[] }) => connection.nodes.map((node) => node.familyName);
const missingId = (typeName: string) => Buffer.from(`${typeName}:999999`).toString('base64url');

describe('learners', () => {
  let api: TestApi;
  /** Edits of a learner's record, sent with the revision a page opened now would hold. */
  let edit: TestApi['gql'];
  let college: Institution;
  let program: DegreeProgram;
  let rubricked: Credential;
  let unrubricked: Credential;

  const countOf = async (table: string): Promise<number> => (await api.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    api = await startTestApi();
    edit = editingClient(api);
    college = await makeInstitution(api.db, { name: 'Riverside College' });
    program = await makeProgram(api.db, college.id, { title: 'AAS Information Technology' });
    rubricked = await insertCredential(api.db, college.id, { title: 'Network Basics' });
    await insertRubric(api.db, rubricked.id, 3);
    unrubricked = await insertCredential(api.db, college.id, { title: 'Customer Service Essentials' });
  });
  afterAll(() => api.close());

  describe('learners', () => {
    it('creates, reads, updates and deletes a learner, storing the email in lower case', async () => {
      const created = await api.gql(LEARNER_CREATE, {
        input: { institutionId: gid(college), givenName: 'Ana', familyName: 'Lopez', email: 'Ana.Lopez@Example.TEST', externalId: 'S-1001' },
      });
      expect(created.data?.learnerCreate.userErrors).toEqual([]);
      const learner = created.data?.learnerCreate.learner;
      expect(learner).toEqual({ id: learner.id, givenName: 'Ana', familyName: 'Lopez', email: 'ana.lopez@example.test', externalId: 'S-1001', institution: { name: 'Riverside College' } });

      const read = await api.gql(`query($id: ID!) { node(id: $id) { ... on Learner { email awards { id } priorLearningClaims { id } } } }`, { id: learner.id });
      expect(read.data?.node).toEqual({ email: 'ana.lopez@example.test', awards: [], priorLearningClaims: [] });

      const updated = await edit(LEARNER_UPDATE, { input: { id: learner.id, familyName: 'López García', externalId: null } });
      expect(updated.data?.learnerUpdate).toEqual({ learner: { ...learner, familyName: 'López García', externalId: null }, userErrors: [] });

      const deleted = await edit(LEARNER_DELETE, { id: learner.id });
      expect(deleted.data?.learnerDelete).toEqual({ deletedId: learner.id, userErrors: [] });
      expect((await api.gql(`query($id: ID!) { learner(id: $id) { id } }`, { id: learner.id })).data?.learner).toBeNull();
    });

    it('refuses a bad or taken email and empty names, writing nothing', async () => {
      const taken = await makeLearner(api.db, college.id, { email: 'taken@learners.test' });
      const before = await countOf('learner');
      const valid = { institutionId: gid(college), givenName: 'Bo', familyName: 'Chen', email: 'bo.chen@learners.test' };
      const bad = await api.gql(LEARNER_CREATE, { input: { ...valid, email: 'not-an-email', givenName: '', familyName: 'x'.repeat(101) } });
      expect(fieldsOf(bad.data?.learnerCreate.userErrors)).toEqual(['input.email:INVALID', 'input.familyName:TOO_LONG', 'input.givenName:REQUIRED']);
      const duplicate = await api.gql(LEARNER_CREATE, { input: { ...valid, email: 'TAKEN@learners.test' } });
      expect(duplicate.data?.learnerCreate).toEqual({ learner: null, userErrors: [{ field: ['input', 'email'], code: 'TAKEN' }] });
      expect(await countOf('learner')).toBe(before);

      const other = await makeLearner(api.db, college.id, { email: 'other@learners.test' });
      const takeOver = await edit(LEARNER_UPDATE, { input: { id: gid(other), email: taken.email } });
      expect(takeOver.data?.learnerUpdate.userErrors).toEqual([{ field: ['input', 'email'], code: 'TAKEN' }]);
      const cleared = await edit(LEARNER_UPDATE, { input: { id: gid(other), email: null, givenName: null } });
      expect(cleared.data?.learnerUpdate.userErrors).toEqual([{ field: ['input', 'givenName'], code: 'REQUIRED' }]);
      const clearedEmail = await edit(LEARNER_UPDATE, { input: { id: gid(other), email: null } });
      expect(clearedEmail.data?.learnerUpdate.userErrors).toEqual([{ field: ['input', 'email'], code: 'REQUIRED' }]);
      expect(await api.db.query('SELECT email FROM learner WHERE id = $1', [other.id])).toEqual([{ email: 'other@learners.test' }]);
    });

    it('reports unknown and wrong-type IDs on the field', async () => {
      const before = await countOf('learner');
      const valid = { givenName: 'Cy', familyName: 'Dunn', email: 'cy.dunn@learners.test' };
      const unknown = await api.gql(LEARNER_CREATE, { input: { ...valid, institutionId: missingId('Institution') } });
      expect(unknown.data?.learnerCreate.userErrors).toEqual([{ field: ['input', 'institutionId'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(LEARNER_CREATE, { input: { ...valid, institutionId: gid(program) } });
      expect(wrongType.data?.learnerCreate.userErrors).toEqual([{ field: ['input', 'institutionId'], code: 'INVALID_ID' }]);
      expect(await countOf('learner')).toBe(before);
      const missingUpdate = await edit(LEARNER_UPDATE, { input: { id: missingId('Learner'), givenName: 'X' } });
      expect(missingUpdate.data?.learnerUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongDelete = await edit(LEARNER_DELETE, { id: gid(college) });
      expect(wrongDelete.data?.learnerDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
    });

    it('filters by name, email and institution; orders and pages', async () => {
      const north = await makeInstitution(api.db);
      const south = await makeInstitution(api.db);
      await makeLearner(api.db, north.id, { givenName: 'Bea', familyName: 'Moreno', email: 'bea@omega.test' });
      await makeLearner(api.db, north.id, { givenName: 'Ana', familyName: 'Zapata', email: 'ana.z@omega.test' });
      await makeLearner(api.db, south.id, { givenName: 'Omar', familyName: 'Castillo', email: 'oc@omega.test' });
      const omega = { search: 'omega' };

      const page1 = (await api.gql(LEARNERS, { first: 2, filter: omega })).data?.learners;
      expect(page1.totalCount).toBe(3);
      expect(familyNames(page1)).toEqual(['Castillo', 'Moreno']);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await api.gql(LEARNERS, { first: 2, after: page1.pageInfo.endCursor, filter: omega })).data?.learners;
      expect(familyNames(page2)).toEqual(['Zapata']);
      expect(page2.pageInfo.hasNextPage).toBe(false);

      const list = async (filter: Record<string, unknown>, orderBy?: Record<string, string>) =>
        familyNames((await api.gql(LEARNERS, { filter, orderBy })).data?.learners);
      expect(await list({ search: 'OMAR' })).toEqual(['Castillo']);
      expect(await list({ search: 'zapat' })).toEqual(['Zapata']);
      expect(await list({ search: 'ana.z@' })).toEqual(['Zapata']);
      expect(await list({ search: '%' })).toEqual([]);
      expect(await list({ institutionId: gid(north) })).toEqual(['Moreno', 'Zapata']);
      expect(await list({ ...omega, institutionId: gid(south) })).toEqual(['Castillo']);
      expect(await list(omega, { field: 'FAMILY_NAME', direction: 'DESC' })).toEqual(['Zapata', 'Moreno', 'Castillo']);
      expect(await list(omega, { field: 'CREATED_AT' })).toEqual(['Moreno', 'Zapata', 'Castillo']);

      const wrongType = await api.gql(LEARNERS, { filter: { institutionId: gid(program) } });
      expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('lists a learner\'s awards by date and claims; deleting the learner removes them', async () => {
      const learner = await makeLearner(api.db, college.id, { givenName: 'Dana' });
      await makeAward(api.db, learner.id, unrubricked.id, { awardedOn: '2025-09-01' });
      await makeAward(api.db, learner.id, rubricked.id, { awardedOn: '2019-03-01' });
      await makeClaim(api.db, learner.id, program.id, { title: 'Network admin, 5 years' });
      const read = await api.gql(`query($id: ID!) { learner(id: $id) {
        awards { awardedOn credential { title } learner { givenName } } priorLearningClaims { title degreeProgram { title } }
      } }`, { id: gid(learner) });
      expect(read.data?.learner).toEqual({
        awards: [
          { awardedOn: '2019-03-01', credential: { title: 'Network Basics' }, learner: { givenName: 'Dana' } },
          { awardedOn: '2025-09-01', credential: { title: 'Customer Service Essentials' }, learner: { givenName: 'Dana' } },
        ],
        priorLearningClaims: [{ title: 'Network admin, 5 years', degreeProgram: { title: 'AAS Information Technology' } }],
      });
      await edit(LEARNER_DELETE, { id: gid(learner) });
      expect(await api.db.query('SELECT (SELECT count(*) FROM award WHERE learner_id = $1)::int AS awards, (SELECT count(*) FROM prior_learning_claim WHERE learner_id = $1)::int AS claims', [learner.id]))
        .toEqual([{ awards: 0, claims: 0 }]);
    });
  });

  describe('awards', () => {
    it('records an award with the rubric level reached, updates and deletes it', async () => {
      const learner = await makeLearner(api.db, college.id, { givenName: 'Eli' });
      const created = await edit(AWARD_CREATE, {
        input: { learnerId: gid(learner), credentialId: gid(rubricked), awardedOn: '2025-05-01', masteryLevel: 3, evidenceUrl: 'https://evidence.test/eli' },
      });
      expect(created.data?.awardCreate.userErrors).toEqual([]);
      const award = created.data?.awardCreate.award;
      expect(award).toEqual({
        id: award.id, awardedOn: '2025-05-01', masteryLevel: 3, evidenceUrl: 'https://evidence.test/eli', revoked: false, revokedAt: null, revocationReason: null,
        learner: { givenName: 'Eli' }, credential: { title: 'Network Basics' }, rubricLevel: { name: 'Level 3' },
      });
      const updated = await api.gql(AWARD_UPDATE, { input: { id: award.id, masteryLevel: 2, awardedOn: '2025-05-02' } });
      expect(updated.data?.awardUpdate).toEqual({ award: { ...award, masteryLevel: 2, awardedOn: '2025-05-02', rubricLevel: { name: 'Level 2' } }, userErrors: [] });
      const noRubric = await edit(AWARD_CREATE, { input: { learnerId: gid(learner), credentialId: gid(unrubricked), awardedOn: '2025-05-01', masteryLevel: 7 } });
      expect(noRubric.data?.awardCreate.award).toMatchObject({ masteryLevel: 7, rubricLevel: null });

      const deleted = await edit(AWARD_DELETE, { id: award.id });
      expect(deleted.data?.awardDelete).toEqual({ deletedId: award.id, userErrors: [] });
    });

    it('refuses an award date after today unless the award is planned, writing nothing', async () => {
      const learner = await makeLearner(api.db, college.id);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const today = new Date().toISOString().slice(0, 10);
      const before = await countOf('award');
      const typo = await edit(AWARD_CREATE, { input: { learnerId: gid(learner), credentialId: gid(unrubricked), awardedOn: tomorrow } });
      expect(typo.data?.awardCreate).toEqual({ award: null, userErrors: [{ field: ['input', 'awardedOn'], code: 'AWARD_DATE_IN_FUTURE' }] });
      expect(await countOf('award')).toBe(before);

      const planned = await edit(AWARD_CREATE, { input: { learnerId: gid(learner), credentialId: gid(unrubricked), awardedOn: tomorrow, planned: true } });
      expect(planned.data?.awardCreate.userErrors).toEqual([]);
      expect(planned.data?.awardCreate.award.awardedOn).toBe(tomorrow);
      const current = await edit(AWARD_CREATE, { input: { learnerId: gid(learner), credentialId: gid(unrubricked), awardedOn: today } });
      expect(current.data?.awardCreate.userErrors).toEqual([]);
      // Moving an earned award into the future is the same typo; a planned award keeps its date on other edits.
      const moved = await api.gql(AWARD_UPDATE, { input: { id: current.data?.awardCreate.award.id, awardedOn: tomorrow } });
      expect(moved.data?.awardUpdate.userErrors).toEqual([{ field: ['input', 'awardedOn'], code: 'AWARD_DATE_IN_FUTURE' }]);
      const edited = await api.gql(AWARD_UPDATE, { input: { id: planned.data?.awardCreate.award.id, masteryLevel: 2 } });
      expect(edited.data?.awardUpdate.userErrors).toEqual([]);
      expect(await countOf('award')).toBe(before + 2);
    });

    it('refuses a mastery level above the rubric or under 1 and bad references, writing nothing', async () => {
      const learner = await makeLearner(api.db, college.id);
      const valid = { learnerId: gid(learner), credentialId: gid(rubricked), awardedOn: '2025-05-01' };
      const before = await countOf('award');
      const create = async (input: Record<string, unknown>) => (await edit(AWARD_CREATE, { input: { ...valid, ...input } })).data?.awardCreate;
      expect(await create({ masteryLevel: 4 })).toEqual({ award: null, userErrors: [{ field: ['input', 'masteryLevel'], code: 'OUT_OF_RANGE' }] });
      expect(fieldsOf((await create({ masteryLevel: 0, evidenceUrl: 'not a url' })).userErrors)).toEqual(['input.evidenceUrl:INVALID', 'input.masteryLevel:OUT_OF_RANGE']);
      expect((await create({ credentialId: missingId('Credential'), masteryLevel: 2 })).userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      expect((await create({ learnerId: missingId('Learner') })).userErrors).toEqual([{ field: ['input', 'learnerId'], code: 'NOT_FOUND' }]);
      expect((await create({ learnerId: gid(college) })).userErrors).toEqual([{ field: ['input', 'learnerId'], code: 'INVALID_ID' }]);
      expect((await create({ credentialId: gid(program) })).userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'INVALID_ID' }]);
      expect(await countOf('award')).toBe(before);

      const existing = await makeAward(api.db, learner.id, rubricked.id, { masteryLevel: 2 });
      const raised = await api.gql(AWARD_UPDATE, { input: { id: gid(existing), masteryLevel: 4 } });
      expect(raised.data?.awardUpdate.userErrors).toEqual([{ field: ['input', 'masteryLevel'], code: 'OUT_OF_RANGE' }]);
      const undated = await api.gql(AWARD_UPDATE, { input: { id: gid(existing), awardedOn: null } });
      expect(undated.data?.awardUpdate.userErrors).toEqual([{ field: ['input', 'awardedOn'], code: 'REQUIRED' }]);
      expect(await api.db.query('SELECT mastery_level FROM award WHERE id = $1', [existing.id])).toEqual([{ mastery_level: 2 }]);
    });

    it('revokes an award once, with a reason', async () => {
      const learner = await makeLearner(api.db, college.id, { givenName: 'Fay' });
      const award = await makeAward(api.db, learner.id, rubricked.id, { masteryLevel: 2 });
      const noReason = await api.gql(AWARD_REVOKE, { input: { id: gid(award), reason: '' } });
      expect(noReason.data?.awardRevoke).toEqual({ award: null, userErrors: [{ field: ['input', 'reason'], code: 'REQUIRED' }] });

      const revoked = await api.gql(AWARD_REVOKE, { input: { id: gid(award), reason: 'Assessment found to be falsified' } });
      expect(revoked.data?.awardRevoke.userErrors).toEqual([]);
      expect(revoked.data?.awardRevoke.award).toMatchObject({ revoked: true, revocationReason: 'Assessment found to be falsified' });
      const revokedAt = revoked.data?.awardRevoke.award.revokedAt;
      expect(Number.isNaN(Date.parse(revokedAt))).toBe(false);

      const again = await api.gql(AWARD_REVOKE, { input: { id: gid(award), reason: 'Second thoughts' } });
      expect(again.data?.awardRevoke).toEqual({ award: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID_STATE' }] });
      const stored = await api.gql(`query($id: ID!) { award(id: $id) { revokedAt revocationReason } }`, { id: gid(award) });
      expect(stored.data?.award).toEqual({ revokedAt, revocationReason: 'Assessment found to be falsified' });

      const unknown = await api.gql(AWARD_REVOKE, { input: { id: missingId('Award'), reason: 'x' } });
      expect(unknown.data?.awardRevoke.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(AWARD_REVOKE, { input: { id: gid(learner), reason: 'x' } });
      expect(wrongType.data?.awardRevoke.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
    });
  });

  describe('prior learning claims', () => {
    it('submits, updates and deletes a claim; status is not an input', async () => {
      const learner = await makeLearner(api.db, college.id, { givenName: 'Gus' });
      const input = { learnerId: gid(learner), degreeProgramId: gid(program), title: 'Help desk lead', evidence: 'Three years, employer letter', creditsRequested: 6 };
      const created = await edit(CLAIM_CREATE, { input });
      expect(created.data?.priorLearningClaimCreate.userErrors).toEqual([]);
      const claim = created.data?.priorLearningClaimCreate.priorLearningClaim;
      expect(claim).toEqual({
        id: claim.id, title: 'Help desk lead', evidence: 'Three years, employer letter', creditsRequested: 6, status: 'SUBMITTED',
        creditsApproved: null, decisionReason: null, decidedAt: null, learner: { givenName: 'Gus' }, degreeProgram: { title: 'AAS Information Technology' },
      });

      const updated = await api.gql(CLAIM_UPDATE, { input: { id: claim.id, title: 'Help desk team lead', creditsRequested: 7.5 } });
      expect(updated.data?.priorLearningClaimUpdate).toEqual({ priorLearningClaim: { ...claim, title: 'Help desk team lead', creditsRequested: 7.5 }, userErrors: [] });

      const before = await countOf('prior_learning_claim');
      const withStatus = await edit(CLAIM_CREATE, { input: { ...input, status: 'APPROVED' } });
      expect(withStatus.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const updateStatus = await api.gql(CLAIM_UPDATE, { input: { id: claim.id, status: 'APPROVED' } });
      expect(updateStatus.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await countOf('prior_learning_claim')).toBe(before);

      const deleted = await edit(CLAIM_DELETE, { id: claim.id });
      expect(deleted.data?.priorLearningClaimDelete).toEqual({ deletedId: claim.id, userErrors: [] });
    });

    it('refuses negative credits, empty text and bad references, writing nothing', async () => {
      const learner = await makeLearner(api.db, college.id);
      const valid = { learnerId: gid(learner), degreeProgramId: gid(program), title: 'Claim', evidence: 'Evidence', creditsRequested: 3 };
      const before = await countOf('prior_learning_claim');
      const create = async (input: Record<string, unknown>) =>
        fieldsOf((await edit(CLAIM_CREATE, { input: { ...valid, ...input } })).data?.priorLearningClaimCreate.userErrors);
      expect(await create({ creditsRequested: -1, title: '', evidence: '' })).toEqual(['input.creditsRequested:OUT_OF_RANGE', 'input.evidence:REQUIRED', 'input.title:REQUIRED']);
      expect(await create({ degreeProgramId: missingId('DegreeProgram') })).toEqual(['input.degreeProgramId:NOT_FOUND']);
      expect(await create({ learnerId: missingId('Learner') })).toEqual(['input.learnerId:NOT_FOUND']);
      expect(await create({ learnerId: gid(program), degreeProgramId: gid(learner) })).toEqual(['input.degreeProgramId:INVALID_ID', 'input.learnerId:INVALID_ID']);
      expect(await countOf('prior_learning_claim')).toBe(before);

      const existing = await makeClaim(api.db, learner.id, program.id, { creditsRequested: 3 });
      const negative = await api.gql(CLAIM_UPDATE, { input: { id: gid(existing), creditsRequested: -2 } });
      expect(negative.data?.priorLearningClaimUpdate.userErrors).toEqual([{ field: ['input', 'creditsRequested'], code: 'OUT_OF_RANGE' }]);
      const untitled = await api.gql(CLAIM_UPDATE, { input: { id: gid(existing), title: null } });
      expect(untitled.data?.priorLearningClaimUpdate.userErrors).toEqual([{ field: ['input', 'title'], code: 'REQUIRED' }]);
      const negativeApproval = await api.gql(CLAIM_APPROVE, { input: { id: gid(existing), creditsApproved: -1 } });
      expect(negativeApproval.data?.priorLearningClaimApprove.userErrors).toEqual([{ field: ['input', 'creditsApproved'], code: 'OUT_OF_RANGE' }]);
      const noReason = await api.gql(CLAIM_DENY, { input: { id: gid(existing), reason: '' } });
      expect(noReason.data?.priorLearningClaimDeny.userErrors).toEqual([{ field: ['input', 'reason'], code: 'REQUIRED' }]);
      expect(await api.db.query('SELECT status, credits_requested::float AS requested FROM prior_learning_claim WHERE id = $1', [existing.id]))
        .toEqual([{ status: 'SUBMITTED', requested: 3 }]);

      const unknown = await api.gql(CLAIM_APPROVE, { input: { id: missingId('PriorLearningClaim'), creditsApproved: 1 } });
      expect(unknown.data?.priorLearningClaimApprove.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(CLAIM_DENY, { input: { id: gid(learner), reason: 'x' } });
      expect(wrongType.data?.priorLearningClaimDeny.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
    });

    it('approves or denies only submitted claims, and only submitted claims change', async () => {
      const learner = await makeLearner(api.db, college.id);
      const toApprove = await makeClaim(api.db, learner.id, program.id, { title: 'To approve' });
      const toDeny = await makeClaim(api.db, learner.id, program.id, { title: 'To deny' });

      const approved = await api.gql(CLAIM_APPROVE, { input: { id: gid(toApprove), creditsApproved: 6, reason: 'Matches CIS-105 outcomes' } });
      expect(approved.data?.priorLearningClaimApprove.userErrors).toEqual([]);
      expect(approved.data?.priorLearningClaimApprove.priorLearningClaim).toMatchObject({ status: 'APPROVED', creditsApproved: 6, decisionReason: 'Matches CIS-105 outcomes' });
      expect(Number.isNaN(Date.parse(approved.data?.priorLearningClaimApprove.priorLearningClaim.decidedAt))).toBe(false);

      const denied = await api.gql(CLAIM_DENY, { input: { id: gid(toDeny), reason: 'No evidence of assessment' } });
      expect(denied.data?.priorLearningClaimDeny.priorLearningClaim).toMatchObject({ status: 'DENIED', creditsApproved: null, decisionReason: 'No evidence of assessment' });
      expect(denied.data?.priorLearningClaimDeny.priorLearningClaim.decidedAt).not.toBeNull();

      const invalidState = [{ field: ['input', 'id'], code: 'INVALID_STATE' }];
      const approveDenied = await api.gql(CLAIM_APPROVE, { input: { id: gid(toDeny), creditsApproved: 3 } });
      expect(approveDenied.data?.priorLearningClaimApprove).toEqual({ priorLearningClaim: null, userErrors: invalidState });
      const approveTwice = await api.gql(CLAIM_APPROVE, { input: { id: gid(toApprove), creditsApproved: 9 } });
      expect(approveTwice.data?.priorLearningClaimApprove.userErrors).toEqual(invalidState);
      const denyApproved = await api.gql(CLAIM_DENY, { input: { id: gid(toApprove), reason: 'Changed mind' } });
      expect(denyApproved.data?.priorLearningClaimDeny.userErrors).toEqual(invalidState);
      const editDecided = await api.gql(CLAIM_UPDATE, { input: { id: gid(toApprove), creditsRequested: 12 } });
      expect(editDecided.data?.priorLearningClaimUpdate.userErrors).toEqual(invalidState);

      expect(await api.db.query('SELECT title, status, credits_approved::float AS approved, credits_requested::float AS requested FROM prior_learning_claim WHERE learner_id = $1 ORDER BY id', [learner.id]))
        .toEqual([
          { title: 'To approve', status: ClaimStatus.APPROVED, approved: 6, requested: 6 },
          { title: 'To deny', status: ClaimStatus.DENIED, approved: null, requested: 6 },
        ]);
    });
  });

  it('keeps learners to their institution\'s advisors and staff; only staff decide claims', async () => {
    const own = await makeLearner(api.db, college.id, { familyName: 'Sigma-own' });
    const elsewhere = await makeInstitution(api.db);
    const foreign = await makeLearner(api.db, elsewhere.id, { familyName: 'Sigma-foreign' });
    const claim = await makeClaim(api.db, own.id, program.id);
    const advisor = await tokenFor(api, (await makeUser(api.db, Role.ADVISOR, { institutionId: college.id })).email);
    const staff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
    const partner = await tokenFor(api, (await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: (await makeEmployer(api.db)).id })).email);

    const sigma = { filter: { search: 'sigma' } };
    expect(familyNames((await api.gql(LEARNERS, sigma, { token: advisor })).data?.learners)).toEqual(['Sigma-own']);
    expect((await api.gql(LEARNERS, sigma, { token: partner })).data?.learners.totalCount).toBe(0);
    expect((await api.gql(LEARNERS, sigma, { token: null })).data?.learners.totalCount).toBe(0);
    const foreignRead = await api.gql(`query($id: ID!) { learner(id: $id) { id } }`, { id: gid(foreign) }, { token: advisor });
    expect(foreignRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const foreignCreate = await api.gql(LEARNER_CREATE, { input: { institutionId: gid(elsewhere), givenName: 'X', familyName: 'Y', email: 'xy@learners.test' } }, { token: advisor });
    expect(foreignCreate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const advisorApproves = await api.gql(CLAIM_APPROVE, { input: { id: gid(claim), creditsApproved: 3 } }, { token: advisor });
    expect(advisorApproves.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const staffApproves = await api.gql(CLAIM_APPROVE, { input: { id: gid(claim), creditsApproved: 3 } }, { token: staff });
    expect(staffApproves.data?.priorLearningClaimApprove.priorLearningClaim.status).toBe('APPROVED');
  });

  it('resolves a page of learners with awards and claims in a number of statements that does not grow with the page', async () => {
    const home = await makeInstitution(api.db);
    for (let i = 0; i < 8; i += 1) {
      const learner = await makeLearner(api.db, home.id, { familyName: `Counted ${i}` });
      await makeAward(api.db, learner.id, rubricked.id, { masteryLevel: 2 });
      await makeAward(api.db, learner.id, unrubricked.id);
      await makeClaim(api.db, learner.id, program.id);
    }
    const query = `query($first: Int!, $institution: ID!) {
      learners(first: $first, filter: { institutionId: $institution }) {
        nodes { familyName institution { name }
          awards { revoked learner { familyName } credential { title } rubricLevel { name } }
          priorLearningClaims { status learner { familyName } degreeProgram { title } }
        }
      }
    }`;
    const small = await api.gql(query, { first: 2, institution: gid(home) });
    const large = await api.gql(query, { first: 8, institution: gid(home) });
    expect(small.errors).toBeUndefined();
    expect(large.data?.learners.nodes).toHaveLength(8);
    expect(large.data?.learners.nodes[7].awards).toHaveLength(2);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });
});
