import { Role } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, linkCore, makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';
import { alignOutcome, assess, makeCredential } from '../support/factories/credentials';

const CREATE = `mutation($input: CredentialCreateInput!) {
  credentialCreate(input: $input) { credential { id title level status issuer { __typename ... on Institution { name } } prerequisites { title } } userErrors { field code } }
}`;
const UPDATE = `mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { credential { id status prerequisites { title } } userErrors { field code } } }`;
const fieldsOf = (errors: { field: string[]; code: string }[]) => errors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();

describe('credentials', () => {
  let api: TestApi;
  let college: { id: number; name: string };
  const valid = () => ({ title: 'Network Basics', issuerInstitutionId: gid(college as never), level: 2, workloadHours: 60, deliveryMode: 'HYBRID', creditValue: 4 });

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Credential College' });
  });
  afterAll(() => api.close());

  it('creates, updates and deletes a credential with its issuer', async () => {
    const created = await api.gql(CREATE, { input: valid() });
    expect(created.data?.credentialCreate).toMatchObject({
      credential: { title: 'Network Basics', level: 2, status: 'DRAFT', issuer: { __typename: 'Institution', name: 'Credential College' }, prerequisites: [] },
      userErrors: [],
    });
    const id = created.data?.credentialCreate.credential.id;
    const updated = await api.gql(`mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { credential { title workloadHours cost currency } userErrors { code } } }`,
      { input: { id, title: 'Network Basics II', workloadHours: 65.5, cost: 250, currency: 'USD' } });
    expect(updated.data?.credentialUpdate).toEqual({ credential: { title: 'Network Basics II', workloadHours: 65.5, cost: 250, currency: 'USD' }, userErrors: [] });
    const deleted = await api.gql(`mutation($id: ID!) { credentialDelete(input: { id: $id }) { deletedId } }`, { id });
    expect(deleted.data?.credentialDelete.deletedId).toBe(id);
  });

  it('names every bad field at once and writes nothing', async () => {
    const before = await api.db.query('SELECT count(*)::int AS n FROM credential');
    const bad = await api.gql(CREATE, { input: { ...valid(), title: '', level: 4, workloadHours: -1, creditValue: -3, currency: 'usd', cost: -1 } });
    expect(fieldsOf(bad.data?.credentialCreate.userErrors)).toEqual([
      'input.cost:OUT_OF_RANGE', 'input.creditValue:OUT_OF_RANGE', 'input.currency:INVALID', 'input.level:OUT_OF_RANGE', 'input.title:REQUIRED', 'input.workloadHours:OUT_OF_RANGE',
    ]);
    const employer = await makeEmployer(api.db);
    const both = await api.gql(CREATE, { input: { ...valid(), issuerEmployerId: gid(employer) } });
    expect(fieldsOf(both.data?.credentialCreate.userErrors)).toEqual(['input.issuerInstitutionId:INVALID']);
    const neither = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: null } });
    expect(fieldsOf(neither.data?.credentialCreate.userErrors)).toEqual(['input.issuerInstitutionId:INVALID']);
    const wrongType = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: gid(employer) } });
    expect(fieldsOf(wrongType.data?.credentialCreate.userErrors)).toEqual(['input.issuerInstitutionId:INVALID_ID']);
    const missing = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: Buffer.from('Institution:99999').toString('base64url') } });
    expect(fieldsOf(missing.data?.credentialCreate.userErrors)).toEqual(['input.issuerInstitutionId:NOT_FOUND']);
    expect(await api.db.query('SELECT count(*)::int AS n FROM credential')).toEqual(before);
  });

  it('publishes only assessed credentials', async () => {
    const credential = await makeCredential(api.db, college.id, { title: 'Participation badge' });
    const refused = await api.gql(UPDATE, { input: { id: gid(credential), status: 'PUBLISHED' } });
    expect(refused.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'status'], code: 'INVALID_STATE' }]);
    const assessment = await api.gql(`mutation($c: ID!) { assessmentCreate(input: { credentialId: $c, method: PORTFOLIO, description: "Portfolio review" }) { assessment { id method } userErrors { code } } }`, { c: gid(credential) });
    expect(assessment.data?.assessmentCreate.assessment.method).toBe('PORTFOLIO');
    const published = await api.gql(UPDATE, { input: { id: gid(credential), status: 'PUBLISHED' } });
    expect(published.data?.credentialUpdate.credential.status).toBe('PUBLISHED');
    const lastAssessment = await api.gql(`mutation($id: ID!) { assessmentDelete(input: { id: $id }) { deletedId userErrors { code } } }`, { id: assessment.data?.assessmentCreate.assessment.id });
    expect(lastAssessment.data?.assessmentDelete).toEqual({ deletedId: null, userErrors: [{ code: 'INVALID_STATE' }] });
  });

  it('keeps prerequisites acyclic', async () => {
    const a = await makeCredential(api.db, college.id, { title: 'A' });
    const b = await makeCredential(api.db, college.id, { title: 'B' });
    const c = await makeCredential(api.db, college.id, { title: 'C' });
    expect((await api.gql(UPDATE, { input: { id: gid(b), prerequisiteIds: [gid(a)] } })).data?.credentialUpdate.credential.prerequisites).toEqual([{ title: 'A' }]);
    expect((await api.gql(UPDATE, { input: { id: gid(c), prerequisiteIds: [gid(b)] } })).data?.credentialUpdate.userErrors).toEqual([]);
    const loop = await api.gql(UPDATE, { input: { id: gid(a), prerequisiteIds: [gid(c)] } });
    expect(loop.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'prerequisiteIds'], code: 'CYCLE' }]);
    const self = await api.gql(UPDATE, { input: { id: gid(a), prerequisiteIds: [gid(a)] } });
    expect(self.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'prerequisiteIds'], code: 'CYCLE' }]);
    expect(await api.db.query('SELECT count(*)::int AS n FROM credential_prerequisite WHERE credential_id = $1', [a.id])).toEqual([{ n: 0 }]);
  });

  it('builds the crosswalk: outcomes, alignments and rubric levels, and filters by it', async () => {
    const credential = await makeCredential(api.db, college.id, { title: 'Crosswalked' });
    const occupation = await makeOccupation(api.db);
    const framework = await makeFramework(api.db, { name: 'Crosswalk Framework' });
    const competency = await makeCompetency(api.db, framework.id, { code: 'X-1' });
    await linkCore(api.db, occupation.id, competency.id);
    const outcome = await api.gql(`mutation($c: ID!) { learningOutcomeCreate(input: { credentialId: $c, statement: "Configure a switch", position: 1 }) { learningOutcome { id } userErrors { code } } }`, { c: gid(credential) });
    const outcomeId = outcome.data?.learningOutcomeCreate.learningOutcome.id;
    const ALIGN = `mutation($o: ID!, $k: ID!) { alignmentCreate(input: { outcomeId: $o, competencyId: $k, strength: EXACT }) { alignment { strength competency { code } } userErrors { field code } } }`;
    expect((await api.gql(ALIGN, { o: outcomeId, k: gid(competency) })).data?.alignmentCreate).toEqual({ alignment: { strength: 'EXACT', competency: { code: 'X-1' } }, userErrors: [] });
    expect((await api.gql(ALIGN, { o: outcomeId, k: gid(competency) })).data?.alignmentCreate.userErrors).toEqual([{ field: ['input', 'competencyId'], code: 'TAKEN' }]);
    for (const [level, name] of [[1, 'Developing'], [2, 'Proficient'], [3, 'Advanced']] as const) {
      await api.gql(`mutation($c: ID!, $l: Int!, $n: String!) { rubricLevelCreate(input: { credentialId: $c, level: $l, name: $n, criteria: "Shows it" }) { userErrors { code } } }`, { c: gid(credential), l: level, n: name });
    }
    const read = await api.gql(`query($id: ID!) { credential(id: $id) { rubricLevels { level name } outcomes { statement alignments { competency { code } } } competencies { code } occupations { id } } }`, { id: gid(credential) });
    expect(read.data?.credential).toEqual({
      rubricLevels: [{ level: 1, name: 'Developing' }, { level: 2, name: 'Proficient' }, { level: 3, name: 'Advanced' }],
      outcomes: [{ statement: 'Configure a switch', alignments: [{ competency: { code: 'X-1' } }] }],
      competencies: [{ code: 'X-1' }],
      occupations: [{ id: gid(occupation) }],
    });
    const byOccupation = await api.gql(`query($o: ID!) { credentials(filter: { occupationId: $o }) { nodes { title } } }`, { o: gid(occupation) });
    expect(byOccupation.data?.credentials.nodes).toEqual([{ title: 'Crosswalked' }]);
    const byCompetency = await api.gql(`query($k: ID!) { credentials(filter: { competencyId: $k, search: "crosswalk" }) { totalCount } }`, { k: gid(competency) });
    expect(byCompetency.data?.credentials.totalCount).toBe(1);
  });

  it('shows the public only published credentials and lets only the issuer edit', async () => {
    const draft = await makeCredential(api.db, college.id, { title: 'Hidden draft' });
    const published = await makeCredential(api.db, college.id, { title: 'Public one' });
    await assess(api.db, published.id);
    await api.db.query(`UPDATE credential SET status = 'PUBLISHED' WHERE id = $1`, [published.id]);
    const list = await api.gql(`{ credentials(first: 100) { nodes { title } } }`, {}, { token: null });
    const titles = list.data?.credentials.nodes.map((n: { title: string }) => n.title);
    expect(titles).toContain('Public one');
    expect(titles).not.toContain('Hidden draft');
    expect((await api.gql(`query($id: ID!) { credential(id: $id) { title } }`, { id: gid(draft) }, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const other = await makeInstitution(api.db);
    const ownStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
    const otherStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: other.id })).email);
    const RENAME = `mutation($id: ID!) { credentialUpdate(input: { id: $id, title: "Renamed" }) { credential { title } userErrors { code } } }`;
    expect((await api.gql(RENAME, { id: gid(draft) }, { token: otherStaff })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(RENAME, { id: gid(draft) }, { token: ownStaff })).data?.credentialUpdate.credential.title).toBe('Renamed');
    const move = await api.gql(`mutation($id: ID!, $i: ID!) { credentialUpdate(input: { id: $id, issuerInstitutionId: $i }) { userErrors { code } } }`, { id: gid(draft), i: gid(other) }, { token: ownStaff });
    expect(move.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
