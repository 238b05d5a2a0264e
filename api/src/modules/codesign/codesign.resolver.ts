import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCanWrite, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { payloadType } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { decodeId, decodeInput } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { Role, User } from '../accounts/user.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Credential } from '../credentials/credential.entity';
import { LearningOutcome } from '../credentials/learning-outcome.entity';
import { Pathway, PathwayStatus } from '../pathways/pathway.entity';
import { PartnerRole } from '../pathways/pathway-partner.entity';
import { PathwayStage } from '../pathways/pathway-stage.entity';
import { Competency } from '../standards/competency.entity';
import {
  CompetencyCoverage,
  Coverage,
  CoverageSource,
  PathwayCommentAddInput,
  PathwayCommentResolveInput,
  PathwayRequestChangesInput,
  PathwayApproveInput,
  PathwayStartInput,
  PathwayStepInput,
  PathwayPublishInput,
  PathwayRetireInput,
  PathwayStartRevisionInput,
  PathwaySubmitForReviewInput,
  PublishReadiness,
} from './codesign.types';
import { coverage } from './coverage.service';
import { lockPathway, startPathway, startRevision, Step, transition } from './lifecycle.service';
import { PathwayComment } from './pathway-comment.entity';
import { publishReadiness } from './readiness.service';

const step = (name: string) => payloadType(`Pathway${name}Payload`, 'pathway', Pathway);
const SubmitPayload = step('SubmitForReview');
const RequestChangesPayload = step('RequestChanges');
const ApprovePayload = step('Approve');
const PublishPayload = step('Publish');
const RetirePayload = step('Retire');
const StartRevisionPayload = step('StartRevision');
const StartPayload = step('Start');
const CommentAddPayload = payloadType('PathwayCommentAddPayload', 'comment', PathwayComment);
const CommentResolvePayload = payloadType('PathwayCommentResolvePayload', 'comment', PathwayComment);

function move(ctx: Context, input: { id: string }, name: Step, note?: string) {
  return runMutation(ctx, async (em) => ({ value: await transition(ctx, em, decodeId(input.id, ['Pathway'], ['input', 'id']), name, note) }), { value: null });
}

@Resolver(() => Pathway)
export class PathwayLifecycleResolver {
  @Mutation(() => SubmitPayload, { description: 'DRAFT or CHANGES_REQUESTED → IN_REVIEW; by a partner or the owning institution.' })
  pathwaySubmitForReview(@Arg('input', () => PathwaySubmitForReviewInput, { description: 'The version to submit.' }) input: PathwayStepInput, @Ctx() ctx: Context) {
    return move(ctx, input, 'submitForReview');
  }

