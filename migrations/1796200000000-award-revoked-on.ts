import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revocation has a date (DOMAIN.md, rule 2): the day from which the award stops counting toward
 * routes, which may be earlier than the moment it was recorded. `revoked_at` stays the moment of
 * recording, which the signed status list follows; existing revocations take effect on the day
 * they were recorded (UTC), and one recorded without a date applies on every date.
 */
export class AwardRevokedOn1796200000000 implements MigrationInterface {
  name = 'AwardRevokedOn1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE award ADD COLUMN revoked_on date`);
    await queryRunner.query(`UPDATE award SET revoked_on = (revoked_at AT TIME ZONE 'UTC')::date WHERE revoked_at IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE award ADD CONSTRAINT ck_award__revoked_on CHECK (revoked_on IS NULL OR revoked_at IS NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE award DROP CONSTRAINT ck_award__revoked_on`);
    await queryRunner.query(`ALTER TABLE award DROP COLUMN revoked_on`);
  }
}
