import { DataSource } from 'typeorm';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeFramework, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { insertCredential, makeAgreement, makeAward, makeClaim, makeLearner, makeMapping, makeProgram } from '../support/factories/articulation';
import { align, makeCredential, makeOutcome, makePublishedCredential } from '../support/factories/credentials';

type Payload = { userErrors: { field: string[] | null; code: string; message: string }[] } & Record<string, unknown>;

const CONFLICT = [{ field: ['input', 'expectedRevision'], code: 'CONFLICT', message: expect.stringMatching(/^Someone else changed this \w+: it is at revision \d+, your edit was based on \d+$/) }];

/** Resolves once `count` statements on this database wait for a lock: the requests under test are held back. */
async function waitingForALock(db: DataSource, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} statements waited for a lock within 10 seconds`);
}

describe('revisions of learners, credentials and agreements', () => {
  let api: TestApi;
  let college: Institution;
  let program: DegreeProgram;

  /** Runs one mutation and returns its payload. */
  const mutate = async (name: string, input: Record<string, unknown>, selection = '', token?: string | null): Promise<Payload> => {
    const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
    const result = await api.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field code message } } }`, { input }, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data?.[name] as Payload;
  };
  const revisionOf = async (table: string, id: number): Promise<number> => (await api.db.query(`SELECT revision FROM ${table} WHERE id = $1`, [id]))[0].revision;

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Revision College' });
    program = await makeProgram(api.db, college.id);
  });
  afterAll(() => api.close());

  it('counts each update, shows the revision, and refuses a stale one with CONFLICT, overwriting nothing', async () => {
    const learner = await makeLearner(api.db, college.id, { givenName: 'Ana' });
    const credential = await makeCredential(api.db, college.id, { title: 'Before' });
    const agreement = await makeAgreement(api.db, program, { title: 'Before' });
    const records = [
      { name: 'learnerUpdate', table: 'learner', id: learner.id, input: { id: gid(learner), givenName: 'First edit' }, stale: { id: gid(learner), givenName: 'Overwrite?' }, column: 'given_name', field: 'learner { revision }' },
      { name: 'credentialUpdate', table: 'credential', id: credential.id, input: { id: gid(credential), title: 'First edit' }, stale: { id: gid(credential), title: 'Overwrite?' }, column: 'title', field: 'credential { revision }' },
      { name: 'articulationAgreementUpdate', table: 'articulation_agreement', id: agreement.id, input: { id: gid(agreement), title: 'First edit' }, stale: { id: gid(agreement), title: 'Overwrite?' }, column: 'title', field: 'articulationAgreement { revision }' },
    ];
    for (const record of records) {
      const saved = await mutate(record.name, { ...record.input, expectedRevision: 1 }, record.field);
      expect(saved).toEqual({ [record.field.split(' ')[0]]: { revision: 2 }, userErrors: [] });
      const stale = await mutate(record.name, { ...record.stale, expectedRevision: 1 }, record.field);
      expect(stale).toEqual({ [record.field.split(' ')[0]]: null, userErrors: CONFLICT });
      expect(stale.userErrors[0].message).toContain('it is at revision 2, your edit was based on 1');
      expect(await api.db.query(`SELECT ${record.column} AS value, revision FROM ${record.table} WHERE id = $1`, [record.id])).toEqual([{ value: 'First edit', revision: 2 }]);
    }
    // A delete based on a stale page is refused the same way.
    const staleDelete = await api.gql(`mutation($id: ID!) { learnerDelete(input: { id: $id, expectedRevision: 1 }) { deletedId userErrors { code } } }`, { id: gid(learner) });
    expect(staleDelete.data?.learnerDelete).toEqual({ deletedId: null, userErrors: [{ code: 'CONFLICT' }] });
    expect(await api.db.query('SELECT count(*)::int AS n FROM learner WHERE id = $1', [learner.id])).toEqual([{ n: 1 }]);
  });

  it('requires the record\'s revision to add or remove its rows, refuses a stale one with CONFLICT and writes nothing', async () => {
    const learner = await makeLearner(api.db, college.id);
    const credential = await insertCredential(api.db, college.id);
    const outcome = await makeOutcome(api.db, credential.id);
    const competency = await makeCompetency(api.db, (await makeFramework(api.db)).id);
    const agreement = await makeAgreement(api.db, program);
    const award = await makeAward(api.db, learner.id, credential.id);
    const claim = await makeClaim(api.db, learner.id, program.id);
    const alignment = await align(api.db, outcome.id, (await makeCompetency(api.db, (await makeFramework(api.db)).id)).id);
    const mapping = await makeMapping(api.db, agreement.id, (await insertCredential(api.db, college.id)).id);
    // Someone else's edit moves each record on to revision 2.
    await api.db.query(`UPDATE learner SET revision = 2 WHERE id = $1`, [learner.id]);
    await api.db.query(`UPDATE credential SET revision = 2 WHERE id = $1`, [credential.id]);
    await api.db.query(`UPDATE articulation_agreement SET revision = 2 WHERE id = $1`, [agreement.id]);
    const rows = async () => (await api.db.query(`SELECT (SELECT count(*) FROM award)::int AS awards, (SELECT count(*) FROM prior_learning_claim)::int AS claims,
      (SELECT count(*) FROM alignment)::int AS alignments, (SELECT count(*) FROM credit_mapping)::int AS mappings, (SELECT count(*) FROM audit_entry)::int AS audit`))[0];
    const before = await rows();

    const edits: [string, Record<string, unknown>, string, number][] = [
      ['awardCreate', { learnerId: gid(learner), credentialId: gid(await insertCredential(api.db, college.id)), awardedOn: '2025-05-01' }, 'learner', learner.id],
      ['awardDelete', { id: gid(award) }, 'learner', learner.id],
      ['priorLearningClaimCreate', { learnerId: gid(learner), degreeProgramId: gid(program), title: 'Help desk', evidence: 'Letter', creditsRequested: 3 }, 'learner', learner.id],
      ['priorLearningClaimDelete', { id: gid(claim) }, 'learner', learner.id],
      ['alignmentCreate', { outcomeId: gid(outcome), competencyId: gid(competency), strength: 'EXACT' }, 'credential', credential.id],
      ['alignmentDelete', { id: gid(alignment) }, 'credential', credential.id],
      ['creditMappingCreate', { agreementId: gid(agreement), credentialId: gid(credential), credits: 3 }, 'articulation_agreement', agreement.id],
      ['creditMappingDelete', { id: gid(mapping) }, 'articulation_agreement', agreement.id],
    ];
    for (const [name, input] of edits) {
      const missing = await api.gql(`mutation($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { code } } }`, { input });
      expect({ name, code: missing.errors?.[0].extensions?.code }).toEqual({ name, code: 'BAD_USER_INPUT' });
      expect({ name, errors: (await mutate(name, { ...input, expectedRevision: 1 })).userErrors }).toEqual({ name, errors: CONFLICT });
    }
    expect(await rows()).toEqual(before);

    // Sent with the current revision, each goes through and moves its record on.
    for (const [name, input, table, id] of edits) {
      const revision = await revisionOf(table, id);
      expect({ name, errors: (await mutate(name, { ...input, expectedRevision: revision })).userErrors }).toEqual({ name, errors: [] });
      expect({ name, revision: await revisionOf(table, id) }).toEqual({ name, revision: revision + 1 });
    }
    expect(await rows()).toMatchObject({ awards: before.awards, claims: before.claims, alignments: before.alignments, mappings: before.mappings });
  });

  it('counts every other change to a record\'s rows, so a page opened before it cannot save over it', async () => {
    const learner = await makeLearner(api.db, college.id);
    const credential = await insertCredential(api.db, college.id);
    const outcome = await makeOutcome(api.db, credential.id);
    const agreement = await makeAgreement(api.db, program);
    const award = await makeAward(api.db, learner.id, credential.id);
    const toRevoke = await makeAward(api.db, learner.id, (await insertCredential(api.db, college.id)).id);
    const claim = await makeClaim(api.db, learner.id, program.id);
    const toDecide = await makeClaim(api.db, learner.id, program.id);
    const mapping = await makeMapping(api.db, agreement.id, credential.id);
    const staff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);

    const changes: [string, Record<string, unknown>, string, number, string?][] = [
      ['awardUpdate', { id: gid(award), evidenceUrl: 'https://evidence.test/a' }, 'learner', learner.id],
      ['awardRevoke', { id: gid(toRevoke), reason: 'Issued in error' }, 'learner', learner.id],
      ['priorLearningClaimUpdate', { id: gid(claim), title: 'Renamed' }, 'learner', learner.id],
      ['priorLearningClaimApprove', { id: gid(toDecide), creditsApproved: 3 }, 'learner', learner.id, staff],
      ['learningOutcomeUpdate', { id: gid(outcome), statement: 'Restated' }, 'credential', credential.id],
      ['learningOutcomeCreate', { credentialId: gid(credential), statement: 'Added' }, 'credential', credential.id],
      ['assessmentCreate', { credentialId: gid(credential), method: 'EXAM', description: 'Final exam' }, 'credential', credential.id],
      ['rubricLevelCreate', { credentialId: gid(credential), level: 1, name: 'Novice', criteria: 'Works with help' }, 'credential', credential.id],
      ['creditMappingUpdate', { id: gid(mapping), credits: 4 }, 'articulation_agreement', agreement.id],
    ];
    for (const [name, input, table, id, token] of changes) {
      const revision = await revisionOf(table, id);
      expect({ name, errors: (await mutate(name, input, '', token)).userErrors }).toEqual({ name, errors: [] });
      expect({ name, revision: await revisionOf(table, id) }).toEqual({ name, revision: revision + 1 });
    }
    const staleLearner = await mutate('learnerUpdate', { id: gid(learner), givenName: 'Stale', expectedRevision: 1 });
    expect(staleLearner.userErrors).toEqual(CONFLICT);
  });

  it('lets exactly one of two concurrent writers with the same revision win, for the record and for its rows', async () => {
    const learner = await makeLearner(api.db, college.id, { givenName: 'Ana' });
    const agreement = await makeAgreement(api.db, program);
    const [first, second] = await Promise.all([1, 2].map((n) => insertCredential(api.db, college.id, { title: `Contested ${n}` })));
    const races: { table: string; id: number; writes: () => Promise<Payload>[]; written: string }[] = [
      {
        table: 'learner',
        id: learner.id,
        writes: () => ['Writer A', 'Writer B'].map((givenName) => mutate('learnerUpdate', { id: gid(learner), givenName, expectedRevision: 1 })),
        written: `SELECT count(*)::int AS n FROM learner WHERE id = ${learner.id} AND given_name LIKE 'Writer %'`,
      },
      {
        table: 'articulation_agreement',
        id: agreement.id,
        writes: () => [first, second].map((credential) => mutate('creditMappingCreate', { agreementId: gid(agreement), credentialId: gid(credential), credits: 3, expectedRevision: 1 })),
        written: `SELECT count(*)::int AS n FROM credit_mapping WHERE agreement_id = ${agreement.id}`,
      },
    ];
    for (const race of races) {
      // Another transaction holds the record while both requests arrive, so both read it only after it lets go.
      const holder = api.db.createQueryRunner();
      await holder.connect();
      let results: Payload[];
      try {
        await holder.startTransaction();
        await holder.query(`SELECT id FROM ${race.table} WHERE id = $1 FOR NO KEY UPDATE`, [race.id]);
        const pending = Promise.all(race.writes());
        await waitingForALock(api.db, 2);
        await holder.commitTransaction();
        results = await pending;
      } finally {
        await holder.release();
      }
      expect(results.map((result) => result.userErrors.map((error) => error.code)).sort()).toEqual([[], ['CONFLICT']]);
      expect(await revisionOf(race.table, race.id)).toBe(2);
      expect(await api.db.query(race.written)).toEqual([{ n: 1 }]);
    }
  });

  it('serves the revision on the compiled read path, to the public and to staff', async () => {
    const credential = await makePublishedCredential(api.db, college.id, { title: 'Read path credential' });
    const agreement = await makeAgreement(api.db, program, { title: 'Read path agreement' });
    const learner = await makeLearner(api.db, college.id, { familyName: 'Readpath' });
    await mutate('credentialUpdate', { id: gid(credential), description: 'Edited', expectedRevision: 1 });
    const staff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
    const advisor = await tokenFor(api, (await makeUser(api.db, Role.ADVISOR, { institutionId: college.id })).email);
    const query = `query($c: ID!, $a: ID!) {
      credential(id: $c) { title revision }
      credentials(first: 5, filter: { search: "Read path" }) { nodes { title revision } }
      articulationAgreement(id: $a) { revision mappings { agreement { revision } } }
      articulationAgreements(first: 5, filter: { search: "Read path" }) { nodes { title revision } }
    }`;
    for (const token of [null, staff, undefined]) {
      const result = await api.gql(query, { c: gid(credential), a: gid(agreement) }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        credential: { title: 'Read path credential', revision: 2 },
        credentials: { nodes: [{ title: 'Read path credential', revision: 2 }] },
        articulationAgreement: { revision: 1, mappings: [] },
        articulationAgreements: { nodes: [{ title: 'Read path agreement', revision: 1 }] },
      });
    }
    const learners = await api.gql(`query { learners(first: 5, filter: { search: "Readpath" }) { nodes { familyName revision } } }`, {}, { token: advisor });
    expect(learners.data?.learners.nodes).toEqual([{ familyName: 'Readpath', revision: 1 }]);
  });
});
