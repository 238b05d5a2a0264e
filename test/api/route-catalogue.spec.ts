import { toGlobalId } from '../../api/src/core/ids';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { seedWorkedExample, WorkedExampleIds } from '../../api/src/seed/worked-example';
import { programCatalogue } from '../../api/src/modules/advising/program-catalogue';
import { startTestApi, TestApi } from '../support/api';
import { makeAgreement, makeMapping, makeProgram } from '../support/factories/articulation';
import { gid, makeInstitution, makeUser, tokenFor } from '../support/factories';

const APPLIED = `query($learner: ID!) { learnerRoutes(learnerId: $learner, asOf: "2026-11-22") { appliedCredits nextSteps(first: 1) { credential { title } creditsGained } } }`;

/**
 * Programs, agreements and block pathways are cached per process between requests; these prove
 * the cache is never stale: changes reach it whether they come through the API or straight
 * through SQL, and a cached route costs fewer statements than a cold one.
 */
describe('advising: the program catalogue cached between requests', () => {
  let api: TestApi;
  let example: WorkedExampleIds;
  let advisor: string;

  const applied = async () => {
    const result = await api.gql(APPLIED, { learner: gid(example.learner) }, { token: advisor });
    expect(result.errors).toBeUndefined();
    return { applied: result.data?.learnerRoutes[0].appliedCredits as number, nextStep: result.data?.learnerRoutes[0].nextSteps[0], statements: result.statements };
  };

  /** A notification arrives on its own connection a moment after the commit: wait for it, within reason. */
  const eventually = async (expected: number) => {
    const deadline = Date.now() + 5000;
    let seen = await applied();
    while (seen.applied !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await applied();
    }
    return seen.applied;
  };

  const mappingOf = async (title: string): Promise<number> =>
    (await api.db.query(`SELECT m.id FROM credit_mapping m JOIN credential c ON c.id = m.credential_id WHERE m.agreement_id = $1 AND c.title = $2`, [example.agreement.id, title]))[0].id;

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db, { name: 'Lakeshore Community College' });
    example = await api.db.transaction((em) => seedWorkedExample(em, college.id));
    advisor = await tokenFor(api, (await makeUser(api.db, Role.ADVISOR, { institutionId: college.id })).email);
  });
  afterAll(() => api.close());

  it('answers from the cache in fewer statements once the program is loaded', async () => {
    const cold = await applied();
    // Warming runs in the background after the first request; let it finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const warm = await applied();
    expect(cold.applied).toBe(12);
    expect(warm.applied).toBe(12);
    expect(warm.statements).toBeLessThan(cold.statements);
  });

  it('sees a change made straight in SQL, through the notification the triggers send', async () => {
    await applied();
    await api.db.query(`UPDATE credit_mapping SET credits = 5 WHERE id = $1`, [await mappingOf('IT Support Fundamentals')]);
    expect(await eventually(14)).toBe(14);
    await api.db.query(`UPDATE credit_mapping SET credits = 3 WHERE id = $1`, [await mappingOf('IT Support Fundamentals')]);
    expect(await eventually(12)).toBe(12);
  });

  it('sees an agreement suspended and a credential renamed', async () => {
    await api.db.query(`UPDATE articulation_agreement SET status = 'SUSPENDED' WHERE id = $1`, [example.agreement.id]);
    // Prior learning alone still connects Ana to the program.
    expect(await eventually(6)).toBe(6);
    await api.db.query(`UPDATE articulation_agreement SET status = 'ACTIVE' WHERE id = $1`, [example.agreement.id]);
    expect(await eventually(12)).toBe(12);

    await api.db.query(`UPDATE credential SET title = 'Network Basics (2026)' WHERE title = 'Network Basics'`);
    const deadline = Date.now() + 5000;
    let step = (await applied()).nextStep;
    while (step?.credential.title !== 'Network Basics (2026)' && Date.now() < deadline) step = (await applied()).nextStep;
    expect(step).toEqual({ credential: { title: 'Network Basics (2026)' }, creditsGained: 6 });
  });

  it('gives the block credit up when the block pathway is retired, with no published version left', async () => {
    const withBlock = `query($l: ID!, $p: ID!, $c: [ID!]!) { whatIf(learnerId: $l, degreeProgramId: $p, addCredentialIds: $c, asOf: "2026-11-22") { blockCredits } }`;
    const whatIf = async () => (await api.gql(withBlock, { l: gid(example.learner), p: gid(example.program), c: [gid(example.credentials[1])] }, { token: advisor })).data?.whatIf.blockCredits;
    expect(await whatIf()).toBe(2);
    await api.db.query(`UPDATE pathway SET status = 'RETIRED' WHERE id = $1`, [example.pathway.id]);
    const deadline = Date.now() + 5000;
    let block = await whatIf();
    while (block !== 0 && Date.now() < deadline) block = await whatIf();
    expect(block).toBe(0);
    await api.db.query(`UPDATE pathway SET status = 'PUBLISHED' WHERE id = $1`, [example.pathway.id]);
  });

  it('drops just the programs a change to programs, agreements or mappings names, loads them again at once, and drops everything for other changes', async () => {
    const catalogue = programCatalogue(api.db);
    const other = await makeProgram(api.db, example.program.institutionId, { title: 'AAS Cybersecurity' });
    const otherAgreement = await makeAgreement(api.db, other);
    await makeMapping(api.db, otherAgreement.id, example.credentials[0].id);
    const both = [example.program.id, other.id];
    /** Both programs' entries, once every notification of the writes before has been heard and both are held. */
    const held = async () => {
      await catalogue.sync();
      const deadline = Date.now() + 5000;
      await catalogue.programs(both);
      while (both.some((id) => !catalogue.held(id)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        await catalogue.programs(both);
      }
      return both.map((id) => catalogue.held(id));
    };
    /** Which of the two were read again since `before` (a load makes a new entry; a kept one is the same object). */
    const reloaded = async (before: unknown[]) => (await held()).map((entry, index) => entry !== before[index]);

    let before = await held();
    expect(before.every(Boolean)).toBe(true);
    await api.db.query(`UPDATE credit_mapping SET credits = credits WHERE id = $1`, [await mappingOf('IT Support Fundamentals')]);
    expect(await reloaded(before)).toEqual([true, false]);

    before = await held();
    await api.db.query(`UPDATE articulation_agreement SET title = title || ' (renewed)' WHERE id = $1`, [otherAgreement.id]);
    expect(await reloaded(before)).toEqual([false, true]);

    before = await held();
    // An agreement moved to another program: both, the one it left and the one it joined.
    await api.db.query(`UPDATE articulation_agreement SET degree_program_id = $2 WHERE id = $1`, [otherAgreement.id, example.program.id]);
    expect(await reloaded(before)).toEqual([true, true]);
    await api.db.query(`UPDATE articulation_agreement SET degree_program_id = $2 WHERE id = $1`, [otherAgreement.id, other.id]);

    before = await held();
    // A statement that touches no row of any program says nothing.
    await api.db.query(`DELETE FROM credit_mapping WHERE id = -1`);
    await api.db.query(`UPDATE degree_program SET title = title WHERE id = $1`, [other.id]);
    expect(await reloaded(before)).toEqual([false, true]);

    // The named programs are read again in the background, before any request asks for them.
    before = await held();
    await api.db.query(`UPDATE articulation_agreement SET title = title WHERE id = $1`, [example.agreement.id]);
    await catalogue.sync();
    const deadline = Date.now() + 5000;
    while ((!catalogue.held(example.program.id) || catalogue.held(example.program.id) === before[0]) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(catalogue.held(example.program.id)).toBeDefined();
    expect(catalogue.held(example.program.id)).not.toBe(before[0]);
    expect(catalogue.held(other.id)).toBe(before[1]);

    before = await held();
    await api.db.query(`UPDATE credential SET workload_hours = workload_hours WHERE id = $1`, [example.credentials[0].id]);
    expect(await reloaded(before)).toEqual([true, true]);

    // More programs than a notification names: everything.
    await api.db.query(
      `INSERT INTO degree_program (institution_id, title, award_level, cip_code, total_credits, residency_credits, prior_learning_cap)
       SELECT $1, 'Bulk ' || n, 'ASSOCIATE', '11.0901', 60, 15, 0.5 FROM generate_series(1, 501) n`,
      [example.program.institutionId],
    );
    before = await held();
    await api.db.query(`UPDATE degree_program SET title = title WHERE title LIKE 'Bulk %'`);
    expect(await reloaded(before)).toEqual([true, true]);
    await api.db.query(`DELETE FROM degree_program WHERE title LIKE 'Bulk %'`);
    expect(await eventually(12)).toBe(12);
  });

  it('reads a mutation\'s own change on the very next request', async () => {
    expect(await eventually(12)).toBe(12);
    const id = await mappingOf('Help Desk Practicum');
    const update = await api.gql(
      `mutation($input: CreditMappingUpdateInput!) { creditMappingUpdate(input: $input) { creditMapping { credits } userErrors { code } } }`,
      { input: { id: toGlobalId('CreditMapping', id), credits: 4 } },
    );
    expect(update.data?.creditMappingUpdate).toEqual({ creditMapping: { credits: 4 }, userErrors: [] });
    expect((await applied()).applied).toBe(13);
  });
});
