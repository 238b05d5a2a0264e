import { EntityManager } from 'typeorm';
import { Context } from '../../core/context';
import { denial, isAdmin } from '../../core/access';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { Role } from '../accounts/user.entity';
import { planRoute, RoutePlan, withHypotheticalAwards } from '../articulation/engine';
import { Learner } from '../learners/learner.entity';
import { ProgramCatalogue } from './program-catalogue';
import { loadLearnerRouteData, routeInput } from './route-data';

/** Advisors and staff of the learner's institution, and admins, may see a learner's routes; null is no learner. */
export function assertMayAdvise(ctx: Context, learner: { institutionId: number | null } | null): void {
  const mayAdvise =
    isAdmin(ctx) ||
    ((ctx.viewer.role === Role.ADVISOR || ctx.viewer.role === Role.INSTITUTION_STAFF) && learner?.institutionId === ctx.viewer.institutionId);
  if (!mayAdvise) throw denial(ctx);
  if (!learner) throw UserInputFailure.of(['learnerId'], 'No Learner has that ID', ErrorCode.NOT_FOUND);
}

export async function learnerForAdvising(ctx: Context, learnerId: number): Promise<Learner> {
  const learner = await ctx.loaders.byId(Learner).load(learnerId);
  assertMayAdvise(ctx, learner);
  return learner!;
}

const byAppliedThenProgram = (a: RoutePlan, b: RoutePlan) => b.appliedCredits - a.appliedCredits || a.programId - b.programId;

/**
 * Every program an active agreement or approved prior learning connects the learner to, best
 * first. The learner's row comes with the route data, and `ctx` is checked against it before any
 * route is computed: one statement for the check and the data.
 */
export async function learnerRoutes(ctx: Context, catalogue: ProgramCatalogue, learnerId: number, asOf: string): Promise<RoutePlan[]> {
  const data = await loadLearnerRouteData(ctx.db.manager, catalogue, learnerId, asOf);
  assertMayAdvise(ctx, data.learner);
  return data.programs.map((program) => planRoute(routeInput(data, program, asOf))).sort(byAppliedThenProgram);
}

/** The route into one program, as things are or as if the learner also held `addCredentialIds`. */
export async function routeInto(
  em: EntityManager,
  catalogue: ProgramCatalogue,
  learnerId: number,
  programId: number,
  asOf: string,
  addCredentialIds: number[] = [],
): Promise<RoutePlan | null> {
  const data = await loadLearnerRouteData(em, catalogue, learnerId, asOf, programId);
  const program = data.programs[0];
  if (!program) return null;
  const input = routeInput(data, program, asOf);
  return planRoute(addCredentialIds.length ? withHypotheticalAwards(input, addCredentialIds) : input);
}
