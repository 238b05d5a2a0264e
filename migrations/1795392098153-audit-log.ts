import { MigrationInterface, QueryRunner } from "typeorm";

/** Every change made through a mutation: who, when, which mutation, before and after. No foreign key to app_user, so history outlives accounts. */

export class AuditLog1795392098153 implements MigrationInterface {
    name = 'AuditLog1795392098153'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" integer, "role" "public"."role" NOT NULL, "mutation" text NOT NULL, "action" text NOT NULL, "record_type" text NOT NULL, "record_id" integer NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d00a7e11628569c6e2c2ce27b6" ON "audit_entry" ("user_id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_entry__record" ON "audit_entry" ("record_type", "record_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_audit_entry__record"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d00a7e11628569c6e2c2ce27b6"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
