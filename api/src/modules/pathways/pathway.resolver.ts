import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { actsForInstitution, assertCanWrite, denial, isAdmin } from '../../core/access';
import { Role } from '../../core/viewer';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, CrudHooks, filterId, payloadType } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { decodeId, decodeInput } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { todayIso } from '../../core/scalars';
import { Credential } from '../credentials/credential.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Occupation } from '../occupations/occupation.entity';
import { OutcomeReport } from '../outcomes/outcome-report.entity';
import { Endorsement } from './endorsement.entity';
import { Pathway, PathwayStatus } from './pathway.entity';
import { PathwayDestination } from './pathway-destination.entity';
import { assertRevision } from '../../core/revision';
import { assertEditable, touchPathway } from './pathway-edit.service';
import { assertRequiredCountFits, closeGapAfter, placeStage } from './stage-order.service';
import {
  EndorsementCreateInput,
  EndorsementHideInput,
  EndorsementUnhideInput,
  EndorsementUpdateInput,
  PathwayCreateInput,
  PathwayDestinationCreateInput,
  PathwayDestinationUpdateInput,
  PathwayFilter,
  PathwayOffRampCreateInput,
  PathwayOffRampUpdateInput,
  PathwayOrderField,
  PathwayPartnerCreateInput,
  PathwayPartnerUpdateInput,
  PathwayStageCreateInput,
  PathwayStagesReorderInput,
  PathwayStageUpdateInput,
  PathwayUpdateInput,
  StageCredentialCreateInput,
  StageCredentialUpdateInput,
} from './pathway.inputs';
import { PathwayOffRamp } from './pathway-off-ramp.entity';
import { PathwayPartner } from './pathway-partner.entity';
import { PathwayStage, StageRequirement } from './pathway-stage.entity';
import { StageCredential } from './stage-credential.entity';
import { ImmutableData } from '../../core/public-data';

type Versioned = Record<string, unknown> & { expectedRevision?: number | null };

/**
 * Hooks for rows that belong to a version: each change locks, checks and bumps the version.
 * `validate` holds the row's own rules, checked before the version is touched.
 */
function versionedRowHooks<T extends { id: number }>(
  pathwayIdOf: (em: EntityManager, row: T) => Promise<number | null>,
  validate?: (row: T) => void,
): CrudHooks<T> {
  return {
    virtualFields: ['expectedRevision'],
    async beforeSave(em, row, _ctx, _previous, input: Versioned) {
      validate?.(row);
      const pathwayId = await pathwayIdOf(em, row);
      if (pathwayId !== null) await touchPathway(em, pathwayId, input.expectedRevision);
    },
    async beforeDelete(em, row, _ctx, input) {
      const pathwayId = await pathwayIdOf(em, row);
      if (pathwayId !== null) await touchPathway(em, pathwayId, input.expectedRevision);
    },
  };
}

/** ceterms:ComponentCondition: AT_LEAST names how many, ALL must not. */
function assertStageRequirement(stage: PathwayStage): void {
  if (stage.requirement === StageRequirement.AT_LEAST && stage.requiredCount == null) {
    throw UserInputFailure.of(['input', 'requiredCount'], 'Say how many of the stage\'s credentials are required', ErrorCode.REQUIRED);
  }
  if (stage.requirement !== StageRequirement.AT_LEAST && stage.requiredCount != null) {
    throw UserInputFailure.of(['input', 'requiredCount'], 'Only an "at least N of them" stage takes a number required', ErrorCode.INVALID);
  }
}

const directly = async (_em: EntityManager, row: { pathwayId: number }) => row.pathwayId;
const throughStage = async (em: EntityManager, row: { stageId: number }) => (await em.getRepository(PathwayStage).findOneBy({ id: row.stageId }))?.pathwayId ?? null;

