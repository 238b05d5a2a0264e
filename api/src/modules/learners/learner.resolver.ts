import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { assertCanWrite, denial } from '../../core/access';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, filterId, payloadType } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { decodeId, decodeInput } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { assertRevision, touchRevision } from '../../core/revision';
import { todayIso } from '../../core/scalars';
import { DegreeProgram } from '../articulation/degree-program.entity';
import { Credential } from '../credentials/credential.entity';
import { RubricLevel } from '../credentials/rubric-level.entity';
import { Institution } from '../institutions/institution.entity';
import { issueAwardCredential } from '../interop/award-credential.service';
import { Award } from './award.entity';
import { Learner } from './learner.entity';
import {
  AwardCreateInput,
  AwardRevokeInput,
  AwardUpdateInput,
  LearnerCreateInput,
  LearnerFilter,
  LearnerOrderField,
  LearnerUpdateInput,
  PriorLearningClaimApproveInput,
  PriorLearningClaimCreateInput,
  PriorLearningClaimDenyInput,
  PriorLearningClaimUpdateInput,
} from './learner.inputs';
import { mayDecideClaim } from './learner.policy';
import { ClaimStatus, PriorLearningClaim } from './prior-learning-claim.entity';

@Resolver(() => Learner)
export class LearnerResolver extends crudResolver({
  entity: Learner,
  createInput: LearnerCreateInput,
  updateInput: LearnerUpdateInput,
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(_em, learner, _ctx, previous, input) {
      // One address typed in two cases is one person: lower case lets the unique constraint see that.
      if (learner.email) learner.email = learner.email.toLowerCase();
      if (!previous) return;
      assertRevision(previous, input.expectedRevision as number, 'learner');
      learner.revision = previous.revision + 1;
    },
    async beforeDelete(_em, learner, _ctx, input) {
      assertRevision(learner, input.expectedRevision, 'learner');
    },
  },
  versionedDelete: true,
  list: {
    name: 'learners',
    filter: LearnerFilter,
    orderFields: LearnerOrderField,
    orderColumn: { FAMILY_NAME: 'familyName', CREATED_AT: 'createdAt' },
    defaultOrder: LearnerOrderField.FAMILY_NAME,
    applyFilter(qb, filter) {
      if (filter.search) {
        qb.andWhere('(row.givenName ILIKE :search OR row.familyName ILIKE :search OR row.email ILIKE :search)', { search: containsPattern(filter.search) });
      }
      if (filter.institutionId) qb.andWhere('row.institutionId = :institutionId', { institutionId: filterId(filter.institutionId, 'Institution') });
    },
  },
}) {
  @FieldResolver(() => Institution, { description: 'The institution the learner studies at; its advisors and staff see the learner.' })
  institution(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.loaders.one(Institution, learner.institutionId);
  }

  @FieldResolver(() => [Award], { description: 'Earned credentials, oldest first.' })
  awards(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Award, 'learnerId', { awardedOn: 'ASC' }).load(learner.id);
  }

  @FieldResolver(() => [PriorLearningClaim], { description: 'The learner\'s prior-learning claims, for every program.' })
  priorLearningClaims(@Root() learner: Learner, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PriorLearningClaim, 'learnerId').load(learner.id);
  }
}

/** An award cannot claim a mastery level above the top of the credential's rubric. */
async function assertLevelOnRubric(em: EntityManager, award: Award): Promise<void> {
  if (award.masteryLevel === null || award.masteryLevel === undefined) return;
  const [{ top }] = await em.query(`SELECT max(level)::int AS top FROM rubric_level WHERE credential_id = $1`, [award.credentialId]);
  if (top !== null && award.masteryLevel > top) {
    throw UserInputFailure.of(['input', 'masteryLevel'], `The rubric of this credential goes up to level ${top}`, ErrorCode.OUT_OF_RANGE);
  }
}

/** An award date after today is a typo unless the award is said to be planned. */
function assertNotFuture(award: Award, previous: Award | null, input: Record<string, unknown>): void {
  const moved = previous === null || previous.awardedOn !== award.awardedOn;
  if (moved && award.awardedOn > todayIso() && input.planned !== true) {
    throw UserInputFailure.of(['input', 'awardedOn'], `${award.awardedOn} is after today: say planned: true for an award not yet earned`, ErrorCode.AWARD_DATE_IN_FUTURE);
  }
}

/**
 * Awards and claims are part of the learner's record: each change locks the learner, checks the
 * revision it was based on (required to add or remove one) and counts the change.
 */
const touchLearner = (em: EntityManager, learnerId: number, expectedRevision?: unknown) =>
  touchRevision(em, Learner, learnerId, expectedRevision as number | undefined, 'learner');

const AwardRevokePayload = payloadType('AwardRevokePayload', 'award', Award);

