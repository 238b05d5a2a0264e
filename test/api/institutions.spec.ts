import { startTestApi, TestApi } from '../support/api';
import { gid, insert } from '../support/factories';
import { DegreeProgram, AwardLevel } from '../../api/src/modules/articulation/degree-program.entity';

const CREATE = `mutation($input: InstitutionCreateInput!) {
  institutionCreate(input: $input) { institution { id name kind region } userErrors { field code } }
}`;

describe('institutions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('creates, updates, lists and deletes', async () => {
    const created = await api.gql(CREATE, { input: { name: 'Lakeview College', kind: 'COMMUNITY_COLLEGE', region: 'Ohio' } });
    expect(created.data?.institutionCreate.userErrors).toEqual([]);
    const id = created.data?.institutionCreate.institution.id;

    const updated = await api.gql(
      `mutation($input: InstitutionUpdateInput!) { institutionUpdate(input: $input) { institution { kind region } userErrors { code } } }`,
      { input: { id, kind: 'TECHNICAL_COLLEGE' } },
    );
    expect(updated.data?.institutionUpdate).toEqual({ institution: { kind: 'TECHNICAL_COLLEGE', region: 'Ohio' }, userErrors: [] });

    const listed = await api.gql(`{ institutions(filter: { kind: TECHNICAL_COLLEGE, search: "lakeview" }) { totalCount nodes { id } } }`);
    expect(listed.data?.institutions).toEqual({ totalCount: 1, nodes: [{ id }] });

    const deleted = await api.gql(`mutation($id: ID!) { institutionDelete(input: { id: $id }) { deletedId userErrors { code } } }`, { id });
    expect(deleted.data?.institutionDelete).toEqual({ deletedId: id, userErrors: [] });
  });

  it('validates names, kinds and URLs', async () => {
    const bad = await api.gql(CREATE, { input: { name: ' ', kind: 'UNIVERSITY', websiteUrl: 'ftp//nope' } });
    expect(bad.data?.institutionCreate.userErrors.map((e: { field: string[] }) => e.field[1]).sort()).toEqual(['websiteUrl']);
    const empty = await api.gql(CREATE, { input: { name: '', kind: 'UNIVERSITY' } });
    expect(empty.data?.institutionCreate.userErrors).toEqual([{ field: ['input', 'name'], code: 'REQUIRED' }]);
    const wrongEnum = await api.gql(CREATE, { input: { name: 'X', kind: 'CASTLE' } });
    expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to delete an institution that still owns programs', async () => {
    const created = await api.gql(CREATE, { input: { name: 'Owner College', kind: 'UNIVERSITY' } });
    const id = created.data?.institutionCreate.institution.id;
    const institutionId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    const program = await insert(api.db, DegreeProgram, {
      institutionId, title: 'BS Nursing', awardLevel: AwardLevel.BACHELOR, totalCredits: 120, residencyCredits: 30, priorLearningCap: 0.25,
    });
    const refused = await api.gql(`mutation($id: ID!) { institutionDelete(input: { id: $id }) { deletedId userErrors { code } } }`, { id });
    expect(refused.data?.institutionDelete).toEqual({ deletedId: null, userErrors: [{ code: 'IN_USE' }] });
    const read = await api.gql(`query($id: ID!) { institution(id: $id) { degreePrograms { id title } } }`, { id });
    expect(read.data?.institution.degreePrograms).toEqual([{ id: gid(program), title: 'BS Nursing' }]);
  });
});
