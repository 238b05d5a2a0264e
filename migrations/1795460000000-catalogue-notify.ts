import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes cache each degree program with its agreements, credit mappings and block pathways
 * (api/src/modules/advising/program-catalogue.ts). A change to any of those notifies them on
 * commit, whoever wrote it: NOTIFY is transactional, and PostgreSQL folds a transaction's
 * identical notifications into one. Only changes the catalogue can see notify: a credential's
 * title and workload, a pathway's publication, and the stages of published versions (which the
 * API never edits, but SQL from elsewhere might).
 */
const STATEMENT_TRIGGERS: [table: string, events: string][] = [
  ['degree_program', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['articulation_agreement', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['credit_mapping', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
  ['credential', 'UPDATE OF title, workload_hours OR TRUNCATE'],
  ['pathway', 'INSERT OR UPDATE OF status, lineage_id, version OR DELETE OR TRUNCATE'],
  ['pathway_stage', 'TRUNCATE'],
  ['stage_credential', 'TRUNCATE'],
];

export class CatalogueNotify1795460000000 implements MigrationInterface {
  name = 'CatalogueNotify1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pathforge_catalogue', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION notify_published_stage_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed_stage integer;
      BEGIN
        IF TG_TABLE_NAME = 'pathway_stage' THEN
          IF EXISTS (SELECT 1 FROM pathway WHERE status = 'PUBLISHED' AND id IN (OLD.pathway_id, NEW.pathway_id)) THEN
            PERFORM pg_notify('pathforge_catalogue', '');
          END IF;
        ELSE
          FOR changed_stage IN SELECT unnest(ARRAY[OLD.stage_id, NEW.stage_id]) LOOP
            IF EXISTS (SELECT 1 FROM pathway_stage s JOIN pathway p ON p.id = s.pathway_id WHERE s.id = changed_stage AND p.status = 'PUBLISHED') THEN
              PERFORM pg_notify('pathforge_catalogue', '');
            END IF;
          END LOOP;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, events] of STATEMENT_TRIGGERS) {
      await queryRunner.query(`CREATE TRIGGER tr_${table}__notify_catalogue AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change()`);
    }
    for (const table of ['pathway_stage', 'stage_credential']) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}__notify_published AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION notify_published_stage_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['pathway_stage', 'stage_credential']) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_published ON ${table}`);
    for (const [table] of STATEMENT_TRIGGERS) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_catalogue ON ${table}`);
    await queryRunner.query(`DROP FUNCTION notify_published_stage_change()`);
    await queryRunner.query(`DROP FUNCTION notify_catalogue_change()`);
  }
}
