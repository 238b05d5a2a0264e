import { DataSource } from 'typeorm';
import { CREDENTIALS_PER_STAGE, generate, SIZES, STAGES_PER_PATHWAY, tableCounts } from '../../bench/generate';
import { createTestDatabase, TestDatabase } from '../support/db';

const S = SIZES.S;

/** A digest of every generated table's rows, leaving out the creation times PostgreSQL fills in. */
async function checksum(db: DataSource): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'typeorm_metadata') ORDER BY table_name`,
  );
  const digests: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.query(`SELECT md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, ',' ORDER BY (to_jsonb(t) - 'created_at' - 'updated_at')::text), '')) AS digest FROM "${table}" t`);
    digests[table] = row.digest;
  }
  return digests;
}

describe('npm run generate', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  const generated = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const steps: string[] = [];
    await generate(database.db, S, (step) => steps.push(step));
    return { db: database.db, steps };
  };

  it('fills every table of the issue at 1/50 of size M, and the same seed gives the same data', async () => {
    const first = await generated();
    expect(await tableCounts(first.db)).toEqual({
      employer: 20,
      occupation: 100,
      competency: 2000,
      credential: 1000,
      alignment: 5000,
      institution: 10,
      degree_program: 200,
      credit_mapping: 2000,
      pathway: 200,
      pathway_stage: 200 * STAGES_PER_PATHWAY,
      stage_credential: 200 * STAGES_PER_PATHWAY * CREDENTIALS_PER_STAGE,
      learner: 2000,
      award: 10000,
    });
    expect(SIZES.M).toMatchObject({ employers: 1000, occupations: 5000, competencies: 100000, credentials: 50000, alignments: 250000, institutions: 500, programs: 10000, pathways: 10000, learners: 100000, awards: 500000 });
    expect(SIZES.M.agreements * SIZES.M.mappingsPerAgreement).toBe(100000);
    expect(SIZES.M.pathways * STAGES_PER_PATHWAY * CREDENTIALS_PER_STAGE).toBe(60000);
    expect(first.steps).toContain('awards');

    const published: { count: number }[] = await first.db.query(`SELECT count(*)::int AS count FROM pathway WHERE status = 'PUBLISHED'`);
    expect(published[0].count).toBe(180);

    const second = await generated();
    const digests = await checksum(first.db);
    expect(Object.values(digests).filter((digest) => digest !== 'd41d8cd98f00b204e9800998ecf8427e').length).toBeGreaterThan(20);
    expect(await checksum(second.db)).toEqual(digests);
  });
});
