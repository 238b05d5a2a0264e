import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CASE import and export: existing frameworks and competencies get a CASE identifier (new ones
 * get theirs on insert), so an exported package re-imports onto the same rows; what an import
 * brings beyond our columns is kept beside them.
 */
export class CasePackages1795400000000 implements MigrationInterface {
  name = 'CasePackages1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['competency_framework', 'competency']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "case_extras" jsonb`);
      await queryRunner.query(`UPDATE "${table}" SET "case_identifier" = gen_random_uuid() WHERE "case_identifier" IS NULL`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['competency', 'competency_framework']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "case_extras"`);
    }
  }
}
