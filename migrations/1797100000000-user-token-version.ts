import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens carry their account's token_version (claim `ver`) and stop working once it moves on. The
 * database moves it whenever what a token grants changes: the password, the role, the institution
 * or employer acted for, or deactivation, however the row is changed (API, create-admin, SQL).
 */
export class UserTokenVersion1797100000000 implements MigrationInterface {
  name = 'UserTokenVersion1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
           OR NEW.role IS DISTINCT FROM OLD.role
           OR NEW.institution_id IS DISTINCT FROM OLD.institution_id
           OR NEW.employer_id IS DISTINCT FROM OLD.employer_id
           OR NEW.deactivated_at IS DISTINCT FROM OLD.deactivated_at THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER app_user_token_version BEFORE UPDATE ON "app_user"
      FOR EACH ROW EXECUTE FUNCTION app_user_bump_token_version()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER app_user_token_version ON "app_user"`);
    await queryRunner.query(`DROP FUNCTION app_user_bump_token_version()`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
