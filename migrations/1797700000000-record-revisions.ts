import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['learner', 'credential', 'articulation_agreement'];

/**
 * Learners, credentials and articulation agreements count their edits, as pathway versions do,
 * so a save based on a stale page is refused instead of overwriting someone else's change.
 * Existing rows start at 1, as does every row inserted without one.
 */
export class RecordRevisions1797700000000 implements MigrationInterface {
  name = 'RecordRevisions1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN revision int NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN revision`);
  }
}
