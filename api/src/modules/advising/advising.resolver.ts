import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { Context } from '../../core/context';
import { argumentId, decodeInput } from '../../core/input';
import { DateScalar, todayIso } from '../../core/scalars';
import { UserInputFailure } from '../../core/errors';
import { ArticulationAgreement } from '../articulation/articulation-agreement.entity';
import { DegreeProgram } from '../articulation/degree-program.entity';
import type { RoutePlan } from '../articulation/engine';
import { Credential } from '../credentials/credential.entity';
import { Award } from '../learners/award.entity';
import { AgreementChangeInput, AgreementImpact, ArticulationRoute, LearnerImpact, NextStep, RouteItem } from './advising.types';
import { agreementImpact, expiryImpact, ImpactReport, LearnerScope } from './impact.service';
import { denial, isAdmin } from '../../core/access';
import { addDays } from '../../core/dates';
import { Role } from '../accounts/user.entity';
import { Learner } from '../learners/learner.entity';
import { learnerRoutes, routeInto } from './advising.service';
import { programCatalogue } from './program-catalogue';

/** Runs an advising query; a learner that is not there becomes the query's NOT_FOUND error. */
async function advising<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof UserInputFailure ? new GraphQLError('No learner has that ID', { extensions: { code: 'NOT_FOUND' } }) : error;
  }
}

