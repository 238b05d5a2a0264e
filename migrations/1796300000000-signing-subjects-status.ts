import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Awards as Open Badges 3.0 verifiers read them: issuers get an RS256 key beside the Ed25519 one
 * (and may rotate either, old keys staying published), each learner a stable random subject id per
 * issuer, and each award a random bit in its issuer's status list. Credentials signed before keep
 * the index they name (their award id), so they keep verifying.
 */
export class SigningSubjectsStatus1796300000000 implements MigrationInterface {
  name = 'SigningSubjectsStatus1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "learner_subject" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "learner_id" integer NOT NULL, "issuer" text NOT NULL, "subject_id" uuid NOT NULL, CONSTRAINT "UQ_32657e27d56a78528741470a078" UNIQUE ("subject_id"), CONSTRAINT "PK_276638538a42ab1b518fed442f6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_learner_subject__learner_issuer" ON "learner_subject" ("learner_id", "issuer") `);
    await queryRunner.query(`CREATE TABLE "status_list_entry" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "award_id" integer NOT NULL, "issuer" text NOT NULL, "list_index" integer NOT NULL, CONSTRAINT "UQ_d180ba314a27a2e7e429257796d" UNIQUE ("award_id"), CONSTRAINT "PK_355969ca7921c8c8a570b8db146" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_status_list_entry__issuer_index" ON "status_list_entry" ("issuer", "list_index") `);
    await queryRunner.query(`CREATE TABLE "issuer_signing_option" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "issuer" text NOT NULL, "algorithm" text NOT NULL, CONSTRAINT "UQ_cecda2d0278e6ce78616d3a5471" UNIQUE ("issuer"), CONSTRAINT "PK_be4a34382193a7fc15517053931" PRIMARY KEY ("id"))`);
    // Keys made before were all Ed25519.
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD "algorithm" text NOT NULL DEFAULT 'EdDSA'`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ALTER COLUMN "algorithm" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "UQ_bece092530b20cf3f4be52cdc8b"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "UQ_ddbd8fa754b6ddfc080c92939ac"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_issuer_key__current_employer" ON "issuer_key" ("employer_id", "algorithm") WHERE retired_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_issuer_key__current_institution" ON "issuer_key" ("institution_id", "algorithm") WHERE retired_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "ck_issuer_key__algorithm" CHECK (algorithm IN ('RS256', 'EdDSA'))`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learner_subject" ADD CONSTRAINT "FK_8450545243f346e16759c557c7f" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "status_list_entry" ADD CONSTRAINT "FK_d180ba314a27a2e7e429257796d" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Credentials already signed name their award id as index: keep that bit theirs.
    await queryRunner.query(`INSERT INTO "status_list_entry" (award_id, issuer, list_index)
      SELECT a.id, CASE WHEN c.issuer_institution_id IS NOT NULL THEN 'Institution:' || c.issuer_institution_id ELSE 'Employer:' || c.issuer_employer_id END, a.id
      FROM award_credential ac JOIN award a ON a.id = ac.award_id JOIN credential c ON c.id = a.credential_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "status_list_entry" DROP CONSTRAINT "FK_d180ba314a27a2e7e429257796d"`);
    await queryRunner.query(`ALTER TABLE "learner_subject" DROP CONSTRAINT "FK_8450545243f346e16759c557c7f"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "ck_issuer_key__algorithm"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issuer_key__current_institution"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issuer_key__current_employer"`);
    // One key per issuer again: only each issuer's first current Ed25519 key survives, with what it signed.
    await queryRunner.query(`DELETE FROM award_credential WHERE issuer_key_id NOT IN (SELECT min(id) FROM issuer_key WHERE algorithm = 'EdDSA' AND retired_at IS NULL GROUP BY institution_id, employer_id)`);
    await queryRunner.query(`DELETE FROM issuer_key WHERE id NOT IN (SELECT min(id) FROM issuer_key WHERE algorithm = 'EdDSA' AND retired_at IS NULL GROUP BY institution_id, employer_id)`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "UQ_ddbd8fa754b6ddfc080c92939ac" UNIQUE ("employer_id")`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "UQ_bece092530b20cf3f4be52cdc8b" UNIQUE ("institution_id")`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP COLUMN "retired_at"`);
    await queryRunner.query(`ALTER TABLE "issuer_key" DROP COLUMN "algorithm"`);
    await queryRunner.query(`DROP TABLE "issuer_signing_option"`);
    await queryRunner.query(`DROP INDEX "public"."uq_status_list_entry__issuer_index"`);
    await queryRunner.query(`DROP TABLE "status_list_entry"`);
    await queryRunner.query(`DROP INDEX "public"."uq_learner_subject__learner_issuer"`);
    await queryRunner.query(`DROP TABLE "learner_subject"`);
  }
}
