import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text search on names and titles uses ILIKE '%term%', which a B-tree cannot serve; trigram GIN
 * indexes can. The partial index finds the newest published version of each pathway quickly.
 */
const SEARCHED: [table: string, column: string][] = [
  ['employer', 'name'],
  ['institution', 'name'],
  ['occupation', 'title'],
  ['competency_framework', 'name'],
  ['competency', 'statement'],
  ['credential', 'title'],
  ['pathway', 'title'],
  ['degree_program', 'title'],
  ['articulation_agreement', 'title'],
  ['learner', 'family_name'],
  ['learner', 'given_name'],
];

export class SearchIndexes1795391400000 implements MigrationInterface {
  name = 'SearchIndexes1795391400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [table, column] of SEARCHED) {
      await queryRunner.query(`CREATE INDEX "ix_${table}__${column}_trgm" ON "${table}" USING gin ("${column}" gin_trgm_ops)`);
    }
    await queryRunner.query(
      `CREATE INDEX "ix_pathway__lineage_published" ON "pathway" ("lineage_id", "version" DESC) WHERE status = 'PUBLISHED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_pathway__lineage_published"`);
    for (const [table, column] of SEARCHED) {
      await queryRunner.query(`DROP INDEX "ix_${table}__${column}_trgm"`);
    }
  }
}
