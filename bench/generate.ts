import { DataSource, QueryRunner } from 'typeorm';

/** Row counts of a generated data set (size M: the scale the targets are set at); S is 1/50 of M. */
export interface Size {
  employers: number;
  occupations: number;
  frameworks: number;
  competencies: number;
  credentials: number;
  /** Two learning outcomes per credential carry the alignments. */
  outcomes: number;
  alignments: number;
  institutions: number;
  programs: number;
  agreements: number;
  mappingsPerAgreement: number;
  /** Three stages per pathway, two credentials per stage. */
  pathways: number;
  /** Occupations that 1 in 20 of the pathways lead to, so a filter by one of them fills a page of 20. */
  hotOccupations: number;
  learners: number;
  awards: number;
  /** Learners who hold credentials of agreement 1, so its impact reaches thousands. */
  hotLearners: number;
}

const M: Size = {
  employers: 1000,
  occupations: 5000,
  frameworks: 20,
  competencies: 100000,
  credentials: 50000,
  outcomes: 100000,
  alignments: 250000,
  institutions: 500,
  programs: 10000,
  agreements: 20000,
  mappingsPerAgreement: 5,
  pathways: 10000,
  hotOccupations: 250,
  learners: 100000,
  awards: 500000,
  hotLearners: 6000,
};

const fiftieth = (size: Size): Size =>
  Object.fromEntries(Object.entries(size).map(([key, value]) => [key, key === 'mappingsPerAgreement' ? value : Math.max(1, Math.round(value / 50))])) as unknown as Size;

export const SIZES: Record<'S' | 'M', Size> = { M, S: fiftieth(M) };

export const STAGES_PER_PATHWAY = 3;
export const CREDENTIALS_PER_STAGE = 2;

/** Every tenth pathway is a draft; the rest are published. */
const isDraft = (pathway: string) => `(${pathway} % 10 = 0)`;

/**
 * The steps of a generated data set, each one set-based SQL statement (INSERT … SELECT over
 * generate_series), so size M loads in well under a minute instead of row by row. Keys are
 * spread with multiplications by primes rather than random(), so the data is the same on every
 * server; the few random() columns follow `setseed` on the one connection the run uses.
 */
