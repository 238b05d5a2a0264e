import { DataSource } from 'typeorm';
import { toGlobalId } from '../../api/src/core/ids';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { AlignmentStrength } from '../../api/src/modules/credentials/alignment.entity';
import { AssessmentMethod } from '../../api/src/modules/credentials/assessment.entity';
import { CredentialStatus } from '../../api/src/modules/credentials/credential.entity';
import { lockPrerequisiteGraph } from '../../api/src/modules/credentials/credential.rules';
import { Employer } from '../../api/src/modules/employers/employer.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { startTestApi, TestApi } from '../support/api';
import { currentRevision, editingClient } from '../support/revisions';
import { gid, linkCore, makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';
import {
  addPrerequisite, align, assess, makeCredential, makeEmployerCredential, makeOutcome, makePublishedCredential, makeRubricLevel,
} from '../support/factories/credentials';
import { addToStage, makePathway, makeStage, setStatus } from '../support/factories/pathways';
import { PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';

const CREDENTIAL = `id title description level workloadHours creditValue deliveryMode cost currency status criteria evidenceTypes nextReviewOn
  issuer { __typename ... on Institution { id } ... on Employer { id } } prerequisites { id }`;
const CREATE = `mutation($input: CredentialCreateInput!) { credentialCreate(input: $input) { credential { ${CREDENTIAL} } userErrors { field code } } }`;
const UPDATE = `mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { credential { ${CREDENTIAL} } userErrors { field code } } }`;
const READ = `query($id: ID!) { credential(id: $id) { ${CREDENTIAL} } }`;
const LIST = `query($first: Int, $after: String, $filter: CredentialFilter, $orderBy: CredentialOrder) {
  credentials(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }
}`;
/** Deleting a credential or an alignment takes the credential's revision; its other rows take none. */
const deleteOf = (type: string) => (['credential', 'alignment'].includes(type)
  ? `mutation($id: ID!, $expectedRevision: Int!) { ${type}Delete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`
  : `mutation($id: ID!) { ${type}Delete(input: { id: $id }) { deletedId userErrors { field code } } }`);

interface UserErrorShape {
  field: string[] | null;
  code: string;
}
const fieldsOf = (errors: UserErrorShape[]) => errors.map((e) => `${e.field?.join('.') ?? '-'}:${e.code}`).sort();
const titlesOf = (nodes: { title: string }[]) => nodes.map((node) => node.title);
/** A well-formed global ID that names no row. */
const unknownId = (typeName: string) => toGlobalId(typeName, 999999);

/** Rows of every table this module writes, and the audit log that records each write. */
const WRITES = `SELECT (SELECT count(*) FROM credential)::int AS credentials, (SELECT count(*) FROM credential_prerequisite)::int AS prerequisites,
  (SELECT count(*) FROM learning_outcome)::int AS outcomes, (SELECT count(*) FROM alignment)::int AS alignments,
  (SELECT count(*) FROM assessment)::int AS assessments, (SELECT count(*) FROM rubric_level)::int AS "rubricLevels",
  (SELECT count(*) FROM audit_entry)::int AS audit`;

/** Resolves once a statement on this database waits for a lock: the request under test is being held back. */
async function someoneWaitsForALock(db: DataSource): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no statement waited for a lock within 5 seconds');
}

describe('credentials', () => {
  let api: TestApi;
  /** Edits of a credential, sent with the revision a page opened now would hold. */
  let edit: TestApi['gql'];
  let college: Institution;
  let employer: Employer;
  const writes = async () => (await api.db.query(WRITES))[0];
  const valid = () => ({ title: 'Network Basics', issuerInstitutionId: gid(college), level: 2, workloadHours: 60, deliveryMode: 'HYBRID' });

  beforeAll(async () => {
    api = await startTestApi();
    edit = editingClient(api);
    college = await makeInstitution(api.db, { name: 'Credential College' });
    employer = await makeEmployer(api.db, { name: 'Credential Employer' });
  });
  afterAll(() => api.close());

  describe('create, read, update, delete', () => {
    it('creates a credential with every field and reads it back by ID and through node', async () => {
      const prerequisite = await makeCredential(api.db, college.id, { title: 'Prior credential' });
      const input = {
        title: 'Welding Safety', description: 'Safe practice in the shop', issuerEmployerId: gid(employer), level: 3, workloadHours: 60.5,
        creditValue: 4, deliveryMode: 'WORK_BASED', cost: 250.75, currency: 'EUR', status: 'DRAFT', criteria: 'Pass an observed weld',
        evidenceTypes: ['WORK_SAMPLE', 'SUPERVISOR_ATTESTATION'], nextReviewOn: '2027-06-30', prerequisiteIds: [gid(prerequisite)],
      };
      const created = await api.gql(CREATE, { input });
      expect(created.data?.credentialCreate.userErrors).toEqual([]);
      const credential = created.data?.credentialCreate.credential;
      const { issuerEmployerId, prerequisiteIds, ...columns } = input;
      expect(credential).toEqual({
        ...columns, id: expect.any(String), issuer: { __typename: 'Employer', id: issuerEmployerId }, prerequisites: prerequisiteIds.map((id) => ({ id })),
      });
      expect((await api.gql(READ, { id: credential.id })).data?.credential).toEqual(credential);
      const node = await api.gql(`query($id: ID!) { node(id: $id) { ... on Credential { ${CREDENTIAL} } } }`, { id: credential.id });
      expect(node.data?.node).toEqual(credential);
    });

    it('fills in the defaults of optional fields', async () => {
      const created = await api.gql(CREATE, { input: valid() });
      expect(created.data?.credentialCreate.credential).toMatchObject({
        status: 'DRAFT', creditValue: 0, currency: 'USD', cost: null, description: null, criteria: null, evidenceTypes: [], nextReviewOn: null,
        issuer: { __typename: 'Institution', id: gid(college) }, prerequisites: [],
      });
    });

    it('changes only the fields given, clears nullable ones with null, and moves a credential to another issuer', async () => {
      const credential = await makeCredential(api.db, college.id, { title: 'Before', description: 'Old text', cost: 100, level: 1 });
      const updated = await edit(UPDATE, { input: { id: gid(credential), title: 'After', description: null, cost: null, workloadHours: 12.25 } });
      expect(updated.data?.credentialUpdate.userErrors).toEqual([]);
      expect(updated.data?.credentialUpdate.credential).toMatchObject({ title: 'After', description: null, cost: null, workloadHours: 12.25, level: 1, deliveryMode: 'HYBRID' });

      const moved = await edit(UPDATE, { input: { id: gid(credential), issuerInstitutionId: null, issuerEmployerId: gid(employer) } });
      expect(moved.data?.credentialUpdate.credential.issuer).toEqual({ __typename: 'Employer', id: gid(employer) });
    });

    it('deletes a credential with its outcomes, alignments, assessments, rubric levels and prerequisite links', async () => {
      const framework = await makeFramework(api.db);
      const competency = await makeCompetency(api.db, framework.id);
      const before = await makeCredential(api.db, college.id);
      const credential = await makeCredential(api.db, college.id, { title: 'Doomed' });
      const after = await makeCredential(api.db, college.id);
      await align(api.db, (await makeOutcome(api.db, credential.id)).id, competency.id);
      await assess(api.db, credential.id);
      await makeRubricLevel(api.db, credential.id, 1);
      await addPrerequisite(api.db, credential.id, before.id);
      await addPrerequisite(api.db, after.id, credential.id);
      const counts = await writes();

      const deleted = await edit(deleteOf('credential'), { id: gid(credential) });
      expect(deleted.data?.credentialDelete).toEqual({ deletedId: gid(credential), userErrors: [] });
      expect((await api.gql(READ, { id: gid(credential) })).data?.credential).toBeNull();
      expect((await api.gql(READ, { id: gid(after) })).data?.credential.prerequisites).toEqual([]);
      expect(await writes()).toMatchObject({
        credentials: counts.credentials - 1, prerequisites: counts.prerequisites - 2, outcomes: counts.outcomes - 1,
        alignments: counts.alignments - 1, assessments: counts.assessments - 1, rubricLevels: counts.rubricLevels - 1,
      });
    });

    it('refuses to delete a credential that a pathway stage holds', async () => {
      const credential = await makeCredential(api.db, college.id);
      const stage = await makeStage(api.db, (await makePathway(api.db, college.id)).id, 1);
      await addToStage(api.db, stage.id, credential.id);
      const refused = await edit(deleteOf('credential'), { id: gid(credential) });
      expect(refused.data?.credentialDelete).toEqual({ deletedId: null, userErrors: [{ field: null, code: 'IN_USE' }] });
      expect((await api.gql(READ, { id: gid(credential) })).data?.credential.id).toBe(gid(credential));
    });

    it('reports unknown and wrong-type IDs of the record to change', async () => {
      const missing = await edit(UPDATE, { input: { id: unknownId('Credential'), title: 'X' } });
      expect(missing.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongType = await edit(deleteOf('credential'), { id: gid(employer) });
      expect(wrongType.data?.credentialDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
      expect((await api.gql(READ, { id: gid(employer) })).data?.credential).toBeNull();
    });
  });

  describe('validation', () => {
    it('names every bad field at once and writes nothing', async () => {
      const counts = await writes();
      const bad = await api.gql(CREATE, { input: { ...valid(), title: '', level: 4, workloadHours: 0, creditValue: -3, currency: 'usd', cost: -1 } });
      expect(bad.data?.credentialCreate.credential).toBeNull();
      expect(fieldsOf(bad.data?.credentialCreate.userErrors)).toEqual([
        'input.cost:OUT_OF_RANGE', 'input.creditValue:OUT_OF_RANGE', 'input.currency:INVALID', 'input.level:OUT_OF_RANGE', 'input.title:REQUIRED', 'input.workloadHours:OUT_OF_RANGE',
      ]);
      const more = await api.gql(CREATE, { input: { ...valid(), title: 'x'.repeat(301), level: 0, workloadHours: -5, currency: 'US' } });
      expect(fieldsOf(more.data?.credentialCreate.userErrors)).toEqual(['input.currency:INVALID', 'input.level:OUT_OF_RANGE', 'input.title:TOO_LONG', 'input.workloadHours:OUT_OF_RANGE']);
      expect(await writes()).toEqual(counts);
    });

    it('checks updates like creates, leaving the row as it was', async () => {
      const credential = await makeCredential(api.db, college.id, { title: 'Unchanged', level: 2 });
      const bad = await edit(UPDATE, { input: { id: gid(credential), title: '', level: 9, creditValue: -1 } });
      expect(fieldsOf(bad.data?.credentialUpdate.userErrors)).toEqual(['input.creditValue:OUT_OF_RANGE', 'input.level:OUT_OF_RANGE', 'input.title:REQUIRED']);
      expect((await api.gql(READ, { id: gid(credential) })).data?.credential).toMatchObject({ title: 'Unchanged', level: 2, creditValue: 3 });
    });

    it('wants exactly one existing issuer of the right type', async () => {
      const counts = await writes();
      const both = await api.gql(CREATE, { input: { ...valid(), issuerEmployerId: gid(employer) } });
      expect(both.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      const neither = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: null } });
      expect(neither.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      const wrongType = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: gid(employer) } });
      expect(wrongType.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID_ID' }]);
      const missingInstitution = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: unknownId('Institution') } });
      expect(missingInstitution.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'NOT_FOUND' }]);
      const missingEmployer = await api.gql(CREATE, { input: { ...valid(), issuerInstitutionId: null, issuerEmployerId: unknownId('Employer') } });
      expect(missingEmployer.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'issuerEmployerId'], code: 'NOT_FOUND' }]);
      expect(await writes()).toEqual(counts);

      const credential = await makeCredential(api.db, college.id);
      const second = await edit(UPDATE, { input: { id: gid(credential), issuerEmployerId: gid(employer) } });
      expect(second.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      const none = await edit(UPDATE, { input: { id: gid(credential), issuerInstitutionId: null } });
      expect(none.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      expect((await api.gql(READ, { id: gid(credential) })).data?.credential.issuer).toEqual({ __typename: 'Institution', id: gid(college) });
    });

    it('wants prerequisites that are existing credentials', async () => {
      const counts = await writes();
      const wrongType = await api.gql(CREATE, { input: { ...valid(), prerequisiteIds: [gid(employer)] } });
      expect(wrongType.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'prerequisiteIds'], code: 'INVALID_ID' }]);
      const missing = await api.gql(CREATE, { input: { ...valid(), prerequisiteIds: [unknownId('Credential')] } });
      expect(missing.data?.credentialCreate.userErrors).toEqual([{ field: ['input', 'prerequisiteIds'], code: 'NOT_FOUND' }]);
      expect(await writes()).toEqual(counts);
    });
  });

  describe('publishing', () => {
    const ADD_ASSESSMENT = `mutation($c: ID!) { assessmentCreate(input: { credentialId: $c, method: PORTFOLIO, description: "Portfolio review" }) { assessment { id } userErrors { code } } }`;

    it('refuses to create a credential as published: it has no assessment yet', async () => {
      const counts = await writes();
      const refused = await api.gql(CREATE, { input: { ...valid(), status: 'PUBLISHED' } });
      expect(refused.data?.credentialCreate).toEqual({ credential: null, userErrors: [{ field: ['input', 'status'], code: 'INVALID_STATE' }] });
      expect(await writes()).toEqual(counts);
    });

    it('publishes a credential once it is assessed, and keeps its last assessment while published', async () => {
      const credential = await makeCredential(api.db, college.id, { title: 'Participation badge' });
      const refused = await edit(UPDATE, { input: { id: gid(credential), status: 'PUBLISHED', title: 'Renamed on the way' } });
      expect(refused.data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'status'], code: 'INVALID_STATE' }]);
      expect((await api.gql(READ, { id: gid(credential) })).data?.credential).toMatchObject({ status: 'DRAFT', title: 'Participation badge' });

      const first = (await api.gql(ADD_ASSESSMENT, { c: gid(credential) })).data?.assessmentCreate.assessment.id;
      const second = (await api.gql(ADD_ASSESSMENT, { c: gid(credential) })).data?.assessmentCreate.assessment.id;
      const published = await edit(UPDATE, { input: { id: gid(credential), status: 'PUBLISHED' } });
      expect(published.data?.credentialUpdate).toMatchObject({ credential: { status: 'PUBLISHED' }, userErrors: [] });

      expect((await edit(deleteOf('assessment'), { id: second })).data?.assessmentDelete).toEqual({ deletedId: second, userErrors: [] });
      const last = await edit(deleteOf('assessment'), { id: first });
      expect(last.data?.assessmentDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID_STATE' }] });
      expect(await api.db.query('SELECT count(*)::int AS n FROM assessment WHERE credential_id = $1', [credential.id])).toEqual([{ n: 1 }]);

      expect((await edit(UPDATE, { input: { id: gid(credential), status: 'RETIRED' } })).data?.credentialUpdate.credential.status).toBe('RETIRED');
      expect((await edit(deleteOf('assessment'), { id: first })).data?.assessmentDelete.deletedId).toBe(first);
    });

    it('makes the delete of the last assessment wait for a publish in progress, then refuses it', async () => {
      const credential = await makeCredential(api.db, college.id);
      const assessment = await assess(api.db, credential.id);
      const publish = api.db.createQueryRunner();
      await publish.connect();
      try {
        await publish.startTransaction();
        await publish.query(`UPDATE credential SET status = 'PUBLISHED' WHERE id = $1`, [credential.id]);
        const deleting = edit(deleteOf('assessment'), { id: gid(assessment) });
        await someoneWaitsForALock(api.db);
        await publish.commitTransaction();
        expect((await deleting).data?.assessmentDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID_STATE' }] });
      } finally {
        if (publish.isTransactionActive) await publish.rollbackTransaction();
        await publish.release();
      }
      expect(await api.db.query('SELECT count(*)::int AS n FROM assessment WHERE credential_id = $1', [credential.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('prerequisites', () => {
    const PREREQUISITES = `mutation($id: ID!, $p: [ID!], $expectedRevision: Int!) { credentialUpdate(input: { id: $id, prerequisiteIds: $p, expectedRevision: $expectedRevision }) { credential { prerequisites { title } } userErrors { field code } } }`;
    const prerequisitesOf = async (id: number) =>
      (await api.db.query('SELECT prerequisite_id AS id FROM credential_prerequisite WHERE credential_id = $1 ORDER BY 1', [id])).map((row: { id: number }) => row.id);

    it('replaces the set when given, keeps it when omitted, and empties it with []', async () => {
      const a = await makeCredential(api.db, college.id, { title: 'Set A' });
      const b = await makeCredential(api.db, college.id, { title: 'Set B' });
      const target = await makeCredential(api.db, college.id, { title: 'Set target' });
      const replaced = await edit(PREREQUISITES, { id: gid(target), p: [gid(b), gid(a), gid(a)] });
      expect(replaced.data?.credentialUpdate.credential.prerequisites).toEqual([{ title: 'Set A' }, { title: 'Set B' }]);
      await edit(UPDATE, { input: { id: gid(target), title: 'Set target, renamed' } });
      expect(await prerequisitesOf(target.id)).toEqual([a.id, b.id]);
      expect((await edit(PREREQUISITES, { id: gid(target), p: [gid(b)] })).data?.credentialUpdate.credential.prerequisites).toEqual([{ title: 'Set B' }]);
      expect((await edit(PREREQUISITES, { id: gid(target), p: [] })).data?.credentialUpdate.credential.prerequisites).toEqual([]);
    });

    it('refuses a credential as its own prerequisite and any set that would close a loop, changing nothing', async () => {
      const a = await makeCredential(api.db, college.id, { title: 'Loop A' });
      const b = await makeCredential(api.db, college.id, { title: 'Loop B' });
      const c = await makeCredential(api.db, college.id, { title: 'Loop C' });
      const other = await makeCredential(api.db, college.id, { title: 'Loop other' });
      expect((await edit(PREREQUISITES, { id: gid(b), p: [gid(a)] })).data?.credentialUpdate.userErrors).toEqual([]);
      expect((await edit(PREREQUISITES, { id: gid(c), p: [gid(b)] })).data?.credentialUpdate.userErrors).toEqual([]);
      expect((await edit(PREREQUISITES, { id: gid(a), p: [gid(other)] })).data?.credentialUpdate.userErrors).toEqual([]);
      const counts = await writes();

      const cycle = [{ field: ['input', 'prerequisiteIds'], code: 'CYCLE' }];
      expect((await edit(PREREQUISITES, { id: gid(a), p: [gid(a)] })).data?.credentialUpdate.userErrors).toEqual(cycle);
      expect((await edit(PREREQUISITES, { id: gid(a), p: [gid(b)] })).data?.credentialUpdate.userErrors).toEqual(cycle);
      const indirect = await edit(`mutation($id: ID!, $p: [ID!], $expectedRevision: Int!) { credentialUpdate(input: { id: $id, title: "Renamed", prerequisiteIds: $p, expectedRevision: $expectedRevision }) { userErrors { field code } } }`,
        { id: gid(a), p: [gid(other), gid(c)] });
      expect(indirect.data?.credentialUpdate.userErrors).toEqual(cycle);
      expect(await writes()).toEqual(counts);
      expect(await prerequisitesOf(a.id)).toEqual([other.id]);
      expect((await api.gql(READ, { id: gid(a) })).data?.credential.title).toBe('Loop A');
    });

    it('waits for a prerequisite edit in progress, then sees the loop the two would close together', async () => {
      const [a, b, c, d] = await Promise.all(['Race A', 'Race B', 'Race C', 'Race D'].map((title) => makeCredential(api.db, college.id, { title })));
      await addPrerequisite(api.db, b.id, c.id);
      await addPrerequisite(api.db, d.id, a.id);
      const otherEdit = api.db.createQueryRunner();
      await otherEdit.connect();
      try {
        await otherEdit.startTransaction();
        await lockPrerequisiteGraph(otherEdit.manager);
        await otherEdit.query('INSERT INTO credential_prerequisite (credential_id, prerequisite_id) VALUES ($1, $2)', [c.id, d.id]);
        const closing = edit(PREREQUISITES, { id: gid(a), p: [gid(b)] });
        await someoneWaitsForALock(api.db);
        await otherEdit.commitTransaction();
        expect((await closing).data?.credentialUpdate.userErrors).toEqual([{ field: ['input', 'prerequisiteIds'], code: 'CYCLE' }]);
      } finally {
        if (otherEdit.isTransactionActive) await otherEdit.rollbackTransaction();
        await otherEdit.release();
      }
      expect(await prerequisitesOf(a.id)).toEqual([]);
    });

    it('takes prerequisites on create', async () => {
      const prior = await makeCredential(api.db, college.id, { title: 'Created prior' });
      const created = await api.gql(CREATE, { input: { ...valid(), prerequisiteIds: [gid(prior)] } });
      expect(created.data?.credentialCreate.credential.prerequisites).toEqual([{ id: gid(prior) }]);
    });
  });

  describe('list', () => {
    it('pages in a stable order with cursors and a total', async () => {
      const pages = await makeInstitution(api.db);
      for (const [title, level] of [['Page C', 1], ['Page A', 3], ['Page E', 2], ['Page B', 1], ['Page D', 3]] as const) {
        await makeCredential(api.db, pages.id, { title, level });
      }
      const filter = { institutionId: gid(pages) };
      const first = await api.gql(LIST, { first: 2, filter, orderBy: { field: 'TITLE', direction: 'DESC' } });
      expect(first.data?.credentials).toMatchObject({ totalCount: 5, nodes: [{ title: 'Page E' }, { title: 'Page D' }], pageInfo: { hasNextPage: true } });
      const second = await api.gql(LIST, { first: 2, after: first.data?.credentials.pageInfo.endCursor, filter, orderBy: { field: 'TITLE', direction: 'DESC' } });
      expect(titlesOf(second.data?.credentials.nodes)).toEqual(['Page C', 'Page B']);
      const last = await api.gql(LIST, { first: 2, after: second.data?.credentials.pageInfo.endCursor, filter, orderBy: { field: 'TITLE', direction: 'DESC' } });
      expect(last.data?.credentials).toMatchObject({ nodes: [{ title: 'Page A' }], pageInfo: { hasNextPage: false } });

      const byTitle = await api.gql(LIST, { filter });
      expect(titlesOf(byTitle.data?.credentials.nodes)).toEqual(['Page A', 'Page B', 'Page C', 'Page D', 'Page E']);
      const byLevel = await api.gql(LIST, { filter, orderBy: { field: 'LEVEL' } });
      expect(titlesOf(byLevel.data?.credentials.nodes)).toEqual(['Page C', 'Page B', 'Page E', 'Page A', 'Page D']);
      const newestFirst = await api.gql(LIST, { filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
      expect(titlesOf(newestFirst.data?.credentials.nodes)).toEqual(['Page D', 'Page B', 'Page E', 'Page A', 'Page C']);

      expect((await api.gql(LIST, { first: 101 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await api.gql(LIST, { first: 1, after: 'not a cursor' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('filters by title, status, level, issuer, competency and occupation', async () => {
      const school = await makeInstitution(api.db);
      const issuer = await makeEmployer(api.db);
      const basics = await makeCredential(api.db, school.id, { title: 'Welding Basics', level: 1 });
      const advanced = await makePublishedCredential(api.db, school.id, { title: 'Advanced Welding', level: 3 });
      await makeCredential(api.db, school.id, { title: 'Pipe_fitting 100%', level: 2, status: CredentialStatus.RETIRED });
      await makeCredential(api.db, school.id, { title: 'Pipe fitting 1000', level: 2 });
      await makeEmployerCredential(api.db, issuer.id, { title: 'Employer Welding' });

      const framework = await makeFramework(api.db);
      const [direct, viaOccupation] = [await makeCompetency(api.db, framework.id), await makeCompetency(api.db, framework.id)];
      const occupation = await makeOccupation(api.db);
      await linkCore(api.db, occupation.id, viaOccupation.id);
      await align(api.db, (await makeOutcome(api.db, basics.id)).id, direct.id, AlignmentStrength.RELATED);
      await align(api.db, (await makeOutcome(api.db, advanced.id)).id, viaOccupation.id);

      const titles = async (filter: Record<string, unknown>) =>
        titlesOf((await api.gql(LIST, { filter: { institutionId: gid(school), ...filter } })).data?.credentials.nodes).sort();
      expect(await titles({})).toEqual(['Advanced Welding', 'Pipe fitting 1000', 'Pipe_fitting 100%', 'Welding Basics']);
      expect(await titles({ search: 'WELDING' })).toEqual(['Advanced Welding', 'Welding Basics']);
      expect(await titles({ search: '100%' })).toEqual(['Pipe_fitting 100%']);
      expect(await titles({ search: 'e_f' })).toEqual(['Pipe_fitting 100%']);
      expect(await titles({ status: 'PUBLISHED' })).toEqual(['Advanced Welding']);
      expect(await titles({ level: 2 })).toEqual(['Pipe fitting 1000', 'Pipe_fitting 100%']);
      expect(await titles({ competencyId: gid(direct) })).toEqual(['Welding Basics']);
      expect(await titles({ occupationId: gid(occupation) })).toEqual(['Advanced Welding']);
      expect(await titles({ search: 'welding', level: 3 })).toEqual(['Advanced Welding']);

      const byEmployer = await api.gql(LIST, { filter: { employerId: gid(issuer) } });
      expect(titlesOf(byEmployer.data?.credentials.nodes)).toEqual(['Employer Welding']);
      const wrongType = await api.gql(LIST, { filter: { competencyId: gid(occupation) } });
      expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('relations', () => {
    it('resolves issuer, outcomes, assessments, rubric, prerequisites, competencies, occupations and pathways', async () => {
      const credential = await makeEmployerCredential(api.db, employer.id, { title: 'Related' });
      const bare = await makeCredential(api.db, college.id, { title: 'Bare' });
      const prior = await makeCredential(api.db, college.id, { title: 'Related prior' });
      await addPrerequisite(api.db, credential.id, prior.id);
      const framework = await makeFramework(api.db);
      const [first, second] = [await makeCompetency(api.db, framework.id, { code: 'REL-1' }), await makeCompetency(api.db, framework.id, { code: 'REL-2' })];
      const [tech, installer] = [await makeOccupation(api.db, { title: 'Related technician' }), await makeOccupation(api.db, { title: 'Related installer' })];
      await linkCore(api.db, tech.id, first.id);
      await linkCore(api.db, tech.id, second.id);
      await linkCore(api.db, installer.id, second.id);
      const later = await makeOutcome(api.db, credential.id, { position: 2, statement: 'Second outcome' });
      const earlier = await makeOutcome(api.db, credential.id, { position: 1, statement: 'First outcome' });
      await align(api.db, earlier.id, first.id);
      await align(api.db, earlier.id, second.id, AlignmentStrength.PARTIAL);
      await align(api.db, later.id, second.id);
      await assess(api.db, credential.id, { method: AssessmentMethod.OBSERVATION });
      for (const level of [3, 1, 2]) await makeRubricLevel(api.db, credential.id, level);
      const pathway = await makePathway(api.db, college.id, { title: 'Related pathway' });
      await addToStage(api.db, (await makeStage(api.db, pathway.id, 1)).id, credential.id);
      await addToStage(api.db, (await makeStage(api.db, pathway.id, 2)).id, credential.id);

      const read = await api.gql(`query($id: ID!, $bare: ID!) {
        related: credential(id: $id) {
          assessed issuer { __typename ... on Employer { name } }
          outcomes { statement credential { title } alignments { strength competency { code } } }
          assessments { method credential { title } } rubricLevels { level name credential { title } }
          prerequisites { title } competencies { code } occupations { title } pathways { title }
        }
        bare: credential(id: $bare) { assessed outcomes { id } assessments { id } rubricLevels { id } prerequisites { id } competencies { id } occupations { id } pathways { id } }
      }`, { id: gid(credential), bare: gid(bare) });
      expect(read.errors).toBeUndefined();
      expect(read.data?.related).toEqual({
        assessed: true,
        issuer: { __typename: 'Employer', name: 'Credential Employer' },
        outcomes: [
          { statement: 'First outcome', credential: { title: 'Related' }, alignments: [{ strength: 'EXACT', competency: { code: 'REL-1' } }, { strength: 'PARTIAL', competency: { code: 'REL-2' } }] },
          { statement: 'Second outcome', credential: { title: 'Related' }, alignments: [{ strength: 'EXACT', competency: { code: 'REL-2' } }] },
        ],
        assessments: [{ method: 'OBSERVATION', credential: { title: 'Related' } }],
        rubricLevels: [1, 2, 3].map((level) => ({ level, name: `Level ${level}`, credential: { title: 'Related' } })),
        prerequisites: [{ title: 'Related prior' }],
        competencies: [{ code: 'REL-1' }, { code: 'REL-2' }],
        occupations: [{ title: 'Related technician' }, { title: 'Related installer' }],
        pathways: [{ title: 'Related pathway' }],
      });
      expect(read.data?.bare).toEqual({ assessed: false, outcomes: [], assessments: [], rubricLevels: [], prerequisites: [], competencies: [], occupations: [], pathways: [] });
    });

    it('resolves a page of credentials with every relation in the same number of statements whatever the page size', async () => {
      const school = await makeInstitution(api.db);
      const framework = await makeFramework(api.db);
      const occupation = await makeOccupation(api.db);
      const pathway = await makePathway(api.db, school.id);
      let previous: { id: number } | null = null;
      for (let index = 0; index < 12; index += 1) {
        const credential = await makeCredential(api.db, school.id, { title: `Counted ${String(index).padStart(2, '0')}` });
        const competency = await makeCompetency(api.db, framework.id);
        await linkCore(api.db, occupation.id, competency.id);
        for (const position of [1, 2]) await align(api.db, (await makeOutcome(api.db, credential.id, { position })).id, competency.id);
        await assess(api.db, credential.id);
        await makeRubricLevel(api.db, credential.id, 1);
        await addToStage(api.db, (await makeStage(api.db, pathway.id, index + 1)).id, credential.id);
        if (previous) await addPrerequisite(api.db, credential.id, previous.id);
        previous = credential;
      }
      const PAGE = `query($first: Int!, $school: ID!) {
        credentials(first: $first, filter: { institutionId: $school }) {
          totalCount
          nodes {
            title assessed issuer { __typename }
            outcomes { statement alignments { strength competency { code framework { name } } } }
            assessments { method } rubricLevels { level } prerequisites { title issuer { __typename } }
            competencies { code } occupations { title } pathways { title }
          }
        }
      }`;
      const small = await api.gql(PAGE, { first: 3, school: gid(school) });
      const large = await api.gql(PAGE, { first: 12, school: gid(school) });
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(large.data?.credentials.nodes).toHaveLength(12);
      expect(large.data?.credentials.nodes[11]).toMatchObject({ assessed: true, prerequisites: [{ title: 'Counted 10' }], occupations: [{ title: occupation.title }] });
      expect(Number.isFinite(small.statements)).toBe(true);
      expect(large.statements).toBe(small.statements);
    });
  });

  describe('learning outcomes', () => {
    const CREATE_OUTCOME = `mutation($input: LearningOutcomeCreateInput!) { learningOutcomeCreate(input: $input) { learningOutcome { id statement position credential { id } } userErrors { field code } } }`;

    it('creates, reads, updates and deletes an outcome, taking its alignments with it', async () => {
      const credential = await makeCredential(api.db, college.id);
      const created = await api.gql(CREATE_OUTCOME, { input: { credentialId: gid(credential), statement: 'Terminate a cable', position: 3 } });
      expect(created.data?.learningOutcomeCreate).toEqual({
        learningOutcome: { id: expect.any(String), statement: 'Terminate a cable', position: 3, credential: { id: gid(credential) } }, userErrors: [],
      });
      const id = created.data?.learningOutcomeCreate.learningOutcome.id;
      const framework = await makeFramework(api.db);
      const competency = await makeCompetency(api.db, framework.id, { code: 'LO-1' });
      await api.gql(`mutation($o: ID!, $k: ID!, $r: Int!) { alignmentCreate(input: { outcomeId: $o, competencyId: $k, strength: PARTIAL, expectedRevision: $r }) { userErrors { code } } }`,
        { o: id, k: gid(competency), r: await currentRevision(api.db, id) });
      const read = await api.gql(`query($id: ID!) { learningOutcome(id: $id) { statement alignments { strength competency { code } } } }`, { id });
      expect(read.data?.learningOutcome).toEqual({ statement: 'Terminate a cable', alignments: [{ strength: 'PARTIAL', competency: { code: 'LO-1' } }] });

      const updated = await api.gql(`mutation($id: ID!) { learningOutcomeUpdate(input: { id: $id, statement: "Terminate and test a cable" }) { learningOutcome { statement position } userErrors { code } } }`, { id });
      expect(updated.data?.learningOutcomeUpdate).toEqual({ learningOutcome: { statement: 'Terminate and test a cable', position: 3 }, userErrors: [] });
      expect((await edit(deleteOf('learningOutcome'), { id })).data?.learningOutcomeDelete).toEqual({ deletedId: id, userErrors: [] });
      expect((await api.gql(`query($id: ID!) { learningOutcome(id: $id) { id } }`, { id })).data?.learningOutcome).toBeNull();
      expect(await api.db.query('SELECT count(*)::int AS n FROM alignment WHERE competency_id = $1', [competency.id])).toEqual([{ n: 0 }]);
    });

    it('refuses an empty statement, a negative position and a credential that is not one, writing nothing', async () => {
      const credential = await makeCredential(api.db, college.id);
      const counts = await writes();
      const bad = await api.gql(CREATE_OUTCOME, { input: { credentialId: gid(credential), statement: '', position: -1 } });
      expect(fieldsOf(bad.data?.learningOutcomeCreate.userErrors)).toEqual(['input.position:OUT_OF_RANGE', 'input.statement:REQUIRED']);
      const missing = await api.gql(CREATE_OUTCOME, { input: { credentialId: unknownId('Credential'), statement: 'Orphan' } });
      expect(missing.data?.learningOutcomeCreate.userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(CREATE_OUTCOME, { input: { credentialId: gid(college), statement: 'Misplaced' } });
      expect(wrongType.data?.learningOutcomeCreate.userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'INVALID_ID' }]);
      const noSuchOutcome = await api.gql(`mutation($id: ID!) { learningOutcomeUpdate(input: { id: $id, statement: "X" }) { userErrors { field code } } }`, { id: unknownId('LearningOutcome') });
      expect(noSuchOutcome.data?.learningOutcomeUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      expect(await writes()).toEqual(counts);
    });
  });

  describe('alignments', () => {
    const ALIGN = `mutation($o: ID!, $k: ID!, $s: AlignmentStrength!, $r: Int!) {
      alignmentCreate(input: { outcomeId: $o, competencyId: $k, strength: $s, expectedRevision: $r }) { alignment { id strength outcome { id } competency { id } } userErrors { field code } }
    }`;

    it('creates, reads, updates and deletes an alignment', async () => {
      const outcome = await makeOutcome(api.db, (await makeCredential(api.db, college.id)).id);
      const competency = await makeCompetency(api.db, (await makeFramework(api.db)).id);
      const created = await api.gql(ALIGN, { r: await currentRevision(api.db, gid(outcome)), o: gid(outcome), k: gid(competency), s: 'RELATED' });
      const alignment = { id: expect.any(String), strength: 'RELATED', outcome: { id: gid(outcome) }, competency: { id: gid(competency) } };
      expect(created.data?.alignmentCreate).toEqual({ alignment, userErrors: [] });
      const id = created.data?.alignmentCreate.alignment.id;
      expect((await api.gql(`query($id: ID!) { alignment(id: $id) { id strength outcome { id } competency { id } } }`, { id })).data?.alignment).toEqual({ ...alignment, id });
      const updated = await api.gql(`mutation($id: ID!) { alignmentUpdate(input: { id: $id, strength: EXACT }) { alignment { strength } userErrors { code } } }`, { id });
      expect(updated.data?.alignmentUpdate).toEqual({ alignment: { strength: 'EXACT' }, userErrors: [] });
      expect((await edit(deleteOf('alignment'), { id })).data?.alignmentDelete).toEqual({ deletedId: id, userErrors: [] });
    });

    it('refuses a duplicate pair and unknown or wrong-type references, writing nothing', async () => {
      const outcome = await makeOutcome(api.db, (await makeCredential(api.db, college.id)).id);
      const competency = await makeCompetency(api.db, (await makeFramework(api.db)).id);
      await align(api.db, outcome.id, competency.id);
      const counts = await writes();
      const duplicate = await api.gql(ALIGN, { r: await currentRevision(api.db, gid(outcome)), o: gid(outcome), k: gid(competency), s: 'PARTIAL' });
      expect(duplicate.data?.alignmentCreate).toEqual({ alignment: null, userErrors: [{ field: ['input', 'competencyId'], code: 'TAKEN' }] });
      const noCompetency = await api.gql(ALIGN, { r: await currentRevision(api.db, gid(outcome)), o: gid(outcome), k: unknownId('Competency'), s: 'EXACT' });
      expect(noCompetency.data?.alignmentCreate.userErrors).toEqual([{ field: ['input', 'competencyId'], code: 'NOT_FOUND' }]);
      const noOutcome = await api.gql(ALIGN, { r: await currentRevision(api.db, unknownId('LearningOutcome')), o: unknownId('LearningOutcome'), k: gid(competency), s: 'EXACT' });
      expect(noOutcome.data?.alignmentCreate.userErrors).toEqual([{ field: ['input', 'outcomeId'], code: 'NOT_FOUND' }]);
      const wrongTypes = await api.gql(ALIGN, { r: await currentRevision(api.db, gid(competency)), o: gid(competency), k: gid(outcome), s: 'EXACT' });
      expect(fieldsOf(wrongTypes.data?.alignmentCreate.userErrors)).toEqual(['input.competencyId:INVALID_ID', 'input.outcomeId:INVALID_ID']);
      expect(await writes()).toEqual(counts);
    });
  });

  describe('assessments', () => {
    const CREATE_ASSESSMENT = `mutation($input: AssessmentCreateInput!) { assessmentCreate(input: $input) { assessment { id method description credential { id } } userErrors { field code } } }`;

    it('creates, reads, updates and deletes an assessment', async () => {
      const credential = await makeCredential(api.db, college.id);
      const created = await api.gql(CREATE_ASSESSMENT, { input: { credentialId: gid(credential), method: 'SIMULATION', description: 'Simulated outage' } });
      const id = created.data?.assessmentCreate.assessment.id;
      expect(created.data?.assessmentCreate).toEqual({ assessment: { id: expect.any(String), method: 'SIMULATION', description: 'Simulated outage', credential: { id: gid(credential) } }, userErrors: [] });
      expect((await api.gql(`query($id: ID!) { assessment(id: $id) { method } }`, { id })).data?.assessment).toEqual({ method: 'SIMULATION' });
      const updated = await api.gql(`mutation($id: ID!) { assessmentUpdate(input: { id: $id, method: EXAM }) { assessment { method description } userErrors { code } } }`, { id });
      expect(updated.data?.assessmentUpdate).toEqual({ assessment: { method: 'EXAM', description: 'Simulated outage' }, userErrors: [] });
      expect((await edit(deleteOf('assessment'), { id })).data?.assessmentDelete).toEqual({ deletedId: id, userErrors: [] });
    });

    it('refuses an empty description and a credential that is not one, writing nothing', async () => {
      const credential = await makeCredential(api.db, college.id);
      const counts = await writes();
      const empty = await api.gql(CREATE_ASSESSMENT, { input: { credentialId: gid(credential), method: 'EXAM', description: '' } });
      expect(empty.data?.assessmentCreate.userErrors).toEqual([{ field: ['input', 'description'], code: 'REQUIRED' }]);
      const missing = await api.gql(CREATE_ASSESSMENT, { input: { credentialId: unknownId('Credential'), method: 'EXAM', description: 'Exam' } });
      expect(missing.data?.assessmentCreate.userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(CREATE_ASSESSMENT, { input: { credentialId: gid(employer), method: 'EXAM', description: 'Exam' } });
      expect(wrongType.data?.assessmentCreate.userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'INVALID_ID' }]);
      expect(await writes()).toEqual(counts);
    });
  });

  describe('rubric levels', () => {
    const CREATE_LEVEL = `mutation($input: RubricLevelCreateInput!) { rubricLevelCreate(input: $input) { rubricLevel { id level name criteria credential { id } } userErrors { field code } } }`;

    it('creates, reads, updates and deletes a rubric level', async () => {
      const credential = await makeCredential(api.db, college.id);
      const created = await api.gql(CREATE_LEVEL, { input: { credentialId: gid(credential), level: 2, name: 'Proficient', criteria: 'Works unaided' } });
      const id = created.data?.rubricLevelCreate.rubricLevel.id;
      expect(created.data?.rubricLevelCreate).toEqual({
        rubricLevel: { id: expect.any(String), level: 2, name: 'Proficient', criteria: 'Works unaided', credential: { id: gid(credential) } }, userErrors: [],
      });
      expect((await api.gql(`query($id: ID!) { rubricLevel(id: $id) { name } }`, { id })).data?.rubricLevel).toEqual({ name: 'Proficient' });
      const updated = await api.gql(`mutation($id: ID!) { rubricLevelUpdate(input: { id: $id, criteria: "Works unaided and explains why" }) { rubricLevel { level name criteria } userErrors { code } } }`, { id });
      expect(updated.data?.rubricLevelUpdate).toEqual({ rubricLevel: { level: 2, name: 'Proficient', criteria: 'Works unaided and explains why' }, userErrors: [] });
      expect((await edit(deleteOf('rubricLevel'), { id })).data?.rubricLevelDelete).toEqual({ deletedId: id, userErrors: [] });
    });

    it('refuses a level below 1, a level the rubric already has and empty text, writing nothing', async () => {
      const credential = await makeCredential(api.db, college.id);
      await makeRubricLevel(api.db, credential.id, 1);
      const counts = await writes();
      const bad = await api.gql(CREATE_LEVEL, { input: { credentialId: gid(credential), level: 0, name: '', criteria: '' } });
      expect(fieldsOf(bad.data?.rubricLevelCreate.userErrors)).toEqual(['input.criteria:REQUIRED', 'input.level:OUT_OF_RANGE', 'input.name:REQUIRED']);
      const taken = await api.gql(CREATE_LEVEL, { input: { credentialId: gid(credential), level: 1, name: 'Again', criteria: 'Again' } });
      expect(taken.data?.rubricLevelCreate.userErrors).toEqual([{ field: ['input', 'level'], code: 'TAKEN' }]);
      const missing = await api.gql(CREATE_LEVEL, { input: { credentialId: unknownId('Credential'), level: 1, name: 'Orphan', criteria: 'Orphan' } });
      expect(missing.data?.rubricLevelCreate.userErrors).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      expect(await writes()).toEqual(counts);
    });
  });

  describe('access', () => {
    it('shows the public only published credentials and lets only the issuer edit', async () => {
      const draft = await makeCredential(api.db, college.id, { title: 'Hidden draft' });
      await makePublishedCredential(api.db, college.id, { title: 'Public one' });
      const list = await api.gql(`query($c: ID!) { credentials(first: 100, filter: { institutionId: $c }) { nodes { title } } }`, { c: gid(college) }, { token: null });
      const titles = titlesOf(list.data?.credentials.nodes);
      expect(titles).toContain('Public one');
      expect(titles).not.toContain('Hidden draft');
      expect((await api.gql(`query($id: ID!) { credential(id: $id) { title } }`, { id: gid(draft) }, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      const other = await makeInstitution(api.db);
      const ownStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
      const otherStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: other.id })).email);
      const RENAME = `mutation($id: ID!, $expectedRevision: Int!) { credentialUpdate(input: { id: $id, title: "Renamed", expectedRevision: $expectedRevision }) { credential { title } userErrors { code } } }`;
      expect((await edit(RENAME, { id: gid(draft) }, { token: otherStaff })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await edit(RENAME, { id: gid(draft) }, { token: ownStaff })).data?.credentialUpdate.credential.title).toBe('Renamed');
      const move = await edit(`mutation($id: ID!, $i: ID!, $expectedRevision: Int!) { credentialUpdate(input: { id: $id, issuerInstitutionId: $i, expectedRevision: $expectedRevision }) { userErrors { code } } }`, { id: gid(draft), i: gid(other) }, { token: ownStaff });
      expect(move.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const OUTCOME = `mutation($c: ID!) { learningOutcomeCreate(input: { credentialId: $c, statement: "Staff outcome" }) { learningOutcome { statement } userErrors { code } } }`;
      expect((await api.gql(OUTCOME, { c: gid(draft) }, { token: otherStaff })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await api.gql(OUTCOME, { c: gid(draft) }, { token: ownStaff })).data?.learningOutcomeCreate).toEqual({ learningOutcome: { statement: 'Staff outcome' }, userErrors: [] });
    });
  });
});

describe('credentials in published pathways', () => {
  let api: TestApi;
  /** Edits of a credential, sent with the revision a page opened now would hold. */
  let edit: TestApi['gql'];
  beforeAll(async () => {
    api = await startTestApi();
    edit = editingClient(api);
  });
  afterAll(() => api.close());

  it('stay published while a published pathway version uses them', async () => {
    const college = await makeInstitution(api.db);
    const credential = await makePublishedCredential(api.db, college.id, { title: 'Frozen in a pathway' });
    const pathway = await makePathway(api.db, college.id, { title: 'Live pathway' });
    await addToStage(api.db, (await makeStage(api.db, pathway.id, 1)).id, credential.id);
    await setStatus(api.db, pathway.id, PathwayStatus.PUBLISHED);
    const WITHDRAW = `mutation($id: ID!, $status: CredentialStatus!, $expectedRevision: Int!) { credentialUpdate(input: { id: $id, status: $status, expectedRevision: $expectedRevision }) { credential { status } userErrors { field code } } }`;
    const refused = await edit(WITHDRAW, { id: gid(credential), status: 'RETIRED' });
    expect(refused.data?.credentialUpdate).toEqual({ credential: null, userErrors: [{ field: ['input', 'status'], code: 'INVALID_STATE' }] });
    await setStatus(api.db, pathway.id, PathwayStatus.RETIRED);
    const retired = await edit(WITHDRAW, { id: gid(credential), status: 'RETIRED' });
    expect(retired.data?.credentialUpdate).toEqual({ credential: { status: 'RETIRED' }, userErrors: [] });
  });
});
