import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { actsForInstitution, definePolicy, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { crudResolver } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { Role } from '../accounts/user.entity';
import { mayReadPathway } from '../codesign/pathway.policy';
import { Pathway } from '../pathways/pathway.entity';
import { OutcomeReportCreateInput, OutcomeReportUpdateInput } from './outcome.inputs';
import { OutcomeReport } from './outcome-report.entity';

/** DOMAIN.md: counts below 10 are suppressed in any public view. */
export const PRIVACY_THRESHOLD = 10;

/** The owning institution and admins see the real numbers; everyone else the suppressed view. */
async function seesEverything(ctx: Context, report: OutcomeReport): Promise<boolean> {
  if (isAdmin(ctx)) return true;
  if (ctx.viewer.role !== Role.INSTITUTION_STAFF) return false;
  const pathway = await ctx.loaders.byId(Pathway).load(report.pathwayId);
  return pathway !== null && actsForInstitution(ctx, pathway.ownerInstitutionId);
}

async function shown(ctx: Context, report: OutcomeReport, count: number): Promise<number | null> {
  return count >= PRIVACY_THRESHOLD || (await seesEverything(ctx, report)) ? count : null;
}

const rate = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

definePolicy(OutcomeReport, {
  async canRead(ctx, report) {
    const pathway = await ctx.loaders.byId(Pathway).load(report.pathwayId);
    return pathway !== null && mayReadPathway(ctx, pathway);
  },
  async canWrite(ctx, report, em) {
    const pathway = await em.getRepository(Pathway).findOneBy({ id: report.pathwayId });
    return pathway === null || (ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, pathway.ownerInstitutionId));
  },
});

@Resolver(() => OutcomeReport)
export class OutcomeReportResolver extends crudResolver({
  entity: OutcomeReport,
  createInput: OutcomeReportCreateInput,
  updateInput: OutcomeReportUpdateInput,
  hooks: {
    async beforeSave(_em, report) {
      if (report.completed > report.enrolled) throw UserInputFailure.of(['input', 'completed'], 'More completed than enrolled', ErrorCode.OUT_OF_RANGE);
      if (report.placed > report.completed) throw UserInputFailure.of(['input', 'placed'], 'More placed than completed', ErrorCode.OUT_OF_RANGE);
    },
  },
}) {
  @FieldResolver(() => Pathway, { description: 'The pathway the cohort followed.' })
  pathway(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Pathway).load(report.pathwayId);
  }

  @FieldResolver(() => Boolean, { description: 'True when some figures are withheld because they describe fewer than 10 people.' })
  async suppressed(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return Math.min(report.enrolled, report.completed, report.placed) < PRIVACY_THRESHOLD && !(await seesEverything(ctx, report));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Learners who started the pathway in this cohort; null when under 10, except for the owning institution and admins.' })
  enrolled(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return shown(ctx, report, report.enrolled);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Learners who completed it; null when under 10, except for the owning institution and admins.' })
  completed(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return shown(ctx, report, report.completed);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Placed in the destination occupation within 180 days.' })
  placed(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return shown(ctx, report, report.placed);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'completed ÷ enrolled, 0 to 1, rounded to 4 decimals; null when either count is withheld or enrolled is 0.' })
  async completionRate(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return rate(await this.completed(report, ctx), await this.enrolled(report, ctx));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'placed ÷ completed, 0 to 1, rounded to 4 decimals; null when either count is withheld or completed is 0.' })
  async placementRate(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return rate(await this.placed(report, ctx), await this.completed(report, ctx));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Withheld when fewer than 10 completed.' })
  async medianWageBefore(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return (await this.completed(report, ctx)) === null ? null : report.medianWageBefore;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Withheld when fewer than 10 were placed.' })
  async medianWageAfter(@Root() report: OutcomeReport, @Ctx() ctx: Context) {
    return (await this.placed(report, ctx)) === null ? null : report.medianWageAfter;
  }
}