@Resolver(() => ArticulationRoute)
export class ArticulationRouteResolver {
  @Query(() => [ArticulationRoute], { description: 'One route for every program an active agreement or approved prior learning connects the learner to; most applied credit first.' })
  async learnerRoutes(
    @Arg('learnerId', () => ID, { description: 'Global ID of the learner.' }) learnerId: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RoutePlan[]> {
    const id = argumentId(learnerId, 'Learner', 'learnerId');
    return advising(learnerRoutes(ctx, programCatalogue(ctx.db), id, asOf ?? todayIso()));
  }

  @Query(() => ArticulationRoute, { nullable: true, description: 'The learner\'s route into one program.' })
  async route(
    @Arg('learnerId', () => ID, { description: 'Global ID of the learner.' }) learnerId: string,
    @Arg('degreeProgramId', () => ID, { description: 'Global ID of the degree program.' }) degreeProgramId: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RoutePlan | null> {
    const id = argumentId(learnerId, 'Learner', 'learnerId');
    return advising(
      routeInto(ctx, programCatalogue(ctx.db), id, asOf ?? todayIso(), () => ({ programId: argumentId(degreeProgramId, 'DegreeProgram', 'degreeProgramId'), addCredentialIds: [] })),
    );
  }

  @Query(() => ArticulationRoute, { nullable: true, description: 'The route as if the learner also held these credentials; writes nothing.' })
  async whatIf(
    @Arg('learnerId', () => ID, { description: 'Global ID of the learner.' }) learnerId: string,
    @Arg('degreeProgramId', () => ID, { description: 'Global ID of the degree program.' }) degreeProgramId: string,
    @Arg('addCredentialIds', () => [ID], { description: 'Global IDs of credentials to suppose earned, at most 50.' }) addCredentialIds: string[],
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RoutePlan | null> {
    const id = argumentId(learnerId, 'Learner', 'learnerId');
    return advising(
      routeInto(ctx, programCatalogue(ctx.db), id, asOf ?? todayIso(), () => {
        if (addCredentialIds.length > 50) throw new GraphQLError('At most 50 credentials at a time', { extensions: { code: 'BAD_USER_INPUT' } });
        return {
          programId: argumentId(degreeProgramId, 'DegreeProgram', 'degreeProgramId'),
          addCredentialIds: addCredentialIds.map((credential) => argumentId(credential, 'Credential', 'addCredentialIds')),
        };
      }),
    );
  }

  @FieldResolver(() => [NextStep], { description: 'Credentials worth earning next, best first: credits per workload hour, then credits, then title.' })
  nextSteps(@Root() route: RoutePlan, @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 100.' }) first: number): NextStep[] {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new GraphQLError('first must be between 1 and 100', { extensions: { code: 'BAD_USER_INPUT' } });
    return route.nextSteps(first);
  }

  @FieldResolver(() => DegreeProgram, { description: 'The program this route leads into.' })
  degreeProgram(@Root() route: RoutePlan, @Ctx() ctx: Context) {
    return ctx.loaders.one(DegreeProgram, route.programId);
  }

  @FieldResolver(() => [Credential], { description: 'Credentials of the block pathways\' unsatisfied stages that the learner holds no valid award for.' })
  async missingCredentials(@Root() route: RoutePlan, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.byId(Credential).loadMany(route.missingCredentialIds);
    return rows.filter((row): row is Credential => row instanceof Credential);
  }
}

@Resolver(() => RouteItem)
export class RouteItemResolver {
  @FieldResolver(() => Award, { nullable: true, description: 'Null for a hypothetical award in a what-if.' })
  award(@Root() item: RouteItem, @Ctx() ctx: Context) {
    return item.awardId === null ? null : ctx.loaders.byId(Award).load(item.awardId);
  }

  @FieldResolver(() => Credential, { description: 'The credential the award is for.' })
  credential(@Root() item: RouteItem, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, item.credentialId);
  }

  @FieldResolver(() => ArticulationAgreement, { nullable: true, description: 'The agreement of the mapping the award counts through or fails on; null when no counting agreement maps the credential.' })
  agreement(@Root() item: RouteItem, @Ctx() ctx: Context) {
    return item.agreementId === null ? null : ctx.loaders.byId(ArticulationAgreement).load(item.agreementId);
  }
}

@Resolver(() => NextStep)
export class NextStepResolver {
  @FieldResolver(() => Credential, { description: 'The credential to earn.' })
  credential(@Root() step: NextStep, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, step.credentialId);
  }
}

/** Registrars: staff of the program's institution, and admins. */
async function assertRegistrarOf(ctx: Context, programInstitutionId: number | null): Promise<void> {
  if (isAdmin(ctx)) return;
  if (ctx.viewer.role !== Role.INSTITUTION_STAFF || programInstitutionId === null || ctx.viewer.institutionId !== programInstitutionId) throw denial(ctx);
}

/** Staff weigh a change against their own institution's learners only; admins against everyone's. */
function learnerScope(ctx: Context): LearnerScope {
  return isAdmin(ctx) ? 'all' : { institutionId: ctx.viewer.institutionId ?? -1 };
}

@Resolver(() => AgreementImpact)
export class AgreementImpactResolver {
  @Query(() => AgreementImpact, { description: 'Whose applied credit a proposed change to an agreement would change, before and after. Writes nothing.' })
  async agreementImpact(
    @Arg('agreementId', () => ID, { description: 'Global ID of the articulation agreement.' }) agreementId: string,
    @Arg('change', () => AgreementChangeInput, { description: 'The proposed change; omitted fields stay as they are.' }) change: AgreementChangeInput,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<ImpactReport> {
    const id = argumentId(agreementId, 'ArticulationAgreement', 'agreementId');
    const agreement = await ctx.loaders.byId(ArticulationAgreement).load(id);
    const program = agreement ? await ctx.loaders.byId(DegreeProgram).load(agreement.degreeProgramId) : null;
    await assertRegistrarOf(ctx, program?.institutionId ?? null);
    if (!agreement) throw new GraphQLError('No agreement has that ID', { extensions: { code: 'NOT_FOUND' } });
    try {
      await decodeInput(change, ['change']);
    } catch (error) {
      if (error instanceof UserInputFailure) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', userErrors: error.userErrors } });
      throw error;
    }
    const credits = new Map((change.credits ?? []).map((entry) => [argumentId(entry.credentialId, 'Credential', 'change.credits.credentialId'), entry.credits]));
    return agreementImpact(ctx.db.manager, id, agreement.degreeProgramId, {
      status: change.status ?? undefined,
      effectiveTo: change.clearEffectiveTo ? null : (change.effectiveTo ?? undefined),
      credits,
    }, asOf ?? todayIso(), learnerScope(ctx));
  }

  @Query(() => [AgreementImpact], { description: 'For each active agreement ending within N days: who loses credit the day after it ends.' })
  async expiringAgreementImpacts(@Arg('withinDays', () => Int, { description: 'How many days ahead to look, 0 to 3660.' }) withinDays: number, @Ctx() ctx: Context): Promise<ImpactReport[]> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3660) {
      throw new GraphQLError('withinDays must be between 0 and 3660', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (!isAdmin(ctx) && ctx.viewer.role !== Role.INSTITUTION_STAFF) throw denial(ctx);
    const today = todayIso();
    const rows: { id: number; degree_program_id: number; effective_to: string }[] = await ctx.db.query(
      `SELECT a.id, a.degree_program_id, a.effective_to FROM articulation_agreement a JOIN degree_program p ON p.id = a.degree_program_id
        WHERE a.status = 'ACTIVE' AND a.effective_to BETWEEN $1 AND $2 AND ($3::int IS NULL OR p.institution_id = $3)
        ORDER BY a.effective_to, a.id`,
      [today, addDays(today, withinDays), isAdmin(ctx) ? null : ctx.viewer.institutionId],
    );
    const reports: ImpactReport[] = [];
    for (const row of rows) reports.push(await expiryImpact(ctx.db.manager, row.id, row.degree_program_id, row.effective_to, learnerScope(ctx)));
    return reports;
  }

  @FieldResolver(() => ArticulationAgreement, { description: 'The agreement whose change is assessed.' })
  agreement(@Root() report: ImpactReport, @Ctx() ctx: Context) {
    return ctx.loaders.byId(ArticulationAgreement).load(report.agreementId);
  }
}

@Resolver(() => LearnerImpact)
export class LearnerImpactResolver {
  @FieldResolver(() => Learner, { description: 'The learner whose credit changes.' })
  learner(@Root() impact: LearnerImpact, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Learner).load(impact.learnerId);
  }
}
