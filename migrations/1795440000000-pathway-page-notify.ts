import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rows a published pathway page shows besides the version's own parts (see pathway.cache.ts). */
const REFERENCED_TABLES = ['credential', 'occupation', 'employer', 'institution'];

/**
 * API processes keep the credentials, occupations, employers and institution of published
 * pathway pages between requests. Those rows are edited in place, so any statement that changes
 * or removes them notifies every process on commit, whoever wrote it. Inserts cannot touch a row
 * a page already shows, so they do not notify.
 */
export class PathwayPageNotify1795440000000 implements MigrationInterface {
  name = 'PathwayPageNotify1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_pathway_page_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pathforge_pathway_pages', '');
        RETURN NULL;
      END $$`);
    for (const table of REFERENCED_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}__notify_pathway_pages AFTER UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_pathway_page_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of REFERENCED_TABLES) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_pathway_pages ON ${table}`);
    await queryRunner.query(`DROP FUNCTION notify_pathway_page_change()`);
  }
}
