import { todayIso } from '../../api/src/core/scalars';
import { startTestApi, TestApi } from '../support/api';
import { makeInstitution } from '../support/factories';
import { makeCredential } from '../support/factories/credentials';
import { makePathway } from '../support/factories/pathways';
import { PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';

/** The console's dashboard lists what is past its review date; these filters are how it asks. */
describe('review-overdue filters', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  const shiftDays = (days: number) => {
    const date = new Date(`${todayIso()}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };

  it('lists only credentials whose next review date has passed', async () => {
    const college = await makeInstitution(api.db);
    await makeCredential(api.db, college.id, { title: 'Overdue since last week', nextReviewOn: shiftDays(-7) });
    await makeCredential(api.db, college.id, { title: 'Due today', nextReviewOn: shiftDays(0) });
    await makeCredential(api.db, college.id, { title: 'Due next month', nextReviewOn: shiftDays(30) });
    await makeCredential(api.db, college.id, { title: 'No review date', nextReviewOn: null });

    const list = (reviewOverdue: boolean | null) =>
      api.gql(`query($filter: CredentialFilter) { credentials(first: 50, filter: $filter) { totalCount nodes { title } } }`, { filter: { reviewOverdue } });
    const overdue = await list(true);
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data?.credentials).toEqual({ totalCount: 1, nodes: [{ title: 'Overdue since last week' }] });
    expect((await list(false)).data?.credentials.totalCount).toBe(4);
    expect((await list(null)).data?.credentials.totalCount).toBe(4);
  });

  it('lists only pathway versions whose review date has passed', async () => {
    const college = await makeInstitution(api.db);
    await makePathway(api.db, college.id, { title: 'Overdue pathway', reviewDueOn: shiftDays(-1) });
    await makePathway(api.db, college.id, { title: 'Current pathway', reviewDueOn: shiftDays(10) });
    // A retired version is kept for the record: nobody reviews it again.
    await makePathway(api.db, college.id, { title: 'Retired pathway', reviewDueOn: shiftDays(-30), status: PathwayStatus.RETIRED });

    const overdue = await api.gql(`{ pathways(first: 50, filter: { reviewOverdue: true }) { totalCount nodes { title } } }`);
    expect(overdue.data?.pathways).toEqual({ totalCount: 1, nodes: [{ title: 'Overdue pathway' }] });
  });
});
