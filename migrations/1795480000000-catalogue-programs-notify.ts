import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows belong to one degree program each, and how a row names its program. */
const PROGRAM_OF: [table: string, events: string[], program: string][] = [
  ['degree_program', ['UPDATE', 'DELETE'], 'r.id'],
  ['articulation_agreement', ['INSERT', 'UPDATE', 'DELETE'], 'r.degree_program_id'],
  ['credit_mapping', ['INSERT', 'UPDATE', 'DELETE'], '(SELECT a.degree_program_id FROM articulation_agreement a WHERE a.id = r.agreement_id)'],
];

/** Past this many programs in one statement, the notification names none (everything is dropped): its payload must stay under 8,000 bytes. */
const MAX_PROGRAMS = 500;

/** The rows a statement touched, from the transition tables its event has. */
const TOUCHED: Record<string, string> = {
  INSERT: 'SELECT * FROM new_rows',
  UPDATE: 'SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows',
  DELETE: 'SELECT * FROM old_rows',
};

const REFERENCING: Record<string, string> = {
  INSERT: 'REFERENCING NEW TABLE AS new_rows',
  UPDATE: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  DELETE: 'REFERENCING OLD TABLE AS old_rows',
};

/**
 * The route catalogue (api/src/modules/advising/program-catalogue.ts) dropped every program on
 * any change to programs, agreements or credit mappings, and every API process then read them all
 * again. Registrars edit agreements all day, so a statement on those tables now names the
 * programs it touched ("programs:12,40"; before and after, for a row moved to another program),
 * and a process drops just those. A truncate, or a statement touching more programs than a
 * payload holds, still drops everything, as do the other tables the catalogue reads (credential
 * titles and workloads, publication, the stages of published pathways).
 */
export class CatalogueProgramsNotify1795480000000 implements MigrationInterface {
  name = 'CatalogueProgramsNotify1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_catalogue_programs() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids text;
      BEGIN
        -- TG_ARGV: the SQL of the touched rows, and the expression of a row's program.
        EXECUTE format(
          'SELECT CASE WHEN count(DISTINCT program) <= ${MAX_PROGRAMS} THEN coalesce(string_agg(DISTINCT program::text, '',''), '''') END
             FROM (SELECT %s AS program FROM (%s) r) touched WHERE program IS NOT NULL', TG_ARGV[1], TG_ARGV[0]) INTO ids;
        -- A statement that touched no program's rows changed nothing the catalogue holds.
        IF ids = '' THEN RETURN NULL; END IF;
        PERFORM pg_notify('pathforge_catalogue', coalesce('programs:' || ids, ''));
        RETURN NULL;
      END $$`);
    for (const [table, events, program] of PROGRAM_OF) {
      await queryRunner.query(`DROP TRIGGER tr_${table}__notify_catalogue ON ${table}`);
      for (const event of events) {
        await queryRunner.query(
          `CREATE TRIGGER tr_${table}__notify_catalogue_${event.toLowerCase()} AFTER ${event} ON ${table} ${REFERENCING[event]}
             FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_programs(${quote(TOUCHED[event])}, ${quote(program)})`,
        );
      }
      await queryRunner.query(`CREATE TRIGGER tr_${table}__notify_catalogue_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, events] of PROGRAM_OF) {
      for (const event of [...events, 'TRUNCATE']) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_catalogue_${event.toLowerCase()} ON ${table}`);
      // As migrations/1795460000000-catalogue-notify.ts made it.
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}__notify_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change()`,
      );
    }
    await queryRunner.query(`DROP FUNCTION notify_catalogue_programs()`);
  }
}

/** A trigger argument: a string literal. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
