import { MigrationInterface, QueryRunner } from "typeorm";

/** Comments and change requests on pathway versions and stages, each closed with a resolution. */

export class Comments1795392829144 implements MigrationInterface {
    name = 'Comments1795392829144'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."comment_kind" AS ENUM('COMMENT', 'CHANGE_REQUEST')`);
        await queryRunner.query(`CREATE TYPE "public"."comment_resolution" AS ENUM('DONE', 'WONT_DO', 'ANSWERED')`);
        await queryRunner.query(`CREATE TABLE "pathway_comment" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pathway_id" integer NOT NULL, "stage_id" integer, "author_id" integer, "kind" "public"."comment_kind" NOT NULL DEFAULT 'COMMENT', "body" text NOT NULL, "resolution" "public"."comment_resolution", "resolution_note" text, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_pathway_comment__resolution" CHECK ((resolution IS NULL) = (resolved_at IS NULL)), CONSTRAINT "PK_f34a2b5b669ba71bda5f49bb509" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_aed6a41b67cc025087203b8161" ON "pathway_comment" ("pathway_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_082b048bdd838a365a8144312f" ON "pathway_comment" ("stage_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2b680e2ff728adc4bc2cd6cd88" ON "pathway_comment" ("author_id") `);
        await queryRunner.query(`ALTER TABLE "pathway_comment" ADD CONSTRAINT "FK_aed6a41b67cc025087203b81619" FOREIGN KEY ("pathway_id") REFERENCES "pathway"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pathway_comment" ADD CONSTRAINT "FK_082b048bdd838a365a8144312f6" FOREIGN KEY ("stage_id") REFERENCES "pathway_stage"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pathway_comment" ADD CONSTRAINT "FK_2b680e2ff728adc4bc2cd6cd88e" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "pathway_comment" DROP CONSTRAINT "FK_2b680e2ff728adc4bc2cd6cd88e"`);
        await queryRunner.query(`ALTER TABLE "pathway_comment" DROP CONSTRAINT "FK_082b048bdd838a365a8144312f6"`);
        await queryRunner.query(`ALTER TABLE "pathway_comment" DROP CONSTRAINT "FK_aed6a41b67cc025087203b81619"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2b680e2ff728adc4bc2cd6cd88"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_082b048bdd838a365a8144312f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_aed6a41b67cc025087203b8161"`);
        await queryRunner.query(`DROP TABLE "pathway_comment"`);
        await queryRunner.query(`DROP TYPE "public"."comment_resolution"`);
        await queryRunner.query(`DROP TYPE "public"."comment_kind"`);
    }

}
