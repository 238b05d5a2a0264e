import { MigrationInterface, QueryRunner } from 'typeorm';
import { PathwayPageNotify1795440000000 } from './1795440000000-pathway-page-notify';

/** The tables of api/src/core/reference-rows.ts; the first four were the pathway pages' references. */
const PAGE_TABLES = ['credential', 'occupation', 'employer', 'institution'];
const REFERENCE_TABLES = [...PAGE_TABLES, 'degree_program'];

/** Past this many rows in one statement, the notification names the table only: its payload must stay under 8,000 bytes. */
const MAX_IDS = 500;

/**
 * API processes keep one shared copy of the reference rows (credentials, occupations, employers,
 * institutions, degree programs) that every request's loaders read, in place of the copy each
 * cached pathway page held. Those rows are edited in place, so any statement that updates or
 * deletes them notifies every process on commit, whoever wrote it, naming the table and the ids
 * it touched ("credential:12,40"), or the table alone for a truncate or a statement of many rows;
 * a process then drops just those rows, or the table. Inserts cannot touch a row a process
 * already holds, so they do not notify.
 */
export class ReferenceRowsNotify1795470000000 implements MigrationInterface {
  name = 'ReferenceRowsNotify1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of PAGE_TABLES) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_pathway_pages ON ${table}`);
    await queryRunner.query(`DROP FUNCTION notify_pathway_page_change()`);
    await queryRunner.query(`
      CREATE FUNCTION notify_reference_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids text;
      BEGIN
        IF TG_OP <> 'TRUNCATE' THEN
          SELECT CASE WHEN count(*) <= ${MAX_IDS} THEN coalesce(string_agg(id::text, ','), '') END INTO ids FROM old_rows;
          -- A statement that touched no row changed nothing.
          IF ids = '' THEN RETURN NULL; END IF;
        END IF;
        PERFORM pg_notify('pathforge_reference_rows', TG_TABLE_NAME || coalesce(':' || ids, ''));
        RETURN NULL;
      END $$`);
    for (const table of REFERENCE_TABLES) {
      for (const event of ['UPDATE', 'DELETE']) {
        await queryRunner.query(
          `CREATE TRIGGER tr_${table}__notify_reference_rows_${event.toLowerCase()} AFTER ${event} ON ${table}
             REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_rows_changed()`,
        );
      }
      await queryRunner.query(`CREATE TRIGGER tr_${table}__notify_reference_rows_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_rows_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of REFERENCE_TABLES) {
      for (const event of ['update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_reference_rows_${event} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION notify_reference_rows_changed()`);
    // As the pathway pages' notifier was made.
    await new PathwayPageNotify1795440000000().up(queryRunner);
  }
}
