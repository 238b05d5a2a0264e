import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { Context } from '../../core/context';
import { decodeId } from '../../core/input';
import { DateScalar, todayIso } from '../../core/scalars';
import { UserInputFailure } from '../../core/errors';
import { ArticulationAgreement } from '../articulation/articulation-agreement.entity';
import { DegreeProgram } from '../articulation/degree-program.entity';
import type { RouteResult } from '../articulation/engine';
import { Credential } from '../credentials/credential.entity';
import { Award } from '../learners/award.entity';
import { ArticulationRoute, NextStep, RouteItem } from './advising.types';
import { learnerForAdvising, learnerRoutes, routeInto } from './advising.service';

/** Queries take IDs as arguments, so a bad one is a bad argument rather than a payload error. */
function argumentId(globalId: string, typeName: string, name: string): number {
  try {
    return decodeId(globalId, [typeName], [name]);
  } catch (error) {
    if (error instanceof UserInputFailure) {
      throw new GraphQLError(`${name} must be the ID of a ${typeName}`, { extensions: { code: 'BAD_USER_INPUT', argument: name } });
    }
    throw error;
  }
}

async function advised(ctx: Context, learnerId: string): Promise<number> {
  const id = argumentId(learnerId, 'Learner', 'learnerId');
  try {
    return (await learnerForAdvising(ctx, id)).id;
  } catch (error) {
    if (error instanceof UserInputFailure) throw new GraphQLError('No learner has that ID', { extensions: { code: 'NOT_FOUND' } });
    throw error;
  }
}

@Resolver(() => ArticulationRoute)
export class ArticulationRouteResolver {
  @Query(() => [ArticulationRoute], { description: 'One route for every program an active agreement or approved prior learning connects the learner to; most applied credit first.' })
  async learnerRoutes(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date; today when omitted.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RouteResult[]> {
    return learnerRoutes(ctx.db.manager, await advised(ctx, learnerId), asOf ?? todayIso());
  }

  @Query(() => ArticulationRoute, { nullable: true, description: 'The learner\'s route into one program.' })
  async route(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('degreeProgramId', () => ID) degreeProgramId: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RouteResult | null> {
    const learner = await advised(ctx, learnerId);
    return routeInto(ctx.db.manager, learner, argumentId(degreeProgramId, 'DegreeProgram', 'degreeProgramId'), asOf ?? todayIso());
  }

  @Query(() => ArticulationRoute, { nullable: true, description: 'The route as if the learner also held these credentials; writes nothing.' })
  async whatIf(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('degreeProgramId', () => ID) degreeProgramId: string,
    @Arg('addCredentialIds', () => [ID]) addCredentialIds: string[],
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<RouteResult | null> {
    const learner = await advised(ctx, learnerId);
    if (addCredentialIds.length > 50) throw new GraphQLError('At most 50 credentials at a time', { extensions: { code: 'BAD_USER_INPUT' } });
    const added = addCredentialIds.map((id) => argumentId(id, 'Credential', 'addCredentialIds'));
    return routeInto(ctx.db.manager, learner, argumentId(degreeProgramId, 'DegreeProgram', 'degreeProgramId'), asOf ?? todayIso(), added);
  }

  @FieldResolver(() => DegreeProgram)
  degreeProgram(@Root() route: RouteResult, @Ctx() ctx: Context) {
    return ctx.loaders.byId(DegreeProgram).load(route.programId);
  }

  @FieldResolver(() => [Credential], { description: 'Credentials of the block pathways\' unsatisfied stages that the learner holds no valid award for.' })
  async missingCredentials(@Root() route: RouteResult, @Ctx() ctx: Context) {
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

  @FieldResolver(() => Credential)
  credential(@Root() item: RouteItem, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Credential).load(item.credentialId);
  }

  @FieldResolver(() => ArticulationAgreement, { nullable: true })
  agreement(@Root() item: RouteItem, @Ctx() ctx: Context) {
    return item.agreementId === null ? null : ctx.loaders.byId(ArticulationAgreement).load(item.agreementId);
  }
}

@Resolver(() => NextStep)
export class NextStepResolver {
  @FieldResolver(() => Credential)
  credential(@Root() step: NextStep, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Credential).load(step.credentialId);
  }
}
