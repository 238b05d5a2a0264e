import { Role } from '../../api/src/modules/accounts/user.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';

const CREATE = `mutation($input: CredentialCreateInput!) {
  credentialCreate(input: $input) {
    credential { id status assessed assessments { method description } rubricLevels { level name criteria } openBadge }
    userErrors { field code message }
  }
}`;

/** A credential published at once, with its assessments and rubric, in one call. */
describe('credentialCreate with nested assessments and rubric levels', () => {
  let api: TestApi;
  let token: string;
  let collegeId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db);
    collegeId = gid(college);
    token = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
  });
  afterAll(() => api.close());

  const base = () => ({ title: 'Fiber Splicing', level: 2, workloadHours: 40, deliveryMode: 'IN_PERSON', issuerInstitutionId: collegeId, status: 'PUBLISHED' });
  const count = async (table: string) => (await api.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('creates a published credential with its assessments and rubric levels in one call', async () => {
    const result = await api.gql(CREATE, {
      input: {
        ...base(),
        assessments: [{ method: 'TASK', description: 'Splice two fibres to under 0.1 dB loss' }, { method: 'EXAM', description: 'Safety exam' }],
        rubricLevels: [{ level: 1, name: 'Developing', criteria: 'With help' }, { level: 2, name: 'Proficient', criteria: 'Alone' }],
      },
    }, { token });
    expect(result.data!.credentialCreate.userErrors).toEqual([]);
    const credential = result.data!.credentialCreate.credential;
    expect(credential).toMatchObject({ status: 'PUBLISHED', assessed: true });
    expect(credential.assessments.map((a: { method: string }) => a.method).sort()).toEqual(['EXAM', 'TASK']);
    expect(credential.rubricLevels).toEqual([
      { level: 1, name: 'Developing', criteria: 'With help' },
      { level: 2, name: 'Proficient', criteria: 'Alone' },
    ]);
    expect(credential.openBadge.criteria.narrative).toContain('Splice two fibres');
  });

  it('still refuses a published credential without an assessment, and writes nothing for a bad nested row', async () => {
    const before = [await count('credential'), await count('assessment'), await count('rubric_level')];
    const unassessed = await api.gql(CREATE, { input: { ...base(), assessments: [] } }, { token });
    expect(unassessed.data!.credentialCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'status'], code: 'INVALID_STATE' })]);
    const twice = await api.gql(CREATE, {
      input: { ...base(), assessments: [{ method: 'TASK', description: 'x' }], rubricLevels: [{ level: 1, name: 'A', criteria: 'a' }, { level: 1, name: 'B', criteria: 'b' }] },
    }, { token });
    expect(twice.data!.credentialCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'rubricLevels', '1', 'level'], code: 'TAKEN' })]);
    const invalid = await api.gql(CREATE, { input: { ...base(), assessments: [{ method: 'TASK', description: '' }] } }, { token });
    expect(invalid.data!.credentialCreate.userErrors.length).toBeGreaterThan(0);
    expect([await count('credential'), await count('assessment'), await count('rubric_level')]).toEqual(before);
  });
});
