import { MigrationInterface, QueryRunner } from "typeorm";

/** Accounts that sign in to the admin console, each with one role and, for staff, advisors and partners, the organisation they act for. */

export class Accounts1795391884975 implements MigrationInterface {
    name = 'Accounts1795391884975'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('ADMIN', 'INSTITUTION_STAFF', 'EMPLOYER_PARTNER', 'ADVISOR', 'PUBLIC')`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" "public"."role" NOT NULL, "institution_id" integer, "employer_id" integer, CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "ck_app_user__employer_id" CHECK ((role = 'EMPLOYER_PARTNER') = (employer_id IS NOT NULL)), CONSTRAINT "ck_app_user__institution_id" CHECK ((role IN ('INSTITUTION_STAFF', 'ADVISOR')) = (institution_id IS NOT NULL)), CONSTRAINT "ck_app_user__role" CHECK (role <> 'PUBLIC'), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bec1ef56fecaa6c10f13cf43e9" ON "app_user" ("role") `);
        await queryRunner.query(`CREATE INDEX "IDX_6e4e53daa243948062ebff290a" ON "app_user" ("institution_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f02d61612f253e62cf5429b039" ON "app_user" ("employer_id") `);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_6e4e53daa243948062ebff290ac" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_f02d61612f253e62cf5429b0391" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_f02d61612f253e62cf5429b0391"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6e4e53daa243948062ebff290ac"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f02d61612f253e62cf5429b039"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6e4e53daa243948062ebff290a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bec1ef56fecaa6c10f13cf43e9"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP TYPE "public"."role"`);
    }

}
