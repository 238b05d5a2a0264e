import { EntityManager } from 'typeorm';
import { actsForInstitution, definePolicy } from '../../core/access';
import { Context } from '../../core/context';
import { Role } from '../accounts/user.entity';
import { DegreeProgram } from '../articulation/degree-program.entity';
import { Award } from './award.entity';
import { Learner } from './learner.entity';
import { PriorLearningClaim } from './prior-learning-claim.entity';

/** Learners belong to their institution: its advisors and staff read and manage them; nobody else. */
export const advisesAt = (ctx: Context, institutionId: number | null | undefined) =>
  (ctx.viewer.role === Role.ADVISOR || ctx.viewer.role === Role.INSTITUTION_STAFF) && actsForInstitution(ctx, institutionId);

async function readThroughLearner(ctx: Context, learnerId: number): Promise<boolean> {
  const learner = await ctx.loaders.byId(Learner).load(learnerId);
  return learner !== null && advisesAt(ctx, learner.institutionId);
}

async function writeThroughLearner(ctx: Context, em: EntityManager, learnerId: number): Promise<boolean> {
  const learner = await em.getRepository(Learner).findOneBy({ id: learnerId });
  return learner === null || advisesAt(ctx, learner.institutionId);
}

definePolicy(Learner, {
  canRead: (ctx, learner) => advisesAt(ctx, learner.institutionId),
  canWrite: (ctx, learner) => advisesAt(ctx, learner.institutionId),
  scope(qb, ctx) {
    if (ctx.viewer.role === Role.ADVISOR || ctx.viewer.role === Role.INSTITUTION_STAFF) {
      qb.andWhere(`${qb.alias}.institutionId = :scopeInstitution`, { scopeInstitution: ctx.viewer.institutionId });
    } else {
      qb.andWhere('false');
    }
  },
});

definePolicy(Award, {
  canRead: (ctx, award) => readThroughLearner(ctx, award.learnerId),
  canWrite: (ctx, award, em) => writeThroughLearner(ctx, em, award.learnerId),
});

definePolicy(PriorLearningClaim, {
  canRead: (ctx, claim) => readThroughLearner(ctx, claim.learnerId),
  canWrite: (ctx, claim, em) => writeThroughLearner(ctx, em, claim.learnerId),
});

/** Only staff of the program's own institution assess prior learning for it. */
export async function mayDecideClaim(ctx: Context, em: EntityManager, claim: PriorLearningClaim): Promise<boolean> {
  if (ctx.viewer.role === Role.ADMIN) return true;
  const program = await em.getRepository(DegreeProgram).findOneBy({ id: claim.degreeProgramId });
  return ctx.viewer.role === Role.INSTITUTION_STAFF && program !== null && actsForInstitution(ctx, program.institutionId);
}