@Resolver(() => Pathway)
export class PathwayResolver extends crudResolver({
  entity: Pathway,
  createInput: PathwayCreateInput,
  updateInput: PathwayUpdateInput,
  // The public reads published versions only, and publishing freezes a version.
  immutableById: true,
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(_em, pathway, _ctx, previous, input) {
      if (!previous) return;
      assertEditable(previous);
      assertRevision(previous, input.expectedRevision as number, 'pathway');
      pathway.revision = previous.revision + 1;
    },
    async beforeDelete(_em, pathway, _ctx, input) {
      assertEditable(pathway);
      assertRevision(pathway, input.expectedRevision, 'pathway');
    },
  },
  versionedDelete: true,
  list: {
    name: 'pathways',
    filter: PathwayFilter,
    orderFields: PathwayOrderField,
    orderColumn: { TITLE: 'title', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', REVIEW_DUE_ON: 'reviewDueOn' },
    defaultOrder: PathwayOrderField.TITLE,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.title ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.status) qb.andWhere('row.status = :status', { status: filter.status });
      if (filter.institutionId) qb.andWhere('row.ownerInstitutionId = :institutionId', { institutionId: filterId(filter.institutionId, 'Institution') });
      if (filter.occupationId) {
        qb.andWhere('row.id IN (SELECT pathway_id FROM pathway_destination WHERE occupation_id = :occupationId)', { occupationId: filterId(filter.occupationId, 'Occupation') });
      }
      if (filter.employerId) {
        qb.andWhere('row.id IN (SELECT pathway_id FROM pathway_partner WHERE employer_id = :employerId)', { employerId: filterId(filter.employerId, 'Employer') });
      }
      if (filter.region) qb.andWhere('row.ownerInstitutionId IN (SELECT id FROM institution WHERE region = :region)', { region: filter.region });
      if (filter.lineageId) qb.andWhere('row.lineageId = :lineageId', { lineageId: filter.lineageId });
      if (filter.reviewOverdue) qb.andWhere("row.reviewDueOn < :today AND row.status <> 'RETIRED'", { today: todayIso() });
    },
  },
}) {
  @ImmutableData()
  @FieldResolver(() => Institution, { description: 'The institution that owns and publishes the pathway.' })
  ownerInstitution(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.one(Institution, pathway.ownerInstitutionId);
  }

  @ImmutableData()
  @FieldResolver(() => [PathwayStage], { description: 'Stages in order.' })
  stages(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayStage, 'pathwayId', { position: 'ASC' }).load(pathway.id);
  }

  @ImmutableData()
  @FieldResolver(() => [PathwayDestination], { description: 'Links to the destination occupations, for editing.' })
  destinationLinks(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayDestination, 'pathwayId').load(pathway.id);
  }

  @ImmutableData()
  @FieldResolver(() => [Occupation], { description: 'The occupations the pathway leads to.' })
  async destinations(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    const links = await this.destinationLinks(pathway, ctx);
    return (await ctx.loaders.byId(Occupation).loadMany(links.map((link) => link.occupationId))).filter((o): o is Occupation => o instanceof Occupation);
  }

  @ImmutableData()
  @FieldResolver(() => [PathwayOffRamp], { description: 'Credentials partway through that already lead to a job.' })
  offRamps(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayOffRamp, 'pathwayId').load(pathway.id);
  }

  @ImmutableData()
  @FieldResolver(() => [PathwayPartner], { description: 'The employers co-designing the pathway, with their roles.' })
  partners(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayPartner, 'pathwayId').load(pathway.id);
  }

  @FieldResolver(() => [Endorsement], { description: 'Newest first.' })
  endorsements(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Endorsement, 'pathwayId', { endorsedOn: 'DESC' }).load(pathway.id);
  }

  @ImmutableData()
  @FieldResolver(() => [Credential], { description: 'Every credential of every stage, in stage order.' })
  async credentials(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    const stages = await this.stages(pathway, ctx);
    const entries = (await ctx.loaders.manyBy(StageCredential, 'stageId', { position: 'ASC' }).loadMany(stages.map((s) => s.id))).flatMap((e) => (Array.isArray(e) ? e : []));
    const ids = [...new Set(entries.map((entry) => entry.credentialId))];
    return (await ctx.loaders.byId(Credential).loadMany(ids)).filter((c): c is Credential => c instanceof Credential);
  }

  @FieldResolver(() => [OutcomeReport], { description: 'Outcomes per cohort; small counts are suppressed outside the owning institution.' })
  outcomes(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(OutcomeReport, 'pathwayId', { cohort: 'ASC' }).load(pathway.id);
  }
}