  @Mutation(() => RequestChangesPayload, { description: 'IN_REVIEW → CHANGES_REQUESTED; by a validating partner, with a change request.' })
  async pathwayRequestChanges(@Arg('input', () => PathwayRequestChangesInput, { description: 'The version and what should change.' }) input: PathwayRequestChangesInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const { note } = await decodeInput(input);
      return { value: await transition(ctx, em, decodeId(input.id, ['Pathway'], ['input', 'id']), 'requestChanges', note) };
    }, { value: null });
  }

  @Mutation(() => ApprovePayload, { description: 'IN_REVIEW → APPROVED; by a validating partner.' })
  pathwayApprove(@Arg('input', () => PathwayApproveInput, { description: 'The version to approve.' }) input: PathwayStepInput, @Ctx() ctx: Context) {
    return move(ctx, input, 'approve');
  }

  @Mutation(() => PublishPayload, { description: 'APPROVED → PUBLISHED; by the owning institution, when every publish check passes. Freezes the version.' })
  pathwayPublish(@Arg('input', () => PathwayPublishInput, { description: 'The version to publish.' }) input: PathwayStepInput, @Ctx() ctx: Context) {
    return move(ctx, input, 'publish');
  }

  @Mutation(() => RetirePayload, { description: 'PUBLISHED → RETIRED; by the owning institution.' })
  pathwayRetire(@Arg('input', () => PathwayRetireInput, { description: 'The version to retire.' }) input: PathwayStepInput, @Ctx() ctx: Context) {
    return move(ctx, input, 'retire');
  }

  @Mutation(() => StartPayload, { description: 'Starts a new pathway as a draft: its destination occupation, owning college and employer partners, in one step.' })
  pathwayStart(@Arg('input', () => PathwayStartInput, { description: 'The destination occupation, owning college, title and partners.' }) input: PathwayStartInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const data = await decodeInput(input);
      const partners = (input.partners ?? []).map((partner, index) => {
        const field = ['input', 'partners', String(index), 'employerId'];
        return { employerId: decodeId(partner.employerId, ['Employer'], field), role: partner.role, field };
      });
      const pathway = await startPathway(ctx, em, {
        occupationId: data.occupationId as unknown as number,
        ownerInstitutionId: data.ownerInstitutionId as unknown as number,
        title: data.title?.trim() || null,
        partners,
      });
      return { value: pathway };
    }, { value: null });
  }

  @Mutation(() => StartRevisionPayload, { description: 'Starts the next version of a published pathway as a draft copy; the published one stays until the new one is published.' })
  pathwayStartRevision(@Arg('input', () => PathwayStartRevisionInput, { description: 'The published version to copy.' }) input: PathwayStepInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => ({ value: await startRevision(ctx, em, decodeId(input.id, ['Pathway'], ['input', 'id'])) }), { value: null });
  }

  @Query(() => [Pathway], { description: 'Versions in review that the viewer\'s employer validates (every one for an admin), the earliest review date first; at most 50.' })
  async pathwayReviewQueue(@Ctx() ctx: Context): Promise<Pathway[]> {
    const admin = isAdmin(ctx);
    if (!admin && ctx.viewer.role !== Role.EMPLOYER_PARTNER) return [];
    const qb = ctx.db.getRepository(Pathway).createQueryBuilder('p').where('p.status = :status', { status: PathwayStatus.IN_REVIEW });
    if (!admin) {
      qb.andWhere('p.id IN (SELECT pathway_id FROM pathway_partner WHERE employer_id = :employer AND role = :role)', { employer: ctx.viewer.employerId, role: PartnerRole.VALIDATOR });
    }
    return qb.orderBy('p.reviewDueOn', 'ASC', 'NULLS LAST').addOrderBy('p.updatedAt', 'ASC').take(50).getMany();
  }

  @FieldResolver(() => [Pathway], { description: 'Every version of this pathway the viewer may see, oldest first.' })
  versions(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders
      .custom('pathway.versions', (db) =>
        new DataLoader<string, Pathway[]>(async (lineages) => {
          const rows = await db.getRepository(Pathway).createQueryBuilder('p').where('p.lineageId IN (:...lineages)', { lineages }).orderBy('p.version').getMany();
          return lineages.map((lineage) => rows.filter((row) => row.lineageId === lineage));
        }),
      )
      .load(pathway.lineageId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who approved this version, with their employer, from the audit log; shown to signed-in people only.' })
  async approvedBy(@Root() pathway: Pathway, @Ctx() ctx: Context): Promise<string | null> {
    if (ctx.viewer.role === Role.PUBLIC) return null;
    return ctx.loaders
      .custom('pathway.approvedBy', (db) =>
        new DataLoader<number, string | null>(async (ids) => {
          const rows: { recordId: number; name: string | null; employer: string | null; role: string }[] = await db.query(
            `SELECT DISTINCT ON (a.record_id) a.record_id AS "recordId", u.display_name AS name, e.name AS employer, a.role::text AS role
               FROM audit_entry a LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN employer e ON e.id = u.employer_id
              WHERE a.record_type = 'Pathway' AND a.mutation = 'pathwayApprove' AND a.record_id = ANY($1)
              ORDER BY a.record_id, a.id DESC`,
            [ids],
          );
          const byId = new Map(rows.map((row) => [row.recordId, row.employer ? `${row.name ?? 'Someone'} (${row.employer})` : (row.name ?? (row.role === 'ADMIN' ? 'An administrator' : 'Someone'))]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
      )
      .load(pathway.id);
  }

  @FieldResolver(() => PublishReadiness, { description: 'Whether this version may be published, and the checks still unmet.' })
  async publishReadiness(@Root() pathway: Pathway, @Ctx() ctx: Context): Promise<PublishReadiness> {
    const checks = await ctx.loaders.custom('pathway.readiness', (db) => new DataLoader(async (ids: readonly number[]) => {
      const results = await publishReadiness(db.manager, ids);
      return ids.map((id) => results.get(id) ?? []);
    })).load(pathway.id);
    const unmet = checks.filter((check) => !check.passed);
    return { ready: unmet.length === 0, checks, unmet };
  }

  @FieldResolver(() => Coverage, { description: 'How much of the destination occupations\' core competencies the pathway\'s credentials cover.' })
  async coverage(@Root() pathway: Pathway, @Ctx() ctx: Context): Promise<Coverage> {
    const result = await ctx.loaders.custom('pathway.coverage', (db) => new DataLoader(async (ids: readonly number[]) => {
      const results = await coverage(db.manager, ids);
      return ids.map((id) => results.get(id)!);
    })).load(pathway.id);
    return { coreCount: result.coreCount, coveredCount: result.coveredCount, ratio: result.ratio, covered: result.covered, uncoveredEntries: result.uncovered };
  }

  @FieldResolver(() => [PathwayComment], { description: 'Comments and change requests, oldest first. Never shown to the public.' })
  comments(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayComment, 'pathwayId').load(pathway.id);
  }
}

@Resolver(() => Coverage)
export class CoverageResolver {
  @FieldResolver(() => [Competency], { description: 'Core competencies no EXACT or PARTIAL alignment reaches: what to add.' })
  async uncovered(@Root() result: Coverage, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.byId(Competency).loadMany(result.uncoveredEntries.map((entry) => entry.competencyId));
    return rows.filter((row): row is Competency => row instanceof Competency);
  }

  @FieldResolver(() => [CompetencyCoverage], { description: 'Uncovered core competencies that RELATED alignments reach: shown to the co-designers, not counted.' })
  relatedOnly(@Root() result: Coverage): CompetencyCoverage[] {
    return result.uncoveredEntries.filter((entry) => entry.by.length > 0);
  }
}

@Resolver(() => CompetencyCoverage)
export class CompetencyCoverageResolver {
  @FieldResolver(() => Competency, { description: 'The core competency.' })
  competency(@Root() entry: CompetencyCoverage, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(entry.competencyId);
  }
}

@Resolver(() => CoverageSource)
export class CoverageSourceResolver {
  @FieldResolver(() => Credential, { description: 'The credential of the pathway whose outcome aligns.' })
  credential(@Root() source: CoverageSource, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, source.credentialId);
  }

  @FieldResolver(() => LearningOutcome, { description: 'The aligned learning outcome.' })
  outcome(@Root() source: CoverageSource, @Ctx() ctx: Context) {
    return ctx.loaders.byId(LearningOutcome).load(source.outcomeId);
  }
}

@Resolver(() => PathwayComment)
export class PathwayCommentResolver {
  @Mutation(() => CommentAddPayload, { description: 'A comment or change request on a pathway version or one of its stages.' })
  pathwayCommentAdd(@Arg('input', () => PathwayCommentAddInput, { description: 'The version, optionally a stage, the kind and the text.' }) input: PathwayCommentAddInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const data = await decodeInput(input);
      const pathwayId = data.pathwayId as unknown as number;
      await lockPathway(ctx, em, pathwayId);
      const stageId = (data.stageId ?? null) as unknown as number | null;
      if (stageId !== null) {
        const stage = await em.getRepository(PathwayStage).findOneBy({ id: stageId });
        if (!stage || stage.pathwayId !== pathwayId) throw UserInputFailure.of(['input', 'stageId'], 'That stage is not part of this pathway', ErrorCode.INVALID);
      }
      const comment = em.getRepository(PathwayComment).create({ pathwayId, stageId, authorId: ctx.viewer.userId, kind: data.kind, body: data.body });
      await assertCanWrite(ctx, em, comment);
      return { value: await em.save(comment) };
    }, { value: null });
  }

  @Mutation(() => CommentResolvePayload, { description: 'Closes a comment or change request with a resolution.' })
  pathwayCommentResolve(@Arg('input', () => PathwayCommentResolveInput, { description: 'The comment and how it was closed.' }) input: PathwayCommentResolveInput, @Ctx() ctx: Context) {
    return runMutation(ctx, async (em) => {
      const data = await decodeInput(input);
      const id = decodeId(input.id, ['PathwayComment'], ['input', 'id']);
      const comment = await em.getRepository(PathwayComment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!comment) throw UserInputFailure.of(['input', 'id'], 'No comment has that ID', ErrorCode.NOT_FOUND);
      await assertCanWrite(ctx, em, comment);
      if (comment.resolution !== null) throw UserInputFailure.of(['input', 'id'], 'Already resolved', ErrorCode.INVALID_STATE);
      Object.assign(comment, { resolution: data.resolution, resolutionNote: data.note ?? null, resolvedAt: new Date() });
      return { value: await em.save(comment) };
    }, { value: null });
  }

  @FieldResolver(() => Pathway, { description: 'The pathway version commented on.' })
  pathway(@Root() comment: PathwayComment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(comment.pathwayId);
  }

  @FieldResolver(() => PathwayStage, { nullable: true, description: 'The stage it is about; null when about the whole version (or the stage was deleted).' })
  stage(@Root() comment: PathwayComment, @Ctx() ctx: Context) {
    return comment.stageId === null ? null : ctx.loaders.byId(PathwayStage).load(comment.stageId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The institution or employer the author acts for; null for admins and deleted accounts.' })
  async authorOrganization(@Root() comment: PathwayComment, @Ctx() ctx: Context) {
    const author = comment.authorId === null ? null : await ctx.loaders.byId(User).load(comment.authorId);
    if (author?.institutionId) return (await ctx.loaders.byId(Institution).load(author.institutionId))?.name ?? null;
    if (author?.employerId) return (await ctx.loaders.byId(Employer).load(author.employerId))?.name ?? null;
    return null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who wrote it.' })
  async authorName(@Root() comment: PathwayComment, @Ctx() ctx: Context) {
    return comment.authorId === null ? null : ((await ctx.loaders.byId(User).load(comment.authorId))?.displayName ?? null);
  }
}
