import { DataSource } from 'typeorm';

/** Row counts of a generated data set; S is 1/50 of M. */
export interface Size {
  institutions: number;
  programs: number;
  credentials: number;
  agreements: number;
  mappingsPerAgreement: number;
  learners: number;
  awardsPerLearner: number;
  /** Learners who hold credentials of agreement 1, so its impact reaches thousands. */
  hotLearners: number;
}

export const SIZES: Record<'S' | 'M', Size> = {
  M: { institutions: 500, programs: 2000, credentials: 50000, agreements: 20000, mappingsPerAgreement: 5, learners: 100000, awardsPerLearner: 5, hotLearners: 6000 },
  S: { institutions: 10, programs: 40, credentials: 1000, agreements: 400, mappingsPerAgreement: 5, learners: 2000, awardsPerLearner: 5, hotLearners: 120 },
};

/**
 * Deterministic data for benchmarks, written set-based in SQL (one INSERT … SELECT per table), so
 * even size M loads in seconds. `setseed` fixes PostgreSQL's random() for the whole run.
 */
export async function generate(db: DataSource, size: Size, progress: (step: string, millis: number) => void = () => {}): Promise<void> {
  const steps: [string, string][] = [
    ['seed', `SELECT setseed(0.42)`],
    ['institutions', `INSERT INTO institution (name, kind, region)
      SELECT 'Bench College ' || i, 'COMMUNITY_COLLEGE', 'Region ' || (i % 50) FROM generate_series(1, ${size.institutions}) i`],
    ['programs', `INSERT INTO degree_program (institution_id, title, award_level, cip_code, total_credits, residency_credits, prior_learning_cap)
      SELECT 1 + (i % ${size.institutions}), 'Program ' || i, 'ASSOCIATE', '11.0901', 60, 15, 0.5 FROM generate_series(1, ${size.programs}) i`],
    ['credentials', `INSERT INTO credential (title, issuer_institution_id, level, workload_hours, credit_value, delivery_mode, status)
      SELECT 'Credential ' || i, 1 + (i % ${size.institutions}), 1 + (i % 3), 10 + (i % 90), 1 + (i % 4), 'ONLINE', 'PUBLISHED'
        FROM generate_series(1, ${size.credentials}) i`],
    ['agreements', `INSERT INTO articulation_agreement (title, issuer_institution_id, degree_program_id, status, effective_from, effective_to, recency_years)
      SELECT 'Agreement ' || i, 1 + (i % ${size.institutions}), 1 + (i % ${size.programs}),
             (CASE WHEN i % 10 = 0 THEN 'DRAFT' ELSE 'ACTIVE' END)::agreement_status, DATE '2024-01-01',
             CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2028-12-31' END, CASE WHEN i % 2 = 0 THEN 5 ELSE NULL END
        FROM generate_series(1, ${size.agreements}) i`],
    ['credit mappings', `INSERT INTO credit_mapping (agreement_id, credential_id, credits, course_equivalent, min_mastery_level)
      SELECT a, 1 + ((a * 7919 + k * 104729) % ${size.credentials}), 1 + ((a + k) % 4), 'C-' || ((a * 31 + k) % 400), CASE WHEN k = 0 THEN 2 ELSE NULL END
        FROM generate_series(1, ${size.agreements}) a, generate_series(0, ${size.mappingsPerAgreement - 1}) k`],
    ['learners', `INSERT INTO learner (institution_id, given_name, family_name, email)
      SELECT 1 + (i % ${size.institutions}), 'Learner', 'No ' || i, 'learner' || i || '@bench.test' FROM generate_series(1, ${size.learners}) i`],
    ['awards', `INSERT INTO award (learner_id, credential_id, awarded_on, mastery_level, revoked_at)
      SELECT l, 1 + floor(random() * ${size.credentials})::int, DATE '2020-01-01' + floor(random() * 2400)::int, 1 + floor(random() * 3)::int,
             CASE WHEN random() < 0.01 THEN now() ELSE NULL END
        FROM generate_series(1, ${size.learners}) l, generate_series(1, ${size.awardsPerLearner}) k`],
    ['awards of agreement 1', `INSERT INTO award (learner_id, credential_id, awarded_on, mastery_level)
      SELECT l, m.credential_id, DATE '2023-01-01' + (l % 1000), 3
        FROM generate_series(1, ${size.hotLearners}) l
        JOIN LATERAL (SELECT credential_id FROM credit_mapping WHERE agreement_id = 1 ORDER BY credential_id OFFSET l % ${size.mappingsPerAgreement} LIMIT 1) m ON true`],
    ['prior learning', `INSERT INTO prior_learning_claim (learner_id, degree_program_id, title, evidence, credits_requested, status, credits_approved)
      SELECT l, 1 + (l % ${size.programs}), 'Work experience', 'Employer letter', 6, 'APPROVED', 3 + (l % 4)
        FROM generate_series(10, ${size.learners}, 10) l`],
    ['statistics', `ANALYZE`],
  ];
  for (const [step, sql] of steps) {
    const started = performance.now();
    await db.query(sql);
    progress(step, performance.now() - started);
  }
}
