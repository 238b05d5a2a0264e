import { EntityManager } from 'typeorm';
import { actsForEmployer, actsForInstitution, definePolicy } from '../../core/access';
import { Context } from '../../core/context';
import { Role } from '../accounts/user.entity';
import { AgreementStatus, ArticulationAgreement } from './articulation-agreement.entity';
import { CreditMapping } from './credit-mapping.entity';
import { DegreeProgram } from './degree-program.entity';

const isStaffOf = (ctx: Context, institutionId: number | null | undefined) => ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, institutionId);
const isCollegeOf = (ctx: Context, institutionId: number | null | undefined) =>
  (ctx.viewer.role === Role.INSTITUTION_STAFF || ctx.viewer.role === Role.ADVISOR) && actsForInstitution(ctx, institutionId);

/** Programs are public; their institution's staff manage them. */
definePolicy(DegreeProgram, {
  canWrite: (ctx, program) => isStaffOf(ctx, program.institutionId),
});

async function programInstitution(ctx: Context, programId: number): Promise<number | null> {
  return (await ctx.loaders.byId(DegreeProgram).load(programId))?.institutionId ?? null;
}

/** Active agreements are public; the rest belong to the two parties. The program's college signs and manages them. */
export async function mayReadAgreement(ctx: Context, agreement: ArticulationAgreement): Promise<boolean> {
  if (agreement.status === AgreementStatus.ACTIVE) return true;
  return (
    isCollegeOf(ctx, await programInstitution(ctx, agreement.degreeProgramId)) ||
    isCollegeOf(ctx, agreement.issuerInstitutionId) ||
    (ctx.viewer.role === Role.EMPLOYER_PARTNER && actsForEmployer(ctx, agreement.issuerEmployerId))
  );
}

async function mayManageAgreement(ctx: Context, em: EntityManager, agreement: ArticulationAgreement): Promise<boolean> {
  const program = await em.getRepository(DegreeProgram).findOneBy({ id: agreement.degreeProgramId });
  return program === null || isStaffOf(ctx, program.institutionId);
}

definePolicy(ArticulationAgreement, {
  canRead: mayReadAgreement,
  canWrite: (ctx, agreement, em) => mayManageAgreement(ctx, em, agreement),
  scope(qb, ctx) {
    const active = `${qb.alias}.status = 'ACTIVE'`;
    if (ctx.viewer.role === Role.INSTITUTION_STAFF || ctx.viewer.role === Role.ADVISOR) {
      qb.andWhere(
        `(${active} OR ${qb.alias}.issuerInstitutionId = :scopeInstitution OR ${qb.alias}.degreeProgramId IN (SELECT id FROM degree_program WHERE institution_id = :scopeInstitution))`,
        { scopeInstitution: ctx.viewer.institutionId },
      );
    } else if (ctx.viewer.role === Role.EMPLOYER_PARTNER) {
      qb.andWhere(`(${active} OR ${qb.alias}.issuerEmployerId = :scopeEmployer)`, { scopeEmployer: ctx.viewer.employerId });
    } else {
      qb.andWhere(active);
    }
  },
});

definePolicy(CreditMapping, {
  async canRead(ctx, mapping) {
    const agreement = await ctx.loaders.byId(ArticulationAgreement).load(mapping.agreementId);
    return agreement !== null && mayReadAgreement(ctx, agreement);
  },
  async canWrite(ctx, mapping, em) {
    const agreement = await em.getRepository(ArticulationAgreement).findOneBy({ id: mapping.agreementId });
    return agreement === null || mayManageAgreement(ctx, em, agreement);
  },
});
