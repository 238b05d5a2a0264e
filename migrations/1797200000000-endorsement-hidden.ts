import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owning college may hide an endorsement of its pathway from the public, saying why; the
 * endorsement stays (the employer's signed statement is not the college's to delete).
 */
export class EndorsementHidden1797200000000 implements MigrationInterface {
  name = 'EndorsementHidden1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE endorsement ADD COLUMN hidden_at timestamptz, ADD COLUMN hidden_reason text`);
    await queryRunner.query(`ALTER TABLE endorsement ADD CONSTRAINT ck_endorsement__hidden_reason CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE endorsement DROP CONSTRAINT ck_endorsement__hidden_reason`);
    await queryRunner.query(`ALTER TABLE endorsement DROP COLUMN hidden_reason, DROP COLUMN hidden_at`);
  }
}