export function generationSteps(size: Size): [step: string, sql: string][] {
  const s = size;
  const published = `p.status = 'PUBLISHED'`;
  return [
    ['seed', `SELECT setseed(0.42)`],
    ['institutions', `INSERT INTO institution (name, kind, region)
      SELECT 'Bench College ' || i, 'COMMUNITY_COLLEGE', 'Region ' || (i % 50) FROM generate_series(1, ${s.institutions}) i`],
    ['employers', `INSERT INTO employer (name, naics_code, region, description)
      SELECT 'Bench Employer ' || i, (541000 + i % 1000)::text, 'Region ' || (i % 50), 'Employer number ' || i FROM generate_series(1, ${s.employers}) i`],
    ['occupations', `INSERT INTO occupation (soc_code, title, description, median_annual_wage, wage_source, wage_year, job_zone, tasks)
      SELECT lpad((11 + i / 10000)::text, 2, '0') || '-' || lpad((i % 10000)::text, 4, '0'), 'Occupation ' || i, 'What occupation ' || i || ' does',
             30000 + (i * 7919) % 90000, 'BLS OEWS', 2023, 1 + i % 5, ARRAY['Task A of ' || i, 'Task B of ' || i]
        FROM generate_series(1, ${s.occupations}) i`],
    ['frameworks', `INSERT INTO competency_framework (name, publisher, version, jurisdiction, case_identifier)
      SELECT 'Framework ' || i, 'Bench Publisher', '1.0', 'US', md5('framework ' || i)::uuid FROM generate_series(1, ${s.frameworks}) i`],
    ['competencies', `INSERT INTO competency (framework_id, code, statement, type, case_identifier)
      SELECT 1 + i % ${s.frameworks}, 'C' || i, 'Competency statement ' || i, (ARRAY['KNOWLEDGE', 'SKILL', 'TASK', 'ABILITY'])[1 + i % 4]::competency_type,
             md5('competency ' || i)::uuid
        FROM generate_series(1, ${s.competencies}) i`],
    ['occupation competencies', `INSERT INTO occupation_competency (occupation_id, competency_id, is_core)
      SELECT o, 1 + (o * 7919 + k * 104723) % ${s.competencies}, k < 3 FROM generate_series(1, ${s.occupations}) o, generate_series(0, 4) k`],
    ['credentials', `INSERT INTO credential (title, issuer_institution_id, issuer_employer_id, level, workload_hours, credit_value, delivery_mode, status, evidence_types)
      SELECT 'Credential ' || i, CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + i % ${s.institutions} END, CASE WHEN i % 5 = 0 THEN 1 + i % ${s.employers} END,
             1 + i % 3, 10 + i % 90, 1 + i % 4, (ARRAY['ONLINE', 'IN_PERSON', 'HYBRID', 'WORK_BASED'])[1 + i % 4]::delivery_mode, 'PUBLISHED', '{WORK_SAMPLE}'
        FROM generate_series(1, ${s.credentials}) i`],
    ['assessments', `INSERT INTO assessment (credential_id, method, description)
      SELECT i, 'TASK', 'Assessed task ' || i FROM generate_series(1, ${s.credentials}) i`],
    ['learning outcomes', `INSERT INTO learning_outcome (credential_id, position, statement)
      SELECT 1 + (i - 1) % ${s.credentials}, (i - 1) / ${s.credentials}, 'Outcome ' || i FROM generate_series(1, ${s.outcomes}) i`],
    // Outcome o gets competencies spread from o by a multiple of one prime per alignment, so no pair repeats.
    ['alignments', `INSERT INTO alignment (outcome_id, competency_id, strength)
      SELECT 1 + (i - 1) % ${s.outcomes}, 1 + ((1 + (i - 1) % ${s.outcomes}) * 7919 + ((i - 1) / ${s.outcomes}) * 33331) % ${s.competencies},
             (ARRAY['EXACT', 'PARTIAL', 'RELATED'])[1 + i % 3]::alignment_strength
        FROM generate_series(1, ${s.alignments}) i`],
    ['programs', `INSERT INTO degree_program (institution_id, title, award_level, cip_code, total_credits, residency_credits, prior_learning_cap)
      SELECT 1 + (i % ${s.institutions}), 'Program ' || i, 'ASSOCIATE', '11.0901', 60, 15, 0.5 FROM generate_series(1, ${s.programs}) i`],
    ['agreements', `INSERT INTO articulation_agreement (title, issuer_institution_id, degree_program_id, status, effective_from, effective_to, recency_years)
      SELECT 'Agreement ' || i, 1 + (i % ${s.institutions}), 1 + (i % ${s.programs}),
             (CASE WHEN i % 10 = 0 THEN 'DRAFT' ELSE 'ACTIVE' END)::agreement_status, DATE '2024-01-01',
             CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2028-12-31' END, CASE WHEN i % 2 = 0 THEN 5 ELSE NULL END
        FROM generate_series(1, ${s.agreements}) i`],
    ['credit mappings', `INSERT INTO credit_mapping (agreement_id, credential_id, credits, course_equivalent, min_mastery_level)
      SELECT a, 1 + ((a * 7919 + k * 104729) % ${s.credentials}), 1 + ((a + k) % 4), 'C-' || ((a * 31 + k) % 400), CASE WHEN k = 0 THEN 2 ELSE NULL END
        FROM generate_series(1, ${s.agreements}) a, generate_series(0, ${s.mappingsPerAgreement - 1}) k`],
    ['pathways', `INSERT INTO pathway (lineage_id, version, revision, title, description, status, owner_institution_id, published_at)
      SELECT md5('pathway ' || i)::uuid, 1, 1, 'Pathway ' || i, 'Micropathway number ' || i,
             (CASE WHEN ${isDraft('i')} THEN 'DRAFT' ELSE 'PUBLISHED' END)::pathway_status, 1 + i % ${s.institutions},
             CASE WHEN ${isDraft('i')} THEN NULL ELSE TIMESTAMPTZ '2025-06-01' + i * INTERVAL '1 minute' END
        FROM generate_series(1, ${s.pathways}) i`],
    ['stages', `INSERT INTO pathway_stage (pathway_id, position, title, requirement)
      SELECT p, k, 'Stage ' || k || ' of pathway ' || p, 'ALL' FROM generate_series(1, ${s.pathways}) p, generate_series(1, ${STAGES_PER_PATHWAY}) k`],
    ['stage credentials', `INSERT INTO stage_credential (stage_id, credential_id, position)
      SELECT st, 1 + (st * 7919 + k * 104729) % ${s.credentials}, k FROM generate_series(1, ${s.pathways * STAGES_PER_PATHWAY}) st, generate_series(0, ${CREDENTIALS_PER_STAGE - 1}) k`],
    ['destinations', `INSERT INTO pathway_destination (pathway_id, occupation_id)
      SELECT p, 1 + p % ${s.hotOccupations} FROM generate_series(1, ${s.pathways}) p
      UNION ALL
      SELECT p, ${s.hotOccupations + 1} + (p * 7919) % ${Math.max(1, s.occupations - s.hotOccupations)} FROM generate_series(1, ${s.pathways}) p`],
    ['partners', `INSERT INTO pathway_partner (pathway_id, employer_id, role)
      SELECT p, 1 + p % ${s.employers}, 'LEAD'::partner_role FROM generate_series(1, ${s.pathways}) p
      UNION ALL
      SELECT p, 1 + (p + ${Math.floor(s.employers / 2)}) % ${s.employers}, 'VALIDATOR'::partner_role FROM generate_series(1, ${s.pathways}) p`],
    ['off-ramps', `INSERT INTO pathway_off_ramp (pathway_id, credential_id, occupation_id)
      SELECT st.pathway_id, sc.credential_id, 1 + st.pathway_id % ${s.hotOccupations}
        FROM pathway_stage st JOIN stage_credential sc ON sc.stage_id = st.id AND sc.position = 0 WHERE st.position = 1`],
    ['endorsements', `INSERT INTO endorsement (pathway_id, employer_id, statement, commitment, signatory_name, endorsed_on)
      SELECT p.id, pp.employer_id, 'We hire from this pathway', 'INTERVIEW_GUARANTEE', 'Signatory ' || p.id, DATE '2025-05-01'
        FROM pathway p JOIN pathway_partner pp ON pp.pathway_id = p.id AND pp.role = 'LEAD'`],
    ['outcome reports', `INSERT INTO outcome_report (pathway_id, cohort, enrolled, completed, placed, median_wage_before, median_wage_after)
      SELECT p.id, '2025', 20 + p.id % 30, 15 + p.id % 5, 10 + p.id % 5, 32000, 41000 + p.id % 9000 FROM pathway p WHERE ${published}`],
    ['learners', `INSERT INTO learner (institution_id, given_name, family_name, email)
      SELECT 1 + (i % ${s.institutions}), 'Learner', 'No ' || i, 'learner' || i || '@bench.test' FROM generate_series(1, ${s.learners}) i`],
    ['awards', `INSERT INTO award (learner_id, credential_id, awarded_on, mastery_level, revoked_at)
      SELECT 1 + (g - 1) % ${s.learners}, 1 + floor(random() * ${s.credentials})::int, DATE '2020-01-01' + floor(random() * 2400)::int, 1 + floor(random() * 3)::int,
             CASE WHEN random() < 0.01 THEN TIMESTAMPTZ '2026-01-01' ELSE NULL END
        FROM generate_series(1, ${s.awards - s.hotLearners}) g`],
    ['awards of agreement 1', `INSERT INTO award (learner_id, credential_id, awarded_on, mastery_level)
      SELECT l, m.credential_id, DATE '2023-01-01' + (l % 1000), 3
        FROM generate_series(1, ${s.hotLearners}) l
        JOIN LATERAL (SELECT credential_id FROM credit_mapping WHERE agreement_id = 1 ORDER BY credential_id OFFSET l % ${s.mappingsPerAgreement} LIMIT 1) m ON true`],
    ['prior learning', `INSERT INTO prior_learning_claim (learner_id, degree_program_id, title, evidence, credits_requested, status, credits_approved)
      SELECT l, 1 + (l % ${s.programs}), 'Work experience', 'Employer letter', 6, 'APPROVED', 3 + (l % 4)
        FROM generate_series(10, ${s.learners}, 10) l`],
    ['statistics', `ANALYZE`],
  ];
}

/** The tables the issue sizes, with how many rows each holds. */
export const COUNTED_TABLES = [
  'employer', 'occupation', 'competency', 'credential', 'alignment', 'institution', 'degree_program',
  'credit_mapping', 'pathway', 'pathway_stage', 'stage_credential', 'learner', 'award',
] as const;

export async function tableCounts(db: DataSource): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
  const [row] = await db.query(`SELECT ${COUNTED_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`);
  return row;
}

/**
 * Loads a data set into a migrated, empty database. All steps run on one connection, so the
 * seed set by the first holds for the rest. `progress` hears each finished step with its time.
 */
export async function generate(db: DataSource, size: Size, progress: (step: string, millis: number) => void = () => {}): Promise<void> {
  const runner: QueryRunner = db.createQueryRunner();
  try {
    await runner.query(`SET statement_timeout = 0`);
    // The rows are consistent by construction, so a superuser skips the per-row foreign-key
    // triggers, which otherwise take most of the time; anyone else loads with them.
    await runner.query(`SET session_replication_role = replica`).catch(() => {});
    for (const [step, sql] of generationSteps(size)) {
      const started = performance.now();
      await runner.query(sql);
      progress(step, performance.now() - started);
    }
  } finally {
    await runner.release();
  }
}
