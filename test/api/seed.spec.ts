import { countDemoRows, replaceDemoData, seedDemoData, WORKED_EXAMPLE } from '../../api/src/seed/demo';
import { createTestDatabase, TestDatabase } from '../support/db';
import { startTestApi, TestApi } from '../support/api';
import { gid, tokenFor } from '../support/factories';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { Learner } from '../../api/src/modules/learners/learner.entity';

describe('demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
  });
  afterAll(() => database.drop());

  it('holds realistic amounts of every kind of record', async () => {
    const counts = await countDemoRows(database.db);
    expect(counts.occupation).toBeGreaterThanOrEqual(12);
    expect(counts.credential).toBeGreaterThanOrEqual(24);
    expect(counts.degree_program).toBe(3);
    expect(counts.app_user).toBe(4);
    expect(counts.learner).toBeGreaterThanOrEqual(8);
    const statuses = await database.db.query(`SELECT DISTINCT status FROM pathway ORDER BY status`);
    expect(statuses.map((row: { status: string }) => row.status)).toEqual(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED']);
    const socCodes = await database.db.query(`SELECT soc_code FROM occupation`);
    expect(socCodes.every((row: { soc_code: string }) => /^\d{2}-\d{4}$/.test(row.soc_code))).toBe(true);
    const [{ colleges }] = await database.db.query(`SELECT count(DISTINCT institution_id)::int AS colleges FROM degree_program`);
    expect(colleges).toBe(2);
  });

  it('holds the worked example exactly as DOMAIN.md writes it', async () => {
    const [program] = await database.db.query(`SELECT id, total_credits, residency_credits, prior_learning_cap FROM degree_program WHERE title = $1`, [WORKED_EXAMPLE.programTitle]);
    expect(program).toMatchObject({ total_credits: 60, residency_credits: 15, prior_learning_cap: '0.750' });
    const mappings = await database.db.query(
      `SELECT c.title, m.credits::float AS credits, m.course_equivalent, a.status, a.effective_from, a.effective_to, a.recency_years, a.block_credits::float AS block
         FROM credit_mapping m JOIN articulation_agreement a ON a.id = m.agreement_id JOIN credential c ON c.id = m.credential_id
        WHERE a.degree_program_id = $1 ORDER BY c.title`,
      [program.id],
    );
    expect(mappings).toEqual([
      { title: 'Customer Service Essentials', credits: 3, course_equivalent: 'CIS-105', status: 'ACTIVE', effective_from: '2025-01-01', effective_to: '2027-12-31', recency_years: 5, block: 2 },
      { title: 'Help Desk Practicum', credits: 3, course_equivalent: 'CIS-198', status: 'ACTIVE', effective_from: '2025-01-01', effective_to: '2027-12-31', recency_years: 5, block: 2 },
      { title: 'IT Support Fundamentals', credits: 3, course_equivalent: 'CIS-105', status: 'ACTIVE', effective_from: '2025-01-01', effective_to: '2027-12-31', recency_years: 5, block: 2 },
      { title: 'Network Basics', credits: 4, course_equivalent: 'CIS-120', status: 'ACTIVE', effective_from: '2025-01-01', effective_to: '2027-12-31', recency_years: 5, block: 2 },
    ]);
    const awards = await database.db.query(
      `SELECT c.title, w.awarded_on, w.revoked_at FROM award w JOIN learner l ON l.id = w.learner_id JOIN credential c ON c.id = w.credential_id WHERE l.email = $1 ORDER BY w.awarded_on`,
      [WORKED_EXAMPLE.learnerEmail],
    );
    expect(awards).toEqual([
      { title: 'Network Basics', awarded_on: '2019-03-01', revoked_at: null },
      { title: 'IT Support Fundamentals', awarded_on: '2024-05-01', revoked_at: null },
      { title: 'Customer Service Essentials', awarded_on: '2025-01-15', revoked_at: null },
      { title: 'Help Desk Practicum', awarded_on: '2025-09-01', revoked_at: null },
    ]);
    const [{ prior }] = await database.db.query(
      `SELECT sum(credits_approved)::float AS prior FROM prior_learning_claim p JOIN learner l ON l.id = p.learner_id WHERE l.email = $1 AND p.status = 'APPROVED' AND p.degree_program_id = $2`,
      [WORKED_EXAMPLE.learnerEmail, program.id],
    );
    expect(prior).toBe(6);
  });

  it('replaces itself atomically with identical counts', async () => {
    const before = await countDemoRows(database.db);
    await replaceDemoData(database.db);
    expect(await countDemoRows(database.db)).toEqual(before);
  });
});

describe('demo data through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await replaceDemoData(api.db);
  });
  afterAll(() => api.close());

  it('lets the demo advisor see the worked example: 12 applied, 48 remaining', async () => {
    const token = await tokenFor(api, 'advisor@demo.test', DEMO_PASSWORD);
    const ana = await api.db.getRepository(Learner).findOneByOrFail({ email: WORKED_EXAMPLE.learnerEmail });
    const routes = await api.gql(`query($l: ID!) { learnerRoutes(learnerId: $l, asOf: "2026-11-22") { degreeProgram { title } appliedCredits remainingCredits } }`, { l: gid(ana) }, { token });
    expect(routes.data?.learnerRoutes).toEqual([{ degreeProgram: { title: 'AAS Information Technology' }, appliedCredits: 12, remainingCredits: 48 }]);
  });

  it('shows the demo partner its draft with uncovered competencies to work on', async () => {
    const token = await tokenFor(api, 'employer@demo.test', DEMO_PASSWORD);
    const drafts = await api.gql(`{ pathways(filter: { status: DRAFT }) { nodes { title coverage { coveredCount coreCount uncovered { code } } } } }`, {}, { token });
    const network = drafts.data?.pathways.nodes.find((p: { title: string }) => p.title === 'Network Support Technician');
    expect(network.coverage.coveredCount).toBeLessThan(network.coverage.coreCount);
    expect(network.coverage.uncovered.map((c: { code: string }) => c.code)).toContain('IT-4.3');
  });
});
