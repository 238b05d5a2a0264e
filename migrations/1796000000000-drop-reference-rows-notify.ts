import { MigrationInterface, QueryRunner } from 'typeorm';
import { PathwayPageNotify1795440000000 } from './1795440000000-pathway-page-notify';
import { ReferenceRowsNotify1795470000000 } from './1795470000000-reference-rows-notify';

const REFERENCE_TABLES = ['credential', 'occupation', 'employer', 'institution', 'degree_program'];

/**
 * Reads compile to one SQL statement per root field, so API processes no longer keep copies of
 * reference rows or published pathway pages, and nothing listens for their changes: the triggers
 * that notified those caches go. The program catalogue's own notifications stay.
 */
export class DropReferenceRowsNotify1796000000000 implements MigrationInterface {
  name = 'DropReferenceRowsNotify1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of REFERENCE_TABLES) {
      for (const event of ['update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER tr_${table}__notify_reference_rows_${event} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION notify_reference_rows_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The reference rows' notifier replaced the pathway pages' one, which its up() drops first.
    await new PathwayPageNotify1795440000000().up(queryRunner);
    await new ReferenceRowsNotify1795470000000().up(queryRunner);
  }
}
