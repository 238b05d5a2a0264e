import { randomUUID } from 'node:crypto';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { toGlobalId } from '../../api/src/core/ids';
import { startTestApi, TestApi } from '../support/api';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Endorsement } from '../../api/src/modules/pathways/endorsement.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { gid, insert, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

describe('nodes(ids)', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string | null> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db);
    const published = await insert(api.db, Pathway, { title: 'Published', ownerInstitutionId: college.id, status: PathwayStatus.PUBLISHED });
    const draft = await insert(api.db, Pathway, { title: 'Draft', ownerInstitutionId: college.id, status: PathwayStatus.DRAFT });
    const learner = await insert(api.db, Learner, { institutionId: college.id, givenName: 'Lee', familyName: 'Private', email: `${randomUUID()}@learners.test` });
    const partnerEmployer = await makeEmployer(api.db);
    await insert(api.db, PathwayPartner, { pathwayId: draft.id, employerId: partnerEmployer.id, role: PartnerRole.CONTRIBUTOR });
    const hidden = await insert(api.db, Endorsement, {
      pathwayId: published.id, employerId: partnerEmployer.id, statement: 'Hidden', signatoryName: 'Pat', hiddenAt: new Date(), hiddenReason: 'Not shown',
    });
    Object.assign(ids, { published: gid(published), draft: gid(draft), learner: gid(learner), missing: toGlobalId('Pathway', 2147483647), hidden: gid(hidden) });
    const otherCollege = await makeInstitution(api.db);
    const sign = async (role: Role, scope: { institutionId?: number; employerId?: number }) => tokenFor(api, (await makeUser(api.db, role, scope)).email);
    Object.assign(tokens, {
      public: null,
      admin: api.adminToken,
      staff: await sign(Role.INSTITUTION_STAFF, { institutionId: college.id }),
      otherStaff: await sign(Role.INSTITUTION_STAFF, { institutionId: otherCollege.id }),
      partner: await sign(Role.EMPLOYER_PARTNER, { employerId: partnerEmployer.id }),
      otherEmployer: await sign(Role.EMPLOYER_PARTNER, { employerId: (await makeEmployer(api.db)).id }),
      advisor: await sign(Role.ADVISOR, { institutionId: college.id }),
      otherAdvisor: await sign(Role.ADVISOR, { institutionId: otherCollege.id }),
    });
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

  it('keeps every answer at its ID\'s position for every role, on the compiled path and through the resolvers alike', async () => {
    // Each ID names what it is; a name that is not in `readable` must come back as null.
    const named = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id;
    const compiled = [ids.hidden, ids.draft, 'not-an-id', ids.published, ids.missing, ids.draft, ids.hidden];
    // An ID of a type the compiler does not know (a learner, a type that does not exist) sends the whole list to the resolvers.
    const resolved = [...compiled, toGlobalId('Nothing', 1), ids.learner];
    const readable: Record<string, string[]> = {
      public: ['published'],
      admin: ['published', 'draft', 'hidden', 'learner'],
      staff: ['published', 'draft', 'hidden', 'learner'],
      otherStaff: ['published'],
      partner: ['published', 'draft', 'hidden'],
      otherEmployer: ['published'],
      advisor: ['published', 'draft', 'hidden', 'learner'],
      otherAdvisor: ['published'],
    };
    const seen: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [role, token] of Object.entries(tokens)) {
      for (const [path, asked] of [['compiled', compiled], ['resolved', resolved]] as const) {
        const result = await api.gql(NODES, { ids: asked }, { token });
        seen[`${role} ${path}`] = result.errors ?? (result.data?.nodes as ({ id: string } | null)[]).map((node) => (node ? named(node.id) : null));
        expected[`${role} ${path}`] = asked.map((id) => (readable[role].includes(named(id)) ? named(id) : null));
      }
    }
    expect(seen).toEqual(expected);
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
