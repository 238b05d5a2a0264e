import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of api/src/core/reference-rows.ts; the first four were the pathway pages' references. */
const PAGE_TABLES = ['credential', 'occupation', 'employer', 'institution'];
const REFERENCE_TABLES = [...PAGE_TABLES, 'degree_program'];

interface Notifier {
  fn: string;
  channel: string;
  trigger: string;
  tables: string[];
}

const BEFORE: Notifier = { fn: 'notify_pathway_page_change', channel: 'pathforge_pathway_pages', trigger: 'notify_pathway_pages', tables: PAGE_TABLES };
const AFTER: Notifier = { fn: 'notify_reference_row_change', channel: 'pathforge_reference_rows', trigger: 'notify_reference_rows', tables: REFERENCE_TABLES };

/** Every statement that updates, deletes or truncates rows of the tables notifies the channel on commit. */
async function create(queryRunner: QueryRunner, { fn, channel, trigger, tables }: Notifier): Promise<void> {
  await queryRunner.query(`
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${channel}', '');
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    await queryRunner.query(`CREATE TRIGGER tr_${table}__${trigger} AFTER UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }
}

async function drop(queryRunner: QueryRunner, { fn, trigger, tables }: Notifier): Promise<void> {
  for (const table of tables) await queryRunner.query(`DROP TRIGGER tr_${table}__${trigger} ON ${table}`);
  await queryRunner.query(`DROP FUNCTION ${fn}()`);
}

/**
 * API processes keep one shared copy of the reference rows (credentials, occupations, employers,
 * institutions, degree programs) that every request's loaders read, in place of the copy each
 * cached pathway page held. Those rows are edited in place, so any statement that changes or
 * removes them notifies every process on commit, whoever wrote it. Inserts cannot touch a row a
 * process already holds, so they do not notify.
 */
export class ReferenceRowsNotify1795470000000 implements MigrationInterface {
  name = 'ReferenceRowsNotify1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await drop(queryRunner, BEFORE);
    await create(queryRunner, AFTER);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await drop(queryRunner, AFTER);
    await create(queryRunner, BEFORE);
  }
}