const ReorderPayload = payloadType('PathwayStagesReorderPayload', 'pathway', Pathway);

@Resolver(() => PathwayStage)
export class PathwayStageResolver extends crudResolver({
  entity: PathwayStage,
  createInput: PathwayStageCreateInput,
  updateInput: PathwayStageUpdateInput,
  hooks: {
    virtualFields: ['expectedRevision'],
    async beforeSave(em, stage, _ctx, previous, input: Versioned) {
      assertStageRequirement(stage);
      await touchPathway(em, stage.pathwayId, input.expectedRevision);
      await placeStage(em, stage, previous);
      if (previous) await assertRequiredCountFits(em, stage, previous);
    },
    async beforeDelete(em, stage, _ctx, input) {
      await touchPathway(em, stage.pathwayId, input.expectedRevision);
      await closeGapAfter(em, stage);
    },
  },
  versionedDelete: true,
}) {
  @Mutation(() => ReorderPayload, { description: 'Puts the stages in the given order, numbering them from 1.' })
  pathwayStagesReorder(@Arg('input', () => PathwayStagesReorderInput, { description: 'The pathway, its revision and every stage in the new order.' }) input: PathwayStagesReorderInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const { expectedRevision } = await decodeInput(input);
      const pathwayId = decodeId(input.pathwayId, ['Pathway'], ['input', 'pathwayId']);
      const stageIds = input.stageIds.map((id) => decodeId(id, ['PathwayStage'], ['input', 'stageIds']));
      const pathway = await em.getRepository(Pathway).findOneBy({ id: pathwayId });
      if (!pathway) throw UserInputFailure.of(['input', 'pathwayId'], 'No Pathway has that ID', ErrorCode.NOT_FOUND);
      await assertCanWrite(ctx, em, pathway);
      // Stages first, then the version: the order a single-stage update locks them in, so a
      // concurrent stage edit waits for the reorder instead of deadlocking with it.
      const stages = await em.getRepository(PathwayStage).find({ where: { pathwayId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const touched = await touchPathway(em, pathwayId, expectedRevision);
      const current = new Set(stages.map((stage) => stage.id));
      if (stageIds.length !== current.size || new Set(stageIds).size !== stageIds.length || !stageIds.every((id) => current.has(id))) {
        throw UserInputFailure.of(['input', 'stageIds'], 'List every stage of the pathway exactly once', ErrorCode.INVALID);
      }
      const byId = new Map(stages.map((stage) => [stage.id, stage]));
      // One at a time: saving the array makes TypeORM send the updates concurrently on this one
      // connection, which pg deprecates. The deferred unique constraint allows the interim clashes.
      for (const [index, id] of stageIds.entries()) {
        await em.save(Object.assign(byId.get(id)!, { position: index + 1 }));
      }
      return { value: touched };
    }, { value: null });
  }

  @ImmutableData()
  @FieldResolver(() => Pathway, { description: 'The pathway version the stage belongs to.' })
  pathway(@Root() stage: PathwayStage, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(stage.pathwayId);
  }

  @ImmutableData()
  @FieldResolver(() => [StageCredential], { description: 'The stage\'s credential entries, for editing.' })
  entries(@Root() stage: PathwayStage, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(StageCredential, 'stageId', { position: 'ASC' }).load(stage.id);
  }

  @ImmutableData()
  @FieldResolver(() => [Credential], { description: 'The stage\'s credentials, in order.' })
  async credentials(@Root() stage: PathwayStage, @Ctx() ctx: Context) {
    const entries = await this.entries(stage, ctx);
    return (await ctx.loaders.byId(Credential).loadMany(entries.map((entry) => entry.credentialId))).filter((c): c is Credential => c instanceof Credential);
  }
}

@Resolver(() => StageCredential)
export class StageCredentialResolver extends crudResolver({
  entity: StageCredential,
  createInput: StageCredentialCreateInput,
  updateInput: StageCredentialUpdateInput,
  hooks: versionedRowHooks<StageCredential>(throughStage),
  versionedDelete: true,
}) {
  @ImmutableData()
  @FieldResolver(() => PathwayStage, { description: 'The stage it is placed in.' })
  stage(@Root() entry: StageCredential, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PathwayStage).load(entry.stageId);
  }

  @ImmutableData()
  @FieldResolver(() => Credential, { description: 'The credential placed in the stage.' })
  credential(@Root() entry: StageCredential, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, entry.credentialId);
  }
}

