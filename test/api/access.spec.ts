import { randomUUID } from 'node:crypto';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { AgreementStatus, ArticulationAgreement } from '../../api/src/modules/articulation/articulation-agreement.entity';
import { AwardLevel, DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { CommentKind, PathwayComment } from '../../api/src/modules/codesign/pathway-comment.entity';
import { CredentialStatus } from '../../api/src/modules/credentials/credential.entity';
import { Award } from '../../api/src/modules/learners/award.entity';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, insert, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { makeCredential } from '../support/factories/credentials';

type Actor = 'public' | 'admin' | 'staff' | 'otherStaff' | 'partner' | 'otherEmployer' | 'advisor' | 'otherAdvisor';
const ACTORS: Actor[] = ['public', 'admin', 'staff', 'otherStaff', 'partner', 'otherEmployer', 'advisor', 'otherAdvisor'];

interface Case {
  name: string;
  document: string;
  variables: () => Record<string, unknown>;
  allowed: Actor[];
}

/**
 * Every role against every kind of read and write: who may, and what the others get. A refusal
 * is a top-level UNAUTHENTICATED (no token) or FORBIDDEN error, with no data about the record.
 */
describe('access control by role', () => {
  let api: TestApi;
  const tokens = {} as Record<Actor, string | null>;
  const ids = {} as Record<'published' | 'draft' | 'learner' | 'award' | 'draftAgreement' | 'draftCredential' | 'program' | 'comment' | 'inReview' | 'partnerEmployer', string>;

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db);
    const otherCollege = await makeInstitution(api.db);
    const partnerEmployer = await makeEmployer(api.db);
    const otherEmployer = await makeEmployer(api.db);
    const published = await insert(api.db, Pathway, { title: 'Published', ownerInstitutionId: college.id, status: PathwayStatus.PUBLISHED });
    const draft = await insert(api.db, Pathway, { title: 'Draft', ownerInstitutionId: college.id, status: PathwayStatus.DRAFT });
    const inReview = await insert(api.db, Pathway, { title: 'In review', ownerInstitutionId: college.id, status: PathwayStatus.IN_REVIEW });
    for (const pathway of [draft, inReview]) await insert(api.db, PathwayPartner, { pathwayId: pathway.id, employerId: partnerEmployer.id, role: PartnerRole.CONTRIBUTOR });
    const comment = await insert(api.db, PathwayComment, { pathwayId: draft.id, kind: CommentKind.COMMENT, body: 'Internal discussion' });
    const credential = await makeCredential(api.db, college.id, { title: 'Draft credential', status: CredentialStatus.DRAFT });
    const learner = await insert(api.db, Learner, { institutionId: college.id, givenName: 'Lee', familyName: 'Private', email: `${randomUUID()}@learners.test` });
    const award = await insert(api.db, Award, { learnerId: learner.id, credentialId: credential.id, awardedOn: '2025-01-01' });
    const program = await insert(api.db, DegreeProgram, { institutionId: college.id, title: 'AAS Access', awardLevel: AwardLevel.ASSOCIATE, totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.5 });
    const agreement = await insert(api.db, ArticulationAgreement, {
      title: 'Draft agreement', issuerInstitutionId: college.id, degreeProgramId: program.id, status: AgreementStatus.DRAFT, effectiveFrom: '2025-01-01',
    });
    Object.assign(ids, {
      published: gid(published), draft: gid(draft), inReview: gid(inReview), comment: gid(comment), learner: gid(learner), award: gid(award),
      draftAgreement: gid(agreement), draftCredential: gid(credential), program: gid(program), partnerEmployer: gid(partnerEmployer),
    });
    const sign = async (role: Role, scope: { institutionId?: number; employerId?: number } = {}) => tokenFor(api, (await makeUser(api.db, role, scope)).email);
    tokens.public = null;
    tokens.admin = api.adminToken;
    tokens.staff = await sign(Role.INSTITUTION_STAFF, { institutionId: college.id });
    tokens.otherStaff = await sign(Role.INSTITUTION_STAFF, { institutionId: otherCollege.id });
    tokens.partner = await sign(Role.EMPLOYER_PARTNER, { employerId: partnerEmployer.id });
    tokens.otherEmployer = await sign(Role.EMPLOYER_PARTNER, { employerId: otherEmployer.id });
    tokens.advisor = await sign(Role.ADVISOR, { institutionId: college.id });
    tokens.otherAdvisor = await sign(Role.ADVISOR, { institutionId: otherCollege.id });
  });
  afterAll(() => api.close());

  const everyone = ACTORS;
  const signedIn = ACTORS.filter((actor) => actor !== 'public');
  const cases: Case[] = [
    { name: 'read a published pathway', document: `query($id: ID!) { pathway(id: $id) { title } }`, variables: () => ({ id: ids.published }), allowed: everyone },
    { name: 'read a draft pathway through node(id)', document: `query($id: ID!) { node(id: $id) { ... on Pathway { title } } }`, variables: () => ({ id: ids.draft }), allowed: ['admin', 'staff', 'advisor', 'partner'] },
    { name: 'read a comment on a draft', document: `query($id: ID!) { node(id: $id) { ... on PathwayComment { body } } }`, variables: () => ({ id: ids.comment }), allowed: ['admin', 'staff', 'advisor', 'partner'] },
    { name: 'read a draft credential', document: `query($id: ID!) { credential(id: $id) { title } }`, variables: () => ({ id: ids.draftCredential }), allowed: signedIn },
    { name: 'read a learner through node(id)', document: `query($id: ID!) { node(id: $id) { ... on Learner { email } } }`, variables: () => ({ id: ids.learner }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'read a learner through a nested field', document: `query($id: ID!) { node(id: $id) { ... on Award { learner { email } } } }`, variables: () => ({ id: ids.award }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'read a draft agreement', document: `query($id: ID!) { articulationAgreement(id: $id) { title } }`, variables: () => ({ id: ids.draftAgreement }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'read a program', document: `query($id: ID!) { degreeProgram(id: $id) { title } }`, variables: () => ({ id: ids.program }), allowed: everyone },
    { name: 'route a learner', document: `query($id: ID!) { learnerRoutes(learnerId: $id) { appliedCredits } }`, variables: () => ({ id: ids.learner }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'read the audit log of a draft', document: `query($id: ID!) { auditLog(filter: { recordId: $id }) { totalCount } }`, variables: () => ({ id: ids.draft }), allowed: ['admin', 'staff', 'partner'] },
    { name: 'create an employer', document: `mutation($name: String!) { employerCreate(input: { name: $name }) { userErrors { code } } }`, variables: () => ({ name: `Employer ${randomUUID()}` }), allowed: ['admin'] },
    {
      name: 'edit a draft pathway',
      document: `mutation($id: ID!, $r: Int!) { pathwayUpdate(input: { id: $id, expectedRevision: $r, description: "edited" }) { userErrors { code } } }`,
      variables: () => ({ id: ids.draft, r: 0 }),
      allowed: ['admin', 'staff', 'partner'],
    },
    { name: 'comment on a draft', document: `mutation($id: ID!) { pathwayCommentAdd(input: { pathwayId: $id, body: "Looks good" }) { userErrors { code } } }`, variables: () => ({ id: ids.draft }), allowed: ['admin', 'staff', 'partner'] },
    { name: 'edit a draft credential', document: `mutation($id: ID!) { credentialUpdate(input: { id: $id, description: "edited" }) { userErrors { code } } }`, variables: () => ({ id: ids.draftCredential }), allowed: ['admin', 'staff'] },
    { name: 'edit a learner', document: `mutation($id: ID!) { learnerUpdate(input: { id: $id, externalId: "S-1" }) { userErrors { code } } }`, variables: () => ({ id: ids.learner }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'edit a program', document: `mutation($id: ID!) { degreeProgramUpdate(input: { id: $id, cipCode: "11.0901" }) { userErrors { code } } }`, variables: () => ({ id: ids.program }), allowed: ['admin', 'staff'] },
    {
      name: 'endorse a pathway for an employer',
      document: `mutation($p: ID!, $e: ID!) { endorsementCreate(input: { pathwayId: $p, employerId: $e, statement: "We back it", signatoryName: "Sam" }) { userErrors { code } } }`,
      variables: () => ({ p: ids.inReview, e: ids.partnerEmployer }),
      allowed: ['admin', 'partner'],
    },
    {
      name: 'preview the impact of an agreement change',
      document: `query($id: ID!) { agreementImpact(agreementId: $id, change: { status: ACTIVE }) { learnersConsidered } }`,
      variables: () => ({ id: ids.draftAgreement }),
      allowed: ['admin', 'staff'],
    },
  ];

  it.each(cases)('$name', async ({ document, variables, allowed }) => {
    const outcomes: Record<string, string> = {};
    for (const actor of ACTORS) {
      const result = await api.gql(document, variables(), { token: tokens[actor] });
      const code = result.errors?.[0]?.extensions?.code as string | undefined;
      const refusedAs = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : null;
      if (refusedAs) {
        const root = result.data ? Object.values(result.data)[0] : null;
        if (root !== null && root !== undefined) outcomes[actor] = `refused but leaked ${JSON.stringify(root)}`;
        else if (result.errors?.[0].message !== 'Not allowed' && result.errors?.[0].message !== 'Sign in first') outcomes[actor] = `refused with a revealing message`;
        else outcomes[actor] = refusedAs;
      } else {
        outcomes[actor] = result.errors ? `error ${code}` : 'allowed';
      }
    }
    const expected = Object.fromEntries(ACTORS.map((actor) => [actor, allowed.includes(actor) ? 'allowed' : actor === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN']));
    expect(outcomes).toEqual(expected);
  });

  it('scopes lists instead of refusing them: only what each role may see is counted', async () => {
    const learners = async (actor: Actor) => (await api.gql(`{ learners { totalCount } }`, {}, { token: tokens[actor] })).data?.learners.totalCount;
    expect(await learners('advisor')).toBe(1);
    expect(await learners('otherAdvisor')).toBe(0);
    expect(await learners('partner')).toBe(0);
    expect(await learners('public')).toBe(0);
    const drafts = async (actor: Actor) => (await api.gql(`{ pathways(filter: { status: DRAFT }) { totalCount } }`, {}, { token: tokens[actor] })).data?.pathways.totalCount;
    expect(await drafts('partner')).toBe(1);
    expect(await drafts('otherEmployer')).toBe(0);
    expect(await drafts('public')).toBe(0);
  });
});
