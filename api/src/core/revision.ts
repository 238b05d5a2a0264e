import { EntityManager, EntityTarget } from 'typeorm';
import { ErrorCode, UserInputFailure } from './errors';

/** A record that counts its edits, and the edits of the rows that belong to it. */
export interface Revisioned {
  id: number;
  revision: number;
}

/** Two people editing the same record: the second save names the newer revision instead of overwriting. */
export function assertRevision(row: Revisioned, expectedRevision: number | null | undefined, noun: string): void {
  if (expectedRevision !== undefined && expectedRevision !== null && expectedRevision !== row.revision) {
    throw UserInputFailure.of(
      ['input', 'expectedRevision'],
      `Someone else changed this ${noun}: it is at revision ${row.revision}, your edit was based on ${expectedRevision}`,
      ErrorCode.CONFLICT,
    );
  }
}

/**
 * A change to a row that belongs to a record (an award of a learner, a mapping of an agreement):
 * the record's row is locked for the rest of the transaction, the revision the edit was based on
 * checked when one is given, and the revision counted, so concurrent edits are serialised and the
 * later one based on the same revision gets CONFLICT. FOR NO KEY UPDATE excludes every other
 * writer of the record but not foreign-key checks against it, so inserting a row that refers to
 * the record (in this or another transaction) never waits on it.
 */
export async function touchRevision<E extends Revisioned>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  expectedRevision: number | null | undefined,
  noun: string,
): Promise<E | null> {
  const repository = em.getRepository(entity);
  const row = await repository.findOne({ where: { id } as never, lock: { mode: 'for_no_key_update' } });
  if (!row) return null;
  assertRevision(row, expectedRevision, noun);
  row.revision += 1;
  await repository.update(id, { revision: row.revision } as never);
  return row;
}
