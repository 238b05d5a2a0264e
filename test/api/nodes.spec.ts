import { randomUUID } from 'node:crypto';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { toGlobalId } from '../../api/src/core/ids';
import { startTestApi, TestApi } from '../support/api';
import { gid, insert, makeInstitution } from '../support/factories';

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

describe('nodes(ids)', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db);
    const published = await insert(api.db, Pathway, { title: 'Published', ownerInstitutionId: college.id, status: PathwayStatus.PUBLISHED });
    const draft = await insert(api.db, Pathway, { title: 'Draft', ownerInstitutionId: college.id, status: PathwayStatus.DRAFT });
    const learner = await insert(api.db, Learner, { institutionId: college.id, givenName: 'Lee', familyName: 'Private', email: `${randomUUID()}@learners.test` });
    Object.assign(ids, { published: gid(published), draft: gid(draft), learner: gid(learner), missing: toGlobalId('Pathway', 2147483647) });
  });
  afterAll(() => api.close());

  it('answers each ID at its own position, null for what the viewer may not read, does not exist or is not an ID', async () => {
    const asked = [ids.draft, ids.published, 'not-an-id', ids.learner, ids.missing, ids.published];
    const result = await api.gql(NODES, { ids: asked }, { token: null });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([null, { id: ids.published }, null, null, null, { id: ids.published }]);
    const admin = await api.gql(NODES, { ids: asked });
    expect(admin.data?.nodes).toEqual([{ id: ids.draft }, { id: ids.published }, null, { id: ids.learner }, null, { id: ids.published }]);
  });

  it('answers all of 100 IDs and refuses more rather than dropping the rest', async () => {
    const hundred = Array.from({ length: 100 }, (_, index) => (index % 2 === 0 ? ids.published : ids.draft));
    const answered = await api.gql(NODES, { ids: hundred }, { token: null });
    expect(answered.errors).toBeUndefined();
    expect((answered.data?.nodes as unknown[]).map((node) => (node ? 'published' : null))).toEqual(hundred.map((id) => (id === ids.published ? 'published' : null)));
    const refused = await api.gql(NODES, { ids: [...hundred, ids.published] }, { token: null });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.data?.nodes ?? null).toBeNull();
  });
});
