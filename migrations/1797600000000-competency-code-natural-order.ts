import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competency codes sort the way people read them: AH-5.2 before AH-5.10, and IT-9 before IT-10.
 * An ICU collation with numeric ordering (`kn`) compares runs of digits as numbers; it is
 * deterministic, so equality, uniqueness and LIKE behave as before.
 */
export class CompetencyCodeNaturalOrder1797600000000 implements MigrationInterface {
  name = 'CompetencyCodeNaturalOrder1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE COLLATION IF NOT EXISTS "natural" (provider = icu, locale = 'und-u-kn-true')`);
    await queryRunner.query(`ALTER TABLE "competency" ALTER COLUMN "code" TYPE text COLLATE "natural"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competency" ALTER COLUMN "code" TYPE text COLLATE "default"`);
    await queryRunner.query(`DROP COLLATION IF EXISTS "natural"`);
  }
}
