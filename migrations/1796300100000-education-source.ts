import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an occupation's typical education came from, so an import of job zones recognises its own
 * values by source instead of guessing from their wording (and keeps BLS's). Rows from before have
 * no recorded source and are kept as they are.
 */
export class EducationSource1796300100000 implements MigrationInterface {
  name = 'EducationSource1796300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "occupation" ADD "typical_education_source" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "occupation" DROP COLUMN "typical_education_source"`);
  }
}
