import { randomUUID } from 'node:crypto';
import { getNamedType, GraphQLEnumType, GraphQLInputObjectType, GraphQLInputType, GraphQLNonNull, GraphQLList, GraphQLScalarType, isObjectType } from 'graphql';
import { buildPathforgeSchema } from '../../api/src/schema/build';
import { PriorLearningClaim } from '../../api/src/modules/learners/prior-learning-claim.entity';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { AgreementStatus, ArticulationAgreement } from '../../api/src/modules/articulation/articulation-agreement.entity';
import { AwardLevel, DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { CommentKind, PathwayComment } from '../../api/src/modules/codesign/pathway-comment.entity';
import { CredentialStatus } from '../../api/src/modules/credentials/credential.entity';
import { Award } from '../../api/src/modules/learners/award.entity';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { Endorsement } from '../../api/src/modules/pathways/endorsement.entity';
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
  const ids = {} as Record<'published' | 'draft' | 'learner' | 'award' | 'claim' | 'draftAgreement' | 'draftCredential' | 'program' | 'comment' | 'inReview' | 'partnerEmployer' | 'endorsement', string>;
  let holdersElsewhere: number;

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
    const claim = await insert(api.db, PriorLearningClaim, { learnerId: learner.id, degreeProgramId: program.id, title: 'Help desk lead', evidence: 'Employer letter', creditsRequested: 6 });
    const agreement = await insert(api.db, ArticulationAgreement, {
      title: 'Draft agreement', issuerInstitutionId: college.id, degreeProgramId: program.id, status: AgreementStatus.DRAFT, effectiveFrom: '2025-01-01',
    });
    // The same credential held at another college: its learners are none of this college's business.
    holdersElsewhere = 2;
    for (let i = 0; i < holdersElsewhere; i += 1) {
      const elsewhere = await insert(api.db, Learner, { institutionId: otherCollege.id, givenName: 'Kim', familyName: 'Elsewhere', email: `${randomUUID()}@learners.test` });
      await insert(api.db, Award, { learnerId: elsewhere.id, credentialId: credential.id, awardedOn: '2025-01-01' });
    }
    const endorsement = await insert(api.db, Endorsement, { pathwayId: published.id, employerId: otherEmployer.id, statement: 'Uninvited', signatoryName: 'Pat' });
    Object.assign(ids, {
      endorsement: gid(endorsement),
      published: gid(published), draft: gid(draft), inReview: gid(inReview), comment: gid(comment), learner: gid(learner), award: gid(award), claim: gid(claim),
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
    { name: 'read a learner directly', document: `query($id: ID!) { learner(id: $id) { givenName } }`, variables: () => ({ id: ids.learner }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'read an award directly', document: `query($id: ID!) { award(id: $id) { awardedOn } }`, variables: () => ({ id: ids.award }), allowed: ['admin', 'staff', 'advisor'] },
    {
      name: 'read a learner through a prior-learning claim',
      document: `query($id: ID!) { priorLearningClaim(id: $id) { learner { email } } }`,
      variables: () => ({ id: ids.claim }),
      allowed: ['admin', 'staff', 'advisor'],
    },
    {
      name: 'route a learner to one program, and as if with more credentials',
      document: `query($l: ID!, $p: ID!, $c: ID!) { route(learnerId: $l, degreeProgramId: $p) { appliedCredits } whatIf(learnerId: $l, degreeProgramId: $p, addCredentialIds: [$c]) { appliedCredits } }`,
      variables: () => ({ l: ids.learner, p: ids.program, c: ids.draftCredential }),
      allowed: ['admin', 'staff', 'advisor'],
    },
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
    { name: 'edit a draft credential', document: `mutation($id: ID!, $r: Int!) { credentialUpdate(input: { id: $id, expectedRevision: $r, description: "edited" }) { userErrors { code } } }`, variables: () => ({ id: ids.draftCredential, r: 0 }), allowed: ['admin', 'staff'] },
    { name: 'edit a learner', document: `mutation($id: ID!, $r: Int!) { learnerUpdate(input: { id: $id, expectedRevision: $r, externalId: "S-1" }) { userErrors { code } } }`, variables: () => ({ id: ids.learner, r: 0 }), allowed: ['admin', 'staff', 'advisor'] },
    { name: 'edit a program', document: `mutation($id: ID!) { degreeProgramUpdate(input: { id: $id, cipCode: "11.0901" }) { userErrors { code } } }`, variables: () => ({ id: ids.program }), allowed: ['admin', 'staff'] },
    {
      name: 'endorse a pathway for an employer',
      document: `mutation($p: ID!, $e: ID!) { endorsementCreate(input: { pathwayId: $p, employerId: $e, statement: "We back it", signatoryName: "Sam" }) { userErrors { code } } }`,
      variables: () => ({ p: ids.inReview, e: ids.partnerEmployer }),
      allowed: ['admin', 'partner'],
    },
    {
      name: 'hide an endorsement of a college\'s pathway from the public',
      document: `mutation($id: ID!) { endorsementHide(input: { id: $id, reason: "Not our partner" }) { userErrors { code } } }`,
      variables: () => ({ id: ids.endorsement }),
      allowed: ['admin', 'staff'],
    },
    {
      name: 'show a hidden endorsement again',
      document: `mutation($id: ID!) { endorsementUnhide(input: { id: $id }) { userErrors { code } } }`,
      variables: () => ({ id: ids.endorsement }),
      allowed: ['admin', 'staff'],
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

  it('answers null for each object by ID the viewer may not read, keeping every answer at the position of its ID', async () => {
    const seen: Record<string, unknown> = {};
    for (const actor of ACTORS) {
      const result = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [ids.learner, ids.award, ids.published] }, { token: tokens[actor] });
      seen[actor] = result.errors ?? (result.data?.nodes as ({ id: string } | null)[]).map((node) => (node ? node.id === ids.learner ? 'learner' : node.id === ids.award ? 'award' : 'published' : null));
    }
    expect(seen).toEqual({
      public: [null, null, 'published'],
      admin: ['learner', 'award', 'published'],
      staff: ['learner', 'award', 'published'],
      otherStaff: [null, null, 'published'],
      partner: [null, null, 'published'],
      otherEmployer: [null, null, 'published'],
      advisor: ['learner', 'award', 'published'],
      otherAdvisor: [null, null, 'published'],
    });
  });

  /** The smallest well-typed value of an input type, so a document passes GraphQL's coercion and reaches the resolver. */
  function minimalValue(type: GraphQLInputType): unknown {
    if (type instanceof GraphQLNonNull) return minimalValue(type.ofType);
    if (type instanceof GraphQLList) return [];
    if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
    if (type instanceof GraphQLInputObjectType) {
      const required = Object.values(type.getFields()).filter((field) => field.type instanceof GraphQLNonNull);
      return Object.fromEntries(required.map((field) => [field.name, minimalValue(field.type)]));
    }
    const samples: Record<string, unknown> = { ID: ids.draft, String: 'x', Int: 1, Float: 1, Boolean: true, Date: '2025-01-01', DateTimeISO: '2025-01-01T00:00:00Z', JSONObject: {} };
    const name = (type as GraphQLScalarType).name;
    if (!(name in samples)) throw new Error(`no sample value for the scalar ${name}`);
    return samples[name];
  }

  it('refuses every mutation of the schema to the public, except signing in, before it writes', async () => {
    const schema = await buildPathforgeSchema();
    const counts = async () => (await api.db.query(`SELECT (SELECT count(*) FROM audit_entry)::int AS audits, (SELECT count(*) FROM employer)::int AS employers`))[0];
    const before = await counts();
    const outcomes: Record<string, string> = {};
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const payload = getNamedType(field.type);
      const selection = !isObjectType(payload) ? '' : 'userErrors' in payload.getFields() ? '{ userErrors { code } }' : '{ __typename }';
      const variables = Object.fromEntries(field.args.map((arg) => [arg.name, minimalValue(arg.type)]));
      const result = await api.gql(declared ? `mutation(${declared}) { ${field.name}(${passed}) ${selection} }` : `mutation { ${field.name} ${selection} }`, variables, { token: null });
      outcomes[field.name] = result.errors?.[0]?.extensions?.code ?? (result.data?.[field.name]?.userErrors?.[0]?.code ? 'user error' : 'allowed');
    }
    // Signing out only clears the caller's own session cookie, which the public may do too.
    const expected = Object.fromEntries(Object.keys(outcomes).map((name) => [name, name === 'login' ? 'user error' : name === 'logout' ? 'allowed' : 'UNAUTHENTICATED']));
    expect(outcomes).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it('weighs an agreement change against the viewer\'s own learners only: staff learn nothing of other colleges\' learners', async () => {
    const IMPACT = `query($id: ID!, $c: ID!) {
      agreementImpact(agreementId: $id, change: { status: ACTIVE, credits: [{ credentialId: $c, credits: 6 }] }) { learnersConsidered changes { difference learner { id } } }
    }`;
    const impact = async (actor: Actor) => (await api.gql(IMPACT, { id: ids.draftAgreement, c: ids.draftCredential }, { token: tokens[actor] })).data?.agreementImpact;
    expect(await impact('staff')).toEqual({ learnersConsidered: 1, changes: [{ difference: 6, learner: { id: ids.learner } }] });
    expect(await impact('admin')).toMatchObject({ learnersConsidered: 1 + holdersElsewhere });
    expect((await impact('admin')).changes).toHaveLength(1 + holdersElsewhere);
  });

  it('scopes lists instead of refusing them: only what each role may see is counted', async () => {
    const learners = async (actor: Actor) => (await api.gql(`{ learners { totalCount } }`, {}, { token: tokens[actor] })).data?.learners.totalCount;
    expect(await learners('advisor')).toBe(1);
    expect(await learners('otherAdvisor')).toBe(holdersElsewhere);
    expect(await learners('partner')).toBe(0);
    expect(await learners('public')).toBe(0);
    const drafts = async (actor: Actor) => (await api.gql(`{ pathways(filter: { status: DRAFT }) { totalCount } }`, {}, { token: tokens[actor] })).data?.pathways.totalCount;
    expect(await drafts('partner')).toBe(1);
    expect(await drafts('otherEmployer')).toBe(0);
    expect(await drafts('public')).toBe(0);
  });
});
