import { Route, ROUTE_SELECTION } from '../../admin/src/advising/route';
import { appliedSegments, routeRows } from '../../admin/src/advising/routeRows';
import { seedDemoData } from '../../api/src/seed/demo';
import { startTestApi, TestApi } from '../support/api';

/**
 * The advisor view's table, built from routes the real engine computes: the worked example with a
 * mapping's minimum level raised and the residency requirement tightened until the limits cut.
 */
describe('route table rows', () => {
  let api: TestApi;
  let anaId: string;
  const AS_OF = '2026-11-22';

  const route = async (): Promise<Route> => {
    const result = await api.gql(`query($id: ID!) { learnerRoutes(learnerId: $id, asOf: "${AS_OF}") { ${ROUTE_SELECTION} } }`, { id: anaId });
    expect(result.errors).toBeUndefined();
    return result.data?.learnerRoutes[0];
  };

  const mutate = async (name: string, input: Record<string, unknown>) => {
    const result = await api.gql(`mutation($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { field message } } }`, { input });
    expect(result.data?.[name].userErrors).toEqual([]);
  };

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoData(api.db);
    anaId = (await api.gql(`{ learners(filter: { search: "Morales" }) { nodes { id } } }`)).data?.learners.nodes[0].id;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('names the level an award lacks, and the limits’ cut, which falls on prior learning first', async () => {
    const before = await route();
    const helpDesk = before.degreeProgram.agreements.flatMap((agreement) => agreement.mappings).find((mapping) => mapping.credential.title === 'Help Desk Practicum')!;
    await mutate('creditMappingUpdate', { id: helpDesk.id, minMasteryLevel: 3 });
    await mutate('degreeProgramUpdate', { id: before.degreeProgram.id, residencyCredits: 55 });

    const after = await route();
    expect(after).toMatchObject({ articulatedCredits: 3, priorLearningCredits: 6, creditsCutByLimits: 4, appliedCredits: 5, remainingCredits: 55 });
    const rows = routeRows(after).map(({ source, credits, status, why }) => ({ source, credits, status, why }));
    expect(rows).toContainEqual({ source: 'Help Desk Practicum', credits: 0, status: 'LEVEL_TOO_LOW', why: 'Mastery level 2, the agreement needs 3' });
    expect(rows).toContainEqual({ source: 'Cut by limits', credits: -4, status: undefined, why: 'Prior learning is capped at 45; credit from outside the program at 5' });
    expect(rows.at(-1)).toMatchObject({ source: 'Applied', credits: 5 });
    expect(appliedSegments(after)).toEqual({ articulated: 3, block: 0, priorLearning: 2 });
  });
});
