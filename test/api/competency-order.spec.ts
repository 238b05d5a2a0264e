import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeFramework } from '../support/factories';

describe('competency codes in natural order', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('sorts AH-5.2 before AH-5.10 and AH-9 before AH-10', async () => {
    const framework = await makeFramework(api.db);
    for (const code of ['AH-5.10', 'AH-10', 'AH-5.2', 'AH-9', 'AH-5.1']) await makeCompetency(api.db, framework.id, { code, statement: `Statement ${code}` });
    const result = await api.gql(`query($filter: CompetencyFilter) { competencies(first: 10, filter: $filter, orderBy: { field: CODE, direction: ASC }) { nodes { code } } }`, { filter: { frameworkId: gid(framework) } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.competencies.nodes.map((node: { code: string }) => node.code)).toEqual(['AH-5.1', 'AH-5.2', 'AH-5.10', 'AH-9', 'AH-10']);
  });
});
