import { EntityManager } from 'typeorm';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { assertRevision } from '../../core/revision';
import { Pathway, PathwayStatus } from './pathway.entity';

const EDITABLE = new Set([PathwayStatus.DRAFT, PathwayStatus.CHANGES_REQUESTED]);
const FROZEN = new Set([PathwayStatus.PUBLISHED, PathwayStatus.RETIRED]);

/** Refuses edits of frozen or in-review versions, with the reason. */
export function assertEditable(pathway: Pathway): void {
  if (FROZEN.has(pathway.status)) {
    throw UserInputFailure.of(null, `Version ${pathway.version} is ${pathway.status.toLowerCase()} and frozen: start a revision to change it`, ErrorCode.FROZEN);
  }
  if (!EDITABLE.has(pathway.status)) {
    throw UserInputFailure.of(null, `Version ${pathway.version} is ${pathway.status.toLowerCase().replace('_', ' ')}: changes wait for the review`, ErrorCode.INVALID_STATE);
  }
}

/**
 * Every change to a version or to its stages, credentials, destinations, off-ramps and partners
 * goes through here: the version row is locked for the transaction, checked, and its revision
 * bumped, so concurrent edits are serialised and the loser gets CONFLICT.
 */
export async function touchPathway(em: EntityManager, pathwayId: number, expectedRevision?: number | null): Promise<Pathway | null> {
  const pathway = await em.getRepository(Pathway).findOne({ where: { id: pathwayId }, lock: { mode: 'pessimistic_write' } });
  if (!pathway) return null;
  assertEditable(pathway);
  assertRevision(pathway, expectedRevision, 'pathway');
  pathway.revision += 1;
  return em.save(pathway);
}