@Resolver(() => PathwayDestination)
export class PathwayDestinationResolver extends crudResolver({
  entity: PathwayDestination,
  createInput: PathwayDestinationCreateInput,
  updateInput: PathwayDestinationUpdateInput,
  hooks: versionedRowHooks<PathwayDestination>(directly),
  versionedDelete: true,
}) {
  @ImmutableData()
  @FieldResolver(() => Pathway, { description: 'The pathway version.' })
  pathway(@Root() link: PathwayDestination, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(link.pathwayId);
  }

  @ImmutableData()
  @FieldResolver(() => Occupation, { description: 'The occupation the pathway leads to.' })
  occupation(@Root() link: PathwayDestination, @Ctx() ctx: Context) {
    return ctx.loaders.one(Occupation, link.occupationId);
  }
}

@Resolver(() => PathwayOffRamp)
export class PathwayOffRampResolver extends crudResolver({
  entity: PathwayOffRamp,
  createInput: PathwayOffRampCreateInput,
  updateInput: PathwayOffRampUpdateInput,
  hooks: versionedRowHooks<PathwayOffRamp>(directly),
  versionedDelete: true,
}) {
  @ImmutableData()
  @FieldResolver(() => Pathway, { description: 'The pathway version.' })
  pathway(@Root() offRamp: PathwayOffRamp, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(offRamp.pathwayId);
  }

  @ImmutableData()
  @FieldResolver(() => Credential, { description: 'The credential partway through the pathway.' })
  credential(@Root() offRamp: PathwayOffRamp, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, offRamp.credentialId);
  }

  @ImmutableData()
  @FieldResolver(() => Occupation, { description: 'The job that credential already leads to.' })
  occupation(@Root() offRamp: PathwayOffRamp, @Ctx() ctx: Context) {
    return ctx.loaders.one(Occupation, offRamp.occupationId);
  }
}

@Resolver(() => PathwayPartner)
export class PathwayPartnerResolver extends crudResolver({
  entity: PathwayPartner,
  createInput: PathwayPartnerCreateInput,
  updateInput: PathwayPartnerUpdateInput,
  hooks: versionedRowHooks<PathwayPartner>(directly),
  versionedDelete: true,
}) {
  @ImmutableData()
  @FieldResolver(() => Pathway, { description: 'The pathway version.' })
  pathway(@Root() partner: PathwayPartner, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(partner.pathwayId);
  }

  @ImmutableData()
  @FieldResolver(() => Employer, { description: 'The partner employer.' })
  employer(@Root() partner: PathwayPartner, @Ctx() ctx: Context) {
    return ctx.loaders.one(Employer, partner.employerId);
  }
}

const EndorsementHidePayload = payloadType('EndorsementHidePayload', 'endorsement', Endorsement);
const EndorsementUnhidePayload = payloadType('EndorsementUnhidePayload', 'endorsement', Endorsement);

