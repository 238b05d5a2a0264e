import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeFramework } from '../support/factories';

describe('competency frameworks and competencies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const CREATE_COMPETENCY = `mutation($input: CompetencyCreateInput!) {
    competencyCreate(input: $input) { competency { id code type framework { name } parent { code } } userErrors { field code } }
  }`;

  it('creates a framework and its competency hierarchy', async () => {
    const framework = await api.gql(
      `mutation($input: CompetencyFrameworkCreateInput!) { competencyFrameworkCreate(input: $input) { competencyFramework { id name } userErrors { field code } } }`,
      { input: { name: 'IT Competency Model', publisher: 'US DOL ETA', version: '2012', jurisdiction: 'US' } },
    );
    const frameworkId = framework.data?.competencyFrameworkCreate.competencyFramework.id;
    const parent = await api.gql(CREATE_COMPETENCY, { input: { frameworkId, code: 'T-1', statement: 'Troubleshooting', type: 'SKILL' } });
    const parentId = parent.data?.competencyCreate.competency.id;
    const child = await api.gql(CREATE_COMPETENCY, { input: { frameworkId, parentId, code: 'T-1.1', statement: 'Isolate faults', type: 'TASK' } });
    expect(child.data?.competencyCreate).toEqual({
      competency: { id: expect.any(String), code: 'T-1.1', type: 'TASK', framework: { name: 'IT Competency Model' }, parent: { code: 'T-1' } },
      userErrors: [],
    });
    const read = await api.gql(`query($id: ID!) { competencyFramework(id: $id) { competencyCount competencies { code children { code } } } }`, { id: frameworkId });
    expect(read.data?.competencyFramework).toEqual({
      competencyCount: 2,
      competencies: [{ code: 'T-1', children: [{ code: 'T-1.1' }] }, { code: 'T-1.1', children: [] }],
    });
  });

  it('refuses duplicate codes, cycles and parents from another framework', async () => {
    const framework = await makeFramework(api.db);
    const other = await makeFramework(api.db);
    const a = await makeCompetency(api.db, framework.id, { code: 'A' });
    const b = await makeCompetency(api.db, framework.id, { code: 'B', parentId: a.id });
    const foreign = await makeCompetency(api.db, other.id, { code: 'F' });

    const dup = await api.gql(CREATE_COMPETENCY, { input: { frameworkId: gid(framework), code: 'A', statement: 'x', type: 'SKILL' } });
    expect(dup.data?.competencyCreate.userErrors).toEqual([{ field: ['input', 'code'], code: 'TAKEN' }]);

    const UPDATE = `mutation($input: CompetencyUpdateInput!) { competencyUpdate(input: $input) { competency { id } userErrors { field code } } }`;
    const loop = await api.gql(UPDATE, { input: { id: gid(a), parentId: gid(b) } });
    expect(loop.data?.competencyUpdate.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'CYCLE' }]);
    const self = await api.gql(UPDATE, { input: { id: gid(a), parentId: gid(a) } });
    expect(self.data?.competencyUpdate.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'CYCLE' }]);
    const cross = await api.gql(UPDATE, { input: { id: gid(a), parentId: gid(foreign) } });
    expect(cross.data?.competencyUpdate.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'INVALID' }]);
    const [{ parent_id }] = await api.db.query('SELECT parent_id FROM competency WHERE id = $1', [a.id]);
    expect(parent_id).toBeNull();

    const missingType = await api.gql(CREATE_COMPETENCY, { input: { frameworkId: gid(framework), code: 'Z', statement: '', type: 'SKILL' } });
    expect(missingType.data?.competencyCreate.userErrors).toEqual([{ field: ['input', 'statement'], code: 'REQUIRED' }]);
  });

  it('filters competencies by framework, type and text, in pages', async () => {
    const framework = await makeFramework(api.db);
    for (let i = 1; i <= 7; i += 1) {
      await makeCompetency(api.db, framework.id, { code: `P-${i}`, statement: i % 2 ? 'Install cabling' : 'Explain networks', type: i % 2 ? ('SKILL' as never) : ('KNOWLEDGE' as never) });
    }
    const page = await api.gql(`query($f: ID!) { competencies(first: 3, filter: { frameworkId: $f, type: SKILL }) { totalCount nodes { code } pageInfo { hasNextPage } } }`, { f: gid(framework) });
    expect(page.data?.competencies).toEqual({ totalCount: 4, nodes: [{ code: 'P-1' }, { code: 'P-3' }, { code: 'P-5' }], pageInfo: { hasNextPage: true } });
    const text = await api.gql(`query($f: ID!) { competencies(filter: { frameworkId: $f, search: "networks" }) { totalCount } }`, { f: gid(framework) });
    expect(text.data?.competencies.totalCount).toBe(3);
  });
});
