import { EntityManager } from 'typeorm';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { PathwayStage, StageRequirement } from './pathway-stage.entity';
import { StageCredential } from './stage-credential.entity';

const POSITION = ['input', 'position'];

async function stageCount(em: EntityManager, pathwayId: number): Promise<number> {
  return em.getRepository(PathwayStage).countBy({ pathwayId });
}

/**
 * Stages are numbered 1..n without gaps. A new stage without a position goes after the last one;
 * a position past the end would leave a gap and is refused. Callers hold the version's lock, so
 * the count cannot change underneath.
 */
export async function placeStage(em: EntityManager, stage: PathwayStage, previous: PathwayStage | null): Promise<void> {
  const others = (await stageCount(em, stage.pathwayId)) - (previous ? 1 : 0);
  if (!previous && stage.position == null) {
    stage.position = others + 1;
    return;
  }
  const last = others + 1;
  if (stage.position > last) {
    throw UserInputFailure.of(
      POSITION,
      previous ? `This pathway has ${last} stage${last === 1 ? '' : 's'}: a stage's position goes from 1 to ${last}` : `A new stage can go at position 1 to ${last}`,
      ErrorCode.OUT_OF_RANGE,
    );
  }
}

/** A deleted stage's successors move up one, in the same transaction, so no gap is left. */
export async function closeGapAfter(em: EntityManager, stage: PathwayStage): Promise<void> {
  // The unique (pathway, position) constraint is deferred, so the stage about to be removed may
  // share its position with its successor until the transaction ends.
  await em.query('UPDATE pathway_stage SET position = position - 1 WHERE pathway_id = $1 AND position > $2', [stage.pathwayId, stage.position]);
}

/** "At least N" cannot ask for more credentials than the stage has (ceterms:ComponentCondition). */
export async function assertRequiredCountFits(em: EntityManager, stage: PathwayStage, previous: PathwayStage): Promise<void> {
  if (stage.requirement !== StageRequirement.AT_LEAST || stage.requiredCount == null) return;
  if (previous.requirement === stage.requirement && previous.requiredCount === stage.requiredCount) return;
  const count = await em.getRepository(StageCredential).countBy({ stageId: stage.id });
  if (stage.requiredCount > count) {
    throw UserInputFailure.of(
      ['input', 'requiredCount'],
      `"${stage.title}" has ${count} credential${count === 1 ? '' : 's'}: it cannot require at least ${stage.requiredCount} of them`,
      ErrorCode.OUT_OF_RANGE,
    );
  }
}
