import { Context } from '../../core/context';
import { denial, isAdmin } from '../../core/access';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { Role } from '../accounts/user.entity';
import { planRoute, RoutePlan, withHypotheticalAwards } from '../articulation/engine';
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

/** What a route or what-if asks besides the learner. */
export interface RouteQuestion {
  programId: number;
  addCredentialIds: number[];
}

/**
 * The route into one program, as things are or as if the learner also held the added credentials.
 * `question` decodes the other arguments; what is wrong with them is thrown only once the viewer
 * may see the learner, so a refusal looks the same whatever else was wrong. As for learnerRoutes,
 * one statement serves the access check and the data.
 */
export async function routeInto(ctx: Context, catalogue: ProgramCatalogue, learnerId: number, asOf: string, question: () => RouteQuestion): Promise<RoutePlan | null> {
  let asked: RouteQuestion | null = null;
  try {
    asked = question();
  } catch {
    // Thrown again below, after the access check.
  }
  // With arguments that do not decode, program 0, which never exists: the statement still answers the check.
  const data = await loadLearnerRouteData(ctx.db.manager, catalogue, learnerId, asOf, asked?.programId ?? 0);
  assertMayAdvise(ctx, data.learner);
  const { addCredentialIds } = asked ?? question();
  const program = data.programs[0];
  if (!program) return null;
  const input = routeInput(data, program, asOf);
  return planRoute(addCredentialIds.length ? withHypotheticalAwards(input, addCredentialIds) : input);
}
