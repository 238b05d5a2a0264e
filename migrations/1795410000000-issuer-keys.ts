import { MigrationInterface, QueryRunner } from "typeorm";

/** Each issuer's signing key (private half encrypted), and the signed Open Badges credential of each award. */

export class IssuerKeys1795410000000 implements MigrationInterface {
    name = 'IssuerKeys1795410000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "issuer_key" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "institution_id" integer, "employer_id" integer, "thumbprint" text NOT NULL, "public_jwk" jsonb NOT NULL, "encrypted_private_key" bytea NOT NULL, CONSTRAINT "UQ_bece092530b20cf3f4be52cdc8b" UNIQUE ("institution_id"), CONSTRAINT "UQ_ddbd8fa754b6ddfc080c92939ac" UNIQUE ("employer_id"), CONSTRAINT "UQ_a267a9a10137a3d94b10d7049dd" UNIQUE ("thumbprint"), CONSTRAINT "ck_issuer_key__issuer" CHECK ((institution_id IS NULL) <> (employer_id IS NULL)), CONSTRAINT "PK_9df7b2035c3aaa65ad2f9ad55ab" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "award_credential" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "award_id" integer NOT NULL, "issuer_key_id" integer NOT NULL, "jwt" text NOT NULL, CONSTRAINT "UQ_ae46f634303196249cc83038ce1" UNIQUE ("award_id"), CONSTRAINT "PK_ee82fd29b49ba3cc243eabadef2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4a363fe20427bd1810dc6b995d" ON "award_credential" ("issuer_key_id") `);
        await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "issuer_key" ADD CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "award_credential" ADD CONSTRAINT "FK_ae46f634303196249cc83038ce1" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "award_credential" ADD CONSTRAINT "FK_4a363fe20427bd1810dc6b995d9" FOREIGN KEY ("issuer_key_id") REFERENCES "issuer_key"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "award_credential" DROP CONSTRAINT "FK_4a363fe20427bd1810dc6b995d9"`);
        await queryRunner.query(`ALTER TABLE "award_credential" DROP CONSTRAINT "FK_ae46f634303196249cc83038ce1"`);
        await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_ddbd8fa754b6ddfc080c92939ac"`);
        await queryRunner.query(`ALTER TABLE "issuer_key" DROP CONSTRAINT "FK_bece092530b20cf3f4be52cdc8b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4a363fe20427bd1810dc6b995d"`);
        await queryRunner.query(`DROP TABLE "award_credential"`);
        await queryRunner.query(`DROP TABLE "issuer_key"`);
    }

}
