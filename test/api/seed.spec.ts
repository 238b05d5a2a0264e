import { countDemoRows, replaceDemoData, seedDemoData, WORKED_EXAMPLE } from '../../api/src/seed/demo';
import { createTestDatabase, TestDatabase } from '../support/db';
import { startTestApi, TestApi } from '../support/api';
import { gid, tokenFor } from '../support/factories';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { Occupation } from '../../api/src/modules/occupations/occupation.entity';
import { Role, User } from '../../api/src/modules/accounts/user.entity';

/** The frameworks of each sector, by name: a credential belongs to the sectors its alignments reach. */
const SECTOR_FRAMEWORKS: Record<string, string[]> = {
  IT: ['Information Technology Competency Model', 'NICE Workforce Framework for Cybersecurity'],
  HEALTH: ['Allied Health Competency Model'],
  MANUFACTURING: ['Advanced Manufacturing Competency Model', 'NIMS Machining Level I Standards'],
};

describe('demo data', () => {
  let database: TestDatabase;
  const rows = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => database.db.query(sql, parameters);
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
  });
  afterAll(() => database.drop());

  it('holds realistic amounts of every kind of record', async () => {
    const counts = await countDemoRows(database.db);
    expect(counts.institution).toBeGreaterThanOrEqual(3);
    expect(counts.employer).toBeGreaterThanOrEqual(6);
    expect(counts.occupation).toBe(12);
    expect(counts.competency_framework).toBe(5);
    expect(counts.credential).toBeGreaterThanOrEqual(24);
    expect(counts.degree_program).toBe(3);
    expect(counts.learner).toBeGreaterThanOrEqual(8);
    expect(counts.learner).toBeLessThanOrEqual(12);
    expect(counts.app_user).toBe(5);
    const [{ colleges, lineages }] = await rows<{ colleges: number; lineages: number }>(
      `SELECT (SELECT count(DISTINCT institution_id)::int FROM degree_program) AS colleges, (SELECT count(DISTINCT lineage_id)::int FROM pathway) AS lineages`,
    );
    expect(colleges).toBe(2);
    expect(lineages).toBeGreaterThanOrEqual(6);
  });

  it('describes every occupation by its SOC and O*NET codes, a 2023 OEWS median wage and 4 to 6 tasks', async () => {
    const occupations = await database.db.getRepository(Occupation).find();
    for (const occupation of occupations) {
      expect(occupation.socCode).toMatch(/^\d{2}-\d{4}$/);
      expect(occupation.onetSocCode).toBe(`${occupation.socCode}.00`);
      expect(occupation).toMatchObject({ wageSource: 'BLS OEWS', wageYear: 2023 });
      expect(occupation.medianAnnualWage).toBeGreaterThan(30000);
      expect(occupation.tasks.length).toBeGreaterThanOrEqual(4);
      expect(occupation.tasks.length).toBeLessThanOrEqual(6);
    }
  });

  it('gives every framework 8 to 15 competencies and every destination 5 to 8 core ones', async () => {
    const frameworks = await rows<{ size: number }>(`SELECT count(c.id)::int AS size FROM competency_framework f JOIN competency c ON c.framework_id = f.id GROUP BY f.id`);
    expect(frameworks).toHaveLength(5);
    for (const { size } of frameworks) {
      expect(size).toBeGreaterThanOrEqual(8);
      expect(size).toBeLessThanOrEqual(15);
    }
    const destinations = await rows<{ soc_code: string; core: number }>(
      `SELECT o.soc_code, count(*) FILTER (WHERE oc.is_core)::int AS core
         FROM occupation o JOIN occupation_competency oc ON oc.occupation_id = o.id
        WHERE o.id IN (SELECT occupation_id FROM pathway_destination) GROUP BY o.soc_code`,
    );
    expect(destinations.length).toBeGreaterThanOrEqual(6);
    for (const { core } of destinations) {
      expect(core).toBeGreaterThanOrEqual(5);
      expect(core).toBeLessThanOrEqual(8);
    }
    const types = await rows<{ type: string }>(`SELECT DISTINCT type FROM competency ORDER BY type`);
    expect(types.map(({ type }) => type)).toEqual(['KNOWLEDGE', 'SKILL', 'TASK', 'ABILITY']);
  });

  it('gives each sector 8 or more assessed credentials with 2 to 4 aligned outcomes and a three-level rubric', async () => {
    const sectors = await rows<{ framework: string; credentials: number[] }>(
      `SELECT f.name AS framework, array_agg(DISTINCT o.credential_id) AS credentials
         FROM alignment a JOIN learning_outcome o ON o.id = a.outcome_id JOIN competency c ON c.id = a.competency_id JOIN competency_framework f ON f.id = c.framework_id
        GROUP BY f.name`,
    );
    for (const frameworks of Object.values(SECTOR_FRAMEWORKS)) {
      const credentials = new Set(sectors.filter(({ framework }) => frameworks.includes(framework)).flatMap(({ credentials }) => credentials));
      expect(credentials.size).toBeGreaterThanOrEqual(8);
    }
    const shapes = await rows<{ title: string; outcomes: number; assessments: number; rubric: number[] }>(
      `SELECT c.title,
              (SELECT count(*)::int FROM learning_outcome o WHERE o.credential_id = c.id) AS outcomes,
              (SELECT count(*)::int FROM assessment a WHERE a.credential_id = c.id) AS assessments,
              (SELECT array_agg(r.level ORDER BY r.level) FROM rubric_level r WHERE r.credential_id = c.id) AS rubric
         FROM credential c`,
    );
    for (const shape of shapes) {
      expect(shape.outcomes).toBeGreaterThanOrEqual(2);
      expect(shape.outcomes).toBeLessThanOrEqual(4);
      expect(shape.assessments).toBeGreaterThanOrEqual(1);
      expect(shape.assessments).toBeLessThanOrEqual(2);
      expect(shape.rubric).toEqual([1, 2, 3]);
    }
    const [catalogue] = await rows<{ drafts: number; published: number; overdue: number; prerequisites: number; strengths: string[] }>(
      `SELECT count(*) FILTER (WHERE status = 'DRAFT')::int AS drafts, count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
              count(*) FILTER (WHERE next_review_on < $1)::int AS overdue, (SELECT count(*)::int FROM credential_prerequisite) AS prerequisites,
              (SELECT array_agg(DISTINCT strength::text ORDER BY strength::text) FROM alignment) AS strengths
         FROM credential`,
      [WORKED_EXAMPLE.asOf],
    );
    expect(catalogue.drafts).toBeGreaterThanOrEqual(2);
    expect(catalogue.published).toBeGreaterThan(catalogue.drafts);
    expect(catalogue.overdue).toBeGreaterThanOrEqual(2);
    expect(catalogue.prerequisites).toBeGreaterThanOrEqual(3);
    expect(catalogue.strengths).toEqual(['EXACT', 'PARTIAL', 'RELATED']);
  });

  it('holds pathways in every state, endorsed and reported on when published, and a revision in progress', async () => {
    const statuses = await rows<{ status: string }>(`SELECT DISTINCT status FROM pathway ORDER BY status`);
    expect(statuses.map(({ status }) => status)).toEqual(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'RETIRED']);
    const revisions = await rows<{ versions: string[] }>(
      `SELECT array_agg(version || ' ' || status ORDER BY version) AS versions FROM pathway GROUP BY lineage_id HAVING count(*) > 1`,
    );
    expect(revisions).toEqual([{ versions: ['1 PUBLISHED', '2 DRAFT'] }]);
    const stageCounts = await rows<{ stages: number }>(`SELECT count(*)::int AS stages FROM pathway_stage GROUP BY pathway_id`);
    expect(stageCounts.every(({ stages }) => stages >= 2 && stages <= 4)).toBe(true);
    const [shape] = await rows<{ requirements: string[]; unendorsed: number; unpublished: number; overdue: number; suppressed: number; partnerRoles: string[] }>(
      `SELECT (SELECT array_agg(DISTINCT requirement::text ORDER BY requirement::text) FROM pathway_stage) AS requirements,
              (SELECT count(*)::int FROM pathway p WHERE p.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM endorsement e WHERE e.pathway_id = p.id AND e.expires_on IS NOT NULL)) AS unendorsed,
              (SELECT count(*)::int FROM pathway WHERE status = 'PUBLISHED' AND published_at IS NULL) AS unpublished,
              (SELECT count(*)::int FROM pathway WHERE review_due_on < $1) AS overdue,
              (SELECT count(*)::int FROM outcome_report o JOIN pathway p ON p.id = o.pathway_id WHERE p.status = 'PUBLISHED' AND o.enrolled < 10) AS suppressed,
              (SELECT array_agg(DISTINCT role::text ORDER BY role::text) FROM pathway_partner) AS "partnerRoles"`,
      [WORKED_EXAMPLE.asOf],
    );
    expect(shape).toEqual({ requirements: ['ALL', 'AT_LEAST'], unendorsed: 0, unpublished: 0, overdue: expect.any(Number), suppressed: expect.any(Number), partnerRoles: ['CONTRIBUTOR', 'LEAD', 'VALIDATOR'] });
    expect(shape.overdue).toBeGreaterThanOrEqual(2);
    expect(shape.suppressed).toBeGreaterThanOrEqual(1);
  });

  it('holds agreements an advisor meets: active, expiring within 60 days, and not yet or no longer in force', async () => {
    const agreements = await rows<{ status: string; effective_to: string | null; mappings: number }>(
      `SELECT a.status, a.effective_to, (SELECT count(*)::int FROM credit_mapping m WHERE m.agreement_id = a.id) AS mappings FROM articulation_agreement a`,
    );
    expect(agreements.filter(({ status }) => status === 'ACTIVE').length).toBeGreaterThanOrEqual(2);
    const sixtyDaysOn = '2027-01-21';
    expect(agreements.some(({ status, effective_to }) => status === 'ACTIVE' && effective_to !== null && effective_to >= WORKED_EXAMPLE.asOf && effective_to <= sixtyDaysOn)).toBe(true);
    expect(agreements.some(({ status }) => status === 'DRAFT' || status === 'EXPIRED')).toBe(true);
    expect(agreements.every(({ mappings }) => mappings >= 1)).toBe(true);
    const [learners] = await rows<{ revoked: number; claims: string[] }>(
      `SELECT (SELECT count(*)::int FROM award WHERE revoked_at IS NOT NULL) AS revoked,
              (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM prior_learning_claim) AS claims`,
    );
    expect(learners).toEqual({ revoked: 1, claims: ['APPROVED', 'DENIED', 'SUBMITTED'] });
  });

  it('holds the worked example exactly as DOMAIN.md writes it', async () => {
    const [program] = await rows<{ id: number }>(`SELECT id, total_credits, residency_credits, prior_learning_cap FROM degree_program WHERE title = $1`, [WORKED_EXAMPLE.programTitle]);
    expect(program).toMatchObject({ total_credits: 60, residency_credits: 15, prior_learning_cap: '0.750' });
    const mappings = await rows(
      `SELECT c.title, m.credits::float AS credits, m.course_equivalent, m.min_mastery_level, a.status, a.effective_from, a.effective_to, a.recency_years, a.block_credits::float AS block
         FROM credit_mapping m JOIN articulation_agreement a ON a.id = m.agreement_id JOIN credential c ON c.id = m.credential_id
        WHERE a.degree_program_id = $1 ORDER BY c.title`,
      [program.id],
    );
    const agreement = { min_mastery_level: null, status: 'ACTIVE', effective_from: '2025-01-01', effective_to: '2027-12-31', recency_years: 5, block: 2 };
    expect(mappings).toEqual([
      { title: 'Customer Service Essentials', credits: 3, course_equivalent: 'CIS-105', ...agreement },
      { title: 'Help Desk Practicum', credits: 3, course_equivalent: 'CIS-198', ...agreement },
      { title: 'IT Support Fundamentals', credits: 3, course_equivalent: 'CIS-105', ...agreement },
      { title: 'Network Basics', credits: 4, course_equivalent: 'CIS-120', ...agreement },
    ]);
    const blockStages = await rows(
      `SELECT p.title AS pathway, p.version, s.position, s.requirement, c.title AS credential
         FROM articulation_agreement a JOIN pathway block ON block.id = a.block_pathway_id
         JOIN pathway p ON p.lineage_id = block.lineage_id AND p.status = 'PUBLISHED'
         JOIN pathway_stage s ON s.pathway_id = p.id JOIN stage_credential sc ON sc.stage_id = s.id JOIN credential c ON c.id = sc.credential_id
        WHERE a.degree_program_id = $1 ORDER BY p.version DESC, s.position`,
      [program.id],
    );
    expect(blockStages).toEqual([
      { pathway: WORKED_EXAMPLE.pathwayTitle, version: 1, position: 1, requirement: 'ALL', credential: 'IT Support Fundamentals' },
      { pathway: WORKED_EXAMPLE.pathwayTitle, version: 1, position: 2, requirement: 'ALL', credential: 'Network Basics' },
      { pathway: WORKED_EXAMPLE.pathwayTitle, version: 1, position: 3, requirement: 'ALL', credential: 'Help Desk Practicum' },
    ]);
    const awards = await rows(
      `SELECT c.title, w.awarded_on, w.revoked_at FROM award w JOIN learner l ON l.id = w.learner_id JOIN credential c ON c.id = w.credential_id WHERE l.email = $1 ORDER BY w.awarded_on`,
      [WORKED_EXAMPLE.learnerEmail],
    );
    expect(awards).toEqual([
      { title: 'Network Basics', awarded_on: '2019-03-01', revoked_at: null },
      { title: 'IT Support Fundamentals', awarded_on: '2024-05-01', revoked_at: null },
      { title: 'Customer Service Essentials', awarded_on: '2025-01-15', revoked_at: null },
      { title: 'Help Desk Practicum', awarded_on: '2025-09-01', revoked_at: null },
    ]);
    const [{ prior }] = await rows<{ prior: number }>(
      `SELECT sum(credits_approved)::float AS prior FROM prior_learning_claim p JOIN learner l ON l.id = p.learner_id WHERE l.email = $1 AND p.status = 'APPROVED' AND p.degree_program_id = $2`,
      [WORKED_EXAMPLE.learnerEmail, program.id],
    );
    expect(prior).toBe(6);
  });

  it('leaves nothing behind when seeding fails at its last step', async () => {
    const other = await createTestDatabase();
    try {
      // Accounts are written last, so a clashing e-mail fails the seed after everything else is in.
      await other.db.getRepository(User).save({ email: 'advisor@demo.test', displayName: 'Existing advisor', passwordHash: 'not-a-hash', role: Role.ADMIN, institutionId: null, employerId: null });
      await expect(seedDemoData(other.db)).rejects.toMatchObject({ code: '23505', table: 'app_user' });
      const counts = await countDemoRows(other.db);
      expect(Object.entries(counts).filter(([, count]) => count > 0)).toEqual([['app_user', 1]]);
    } finally {
      await other.drop();
    }
  });

  it('replaces itself with identical counts, run after run', async () => {
    const seeded = await countDemoRows(database.db);
    await replaceDemoData(database.db);
    const firstReplace = await countDemoRows(database.db);
    await replaceDemoData(database.db);
    expect(firstReplace).toEqual(seeded);
    expect(await countDemoRows(database.db)).toEqual(firstReplace);
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