const ENDORSABLE = new Set([PathwayStatus.IN_REVIEW, PathwayStatus.APPROVED, PathwayStatus.PUBLISHED]);

@Resolver(() => Endorsement)
export class EndorsementResolver extends crudResolver({
  entity: Endorsement,
  createInput: EndorsementCreateInput,
  updateInput: EndorsementUpdateInput,
  hooks: {
    async beforeSave(em, endorsement) {
      const pathway = await em.getRepository(Pathway).findOneBy({ id: endorsement.pathwayId });
      if (pathway && !ENDORSABLE.has(pathway.status)) {
        throw UserInputFailure.of(['input', 'pathwayId'], `A ${pathway.status === 'DRAFT' ? 'draft' : pathway.status.toLowerCase().replace(/_/g, ' ')} version cannot be endorsed; submit it for review first`, ErrorCode.INVALID_STATE);
      }
      if (endorsement.expiresOn && endorsement.endorsedOn && endorsement.expiresOn < endorsement.endorsedOn) {
        throw UserInputFailure.of(['input', 'expiresOn'], 'An endorsement cannot expire before it is given', ErrorCode.OUT_OF_RANGE);
      }
    },
  },
}) {
  @FieldResolver(() => Pathway, { description: 'The pathway version endorsed.' })
  pathway(@Root() endorsement: Endorsement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(endorsement.pathwayId);
  }

  @FieldResolver(() => Employer, { description: 'The endorsing employer.' })
  employer(@Root() endorsement: Endorsement, @Ctx() ctx: Context) {
    return ctx.loaders.one(Employer, endorsement.employerId);
  }

  @FieldResolver(() => Boolean, { description: 'Not revoked and not expired today.' })
  current(@Root() endorsement: Endorsement) {
    return endorsement.revokedAt === null && (endorsement.expiresOn === null || endorsement.expiresOn >= todayIso());
  }

  @Mutation(() => EndorsementHidePayload, { description: 'Hides an endorsement from the public, with a reason; by the staff of the college that owns the pathway. The employer\'s statement stays, and it still sees it.' })
  endorsementHide(@Arg('input', () => EndorsementHideInput, { description: 'The endorsement and why it is hidden.' }) input: EndorsementHideInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const id = decodeId(input.id, ['Endorsement'], ['input', 'id']);
      const { reason } = await decodeInput(input);
      return { value: await setHidden(ctx, em, id, reason.trim()) };
    }, { value: null });
  }

  @Mutation(() => EndorsementUnhidePayload, { description: 'Shows a hidden endorsement to the public again; by the staff of the college that owns the pathway.' })
  endorsementUnhide(@Arg('input', () => EndorsementUnhideInput, { description: 'The endorsement to show again.' }) input: EndorsementUnhideInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => ({ value: await setHidden(ctx, em, decodeId(input.id, ['Endorsement'], ['input', 'id']), null) }), { value: null });
  }
}

/** Hides an endorsement with the reason given, or shows it again (null). */
async function setHidden(ctx: Context, em: EntityManager, id: number, reason: string | null): Promise<Endorsement> {
  const endorsement = await em.getRepository(Endorsement).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  if (!endorsement) throw UserInputFailure.of(['input', 'id'], 'No Endorsement has that ID', ErrorCode.NOT_FOUND);
  const pathway = await em.getRepository(Pathway).findOneBy({ id: endorsement.pathwayId });
  const owner = ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, pathway?.ownerInstitutionId);
  if (!isAdmin(ctx) && !owner) throw denial(ctx);
  if (reason === '') throw UserInputFailure.of(['input', 'reason'], 'Say why it is hidden', ErrorCode.REQUIRED);
  endorsement.hiddenAt = reason === null ? null : (endorsement.hiddenAt ?? new Date());
  endorsement.hiddenReason = reason;
  return em.save(endorsement);
}