@Resolver(() => Award)
export class AwardResolver extends crudResolver({
  entity: Award,
  createInput: AwardCreateInput,
  updateInput: AwardUpdateInput,
  hooks: {
    beforeSave: async (em, award, _ctx, previous, input) => {
      assertNotFuture(award, previous, input);
      await assertLevelOnRubric(em, award);
      await touchLearner(em, award.learnerId, input.expectedRevision);
    },
    beforeDelete: async (em, award, _ctx, input) => {
      await touchLearner(em, award.learnerId, input.expectedRevision);
    },
    virtualFields: ['planned', 'expectedRevision'],
    // Issuing an award signs its Open Badges credential; a changed award gets a new one.
    afterSave: async (em, award) => {
      await issueAwardCredential(em, award, { replace: true });
    },
  },
  versionedDelete: true,
}) {
  @Mutation(() => AwardRevokePayload, { description: 'Revokes an award: it stops counting toward routes evaluated on or after revokedOn, and the status list shows it revoked at once.' })
  awardRevoke(@Arg('input', () => AwardRevokeInput, { description: 'Which award, why, and from when.' }) input: AwardRevokeInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const { reason, revokedOn = todayIso() } = await decodeInput(input);
      const id = decodeId(input.id, ['Award'], ['input', 'id']);
      const award = await em.getRepository(Award).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!award) throw UserInputFailure.of(['input', 'id'], 'No Award has that ID', ErrorCode.NOT_FOUND);
      await assertCanWrite(ctx, em, award);
      if (award.revokedAt !== null) throw UserInputFailure.of(['input', 'id'], 'Already revoked', ErrorCode.INVALID_STATE);
      if (revokedOn < award.awardedOn) throw UserInputFailure.of(['input', 'revokedOn'], `Must not be before the award date ${award.awardedOn}`, ErrorCode.OUT_OF_RANGE);
      if (revokedOn > todayIso()) throw UserInputFailure.of(['input', 'revokedOn'], 'Must not be after today', ErrorCode.OUT_OF_RANGE);
      Object.assign(award, { revokedAt: new Date(), revokedOn, revocationReason: reason });
      await touchLearner(em, award.learnerId);
      return { value: await em.save(award) };
    }, { value: null });
  }

  @FieldResolver(() => Learner, { description: 'Who earned it.' })
  learner(@Root() award: Award, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Learner).load(award.learnerId);
  }

  @FieldResolver(() => Credential, { description: 'The credential earned.' })
  credential(@Root() award: Award, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, award.credentialId);
  }

  @FieldResolver(() => RubricLevel, { nullable: true, description: 'The rubric level reached, when the credential has a rubric.' })
  async rubricLevel(@Root() award: Award, @Ctx() ctx: Context) {
    if (award.masteryLevel === null) return null;
    const levels = await ctx.loaders.manyBy(RubricLevel, 'credentialId', { level: 'ASC' }).load(award.credentialId);
    return levels.find((level) => level.level === award.masteryLevel) ?? null;
  }
}

const ApprovePayload = payloadType('PriorLearningClaimApprovePayload', 'priorLearningClaim', PriorLearningClaim);
const DenyPayload = payloadType('PriorLearningClaimDenyPayload', 'priorLearningClaim', PriorLearningClaim);

async function decide(ctx: Context, em: EntityManager, globalId: string, decision: Partial<PriorLearningClaim>): Promise<PriorLearningClaim> {
  const id = decodeId(globalId, ['PriorLearningClaim'], ['input', 'id']);
  const claim = await em.getRepository(PriorLearningClaim).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!claim) throw UserInputFailure.of(['input', 'id'], 'No prior-learning claim has that ID', ErrorCode.NOT_FOUND);
  if (!(await mayDecideClaim(ctx, em, claim))) throw denial(ctx);
  if (claim.status !== ClaimStatus.SUBMITTED) throw UserInputFailure.of(['input', 'id'], `The claim was already ${claim.status.toLowerCase()}`, ErrorCode.INVALID_STATE);
  await touchLearner(em, claim.learnerId);
  return em.save(Object.assign(claim, decision, { decidedAt: new Date() }));
}

@Resolver(() => PriorLearningClaim)
export class PriorLearningClaimResolver extends crudResolver({
  entity: PriorLearningClaim,
  createInput: PriorLearningClaimCreateInput,
  updateInput: PriorLearningClaimUpdateInput,
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(em, claim, _ctx, previous, input) {
      if (previous && previous.status !== ClaimStatus.SUBMITTED) {
        throw UserInputFailure.of(['input', 'id'], 'Only a submitted claim can be changed', ErrorCode.INVALID_STATE);
      }
      await touchLearner(em, claim.learnerId, input.expectedRevision);
    },
    async beforeDelete(em, claim, _ctx, input) {
      await touchLearner(em, claim.learnerId, input.expectedRevision);
    },
  },
  versionedDelete: true,
}) {
  @Mutation(() => ApprovePayload, { description: 'Approves a submitted claim with the credits it is worth; by staff of the program\'s institution.' })
  priorLearningClaimApprove(@Arg('input', () => PriorLearningClaimApproveInput, { description: 'Which claim, the credits granted and why.' }) input: PriorLearningClaimApproveInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const data = await decodeInput(input);
      return { value: await decide(ctx, em, input.id, { status: ClaimStatus.APPROVED, creditsApproved: data.creditsApproved, decisionReason: data.reason ?? null }) };
    }, { value: null });
  }

  @Mutation(() => DenyPayload, { description: 'Denies a submitted claim, with the reason.' })
  priorLearningClaimDeny(@Arg('input', () => PriorLearningClaimDenyInput, { description: 'Which claim and why it is denied.' }) input: PriorLearningClaimDenyInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const data = await decodeInput(input);
      return { value: await decide(ctx, em, input.id, { status: ClaimStatus.DENIED, creditsApproved: null, decisionReason: data.reason }) };
    }, { value: null });
  }

  @FieldResolver(() => Learner, { description: 'Who made the claim.' })
  learner(@Root() claim: PriorLearningClaim, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Learner).load(claim.learnerId);
  }

  @FieldResolver(() => DegreeProgram, { description: 'The program the credit is asked for.' })
  degreeProgram(@Root() claim: PriorLearningClaim, @Ctx() ctx: Context) {
    return ctx.loaders.one(DegreeProgram, claim.degreeProgramId);
  }
}
