import { EntityManager } from 'typeorm';
import { actsForEmployer, actsForInstitution, definePolicy } from '../../core/access';
import { Context } from '../../core/context';
import { Role } from '../accounts/user.entity';
import { Endorsement } from '../pathways/endorsement.entity';
import { Pathway, PathwayStatus } from '../pathways/pathway.entity';
import { PathwayDestination } from '../pathways/pathway-destination.entity';
import { PathwayOffRamp } from '../pathways/pathway-off-ramp.entity';
import { PartnerRole, PathwayPartner } from '../pathways/pathway-partner.entity';
import { PathwayStage } from '../pathways/pathway-stage.entity';
import { StageCredential } from '../pathways/stage-credential.entity';
import { PathwayComment } from './pathway-comment.entity';

/** The partner role of the viewer's employer on a pathway version, if any (batched per request). */
export async function viewerPartnerRole(ctx: Context, pathwayId: number | undefined): Promise<PartnerRole | null> {
  // A pathway being created has no ID, and so no partners yet.
  if (ctx.viewer.role !== Role.EMPLOYER_PARTNER || pathwayId === undefined) return null;
  const partners = await ctx.loaders.manyBy(PathwayPartner, 'pathwayId').load(pathwayId);
  return partners.find((partner) => partner.employerId === ctx.viewer.employerId)?.role ?? null;
}

const ownsPathway = (ctx: Context, pathway: Pathway) =>
  (ctx.viewer.role === Role.INSTITUTION_STAFF || ctx.viewer.role === Role.ADVISOR) && actsForInstitution(ctx, pathway.ownerInstitutionId);

/** Published versions are public; other versions are for the owning institution and the partners. */
export async function mayReadPathway(ctx: Context, pathway: Pathway): Promise<boolean> {
  if (pathway.status === PathwayStatus.PUBLISHED) return true;
  return ownsPathway(ctx, pathway) || (await viewerPartnerRole(ctx, pathway.id)) !== null;
}

/** DOMAIN.md: only a partner or the owning institution (its staff) may edit a draft. */
export async function mayEditPathway(ctx: Context, pathway: Pathway): Promise<boolean> {
  if (ctx.viewer.role === Role.ADMIN) return true;
  if (ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, pathway.ownerInstitutionId)) return true;
  return (await viewerPartnerRole(ctx, pathway.id)) !== null;
}

async function pathwayOf(em: EntityManager, pathwayId: number): Promise<Pathway | null> {
  return em.getRepository(Pathway).findOneBy({ id: pathwayId });
}

const readThroughPathway = async (ctx: Context, pathwayId: number) => {
  const pathway = await ctx.loaders.byId(Pathway).load(pathwayId);
  return pathway !== null && (await mayReadPathway(ctx, pathway));
};

/** A missing pathway protects nothing: the write goes on and fails as NOT_FOUND on the field. */
const writeThroughPathway = async (ctx: Context, em: EntityManager, pathwayId: number) => {
  const pathway = await pathwayOf(em, pathwayId);
  return pathway === null || (await mayEditPathway(ctx, pathway));
};

definePolicy(Pathway, {
  canRead: mayReadPathway,
  canWrite: (ctx, pathway) => mayEditPathway(ctx, pathway),
  scope(qb, ctx) {
    const published = `${qb.alias}.status = 'PUBLISHED'`;
    if (ctx.viewer.role === Role.INSTITUTION_STAFF || ctx.viewer.role === Role.ADVISOR) {
      qb.andWhere(`(${published} OR ${qb.alias}.ownerInstitutionId = :scopeInstitution)`, { scopeInstitution: ctx.viewer.institutionId });
    } else if (ctx.viewer.role === Role.EMPLOYER_PARTNER) {
      qb.andWhere(`(${published} OR ${qb.alias}.id IN (SELECT pathway_id FROM pathway_partner WHERE employer_id = :scopeEmployer))`, {
        scopeEmployer: ctx.viewer.employerId,
      });
    } else {
      qb.andWhere(published);
    }
  },
});

for (const entity of [PathwayStage, PathwayDestination, PathwayOffRamp]) {
  definePolicy(entity as typeof PathwayStage, {
    canRead: (ctx, row) => readThroughPathway(ctx, row.pathwayId),
    canWrite: (ctx, row, em) => writeThroughPathway(ctx, em, row.pathwayId),
  });
}

definePolicy(StageCredential, {
  async canRead(ctx, row) {
    const stage = await ctx.loaders.byId(PathwayStage).load(row.stageId);
    return stage !== null && readThroughPathway(ctx, stage.pathwayId);
  },
  async canWrite(ctx, row, em) {
    const stage = await em.getRepository(PathwayStage).findOneBy({ id: row.stageId });
    return stage === null || writeThroughPathway(ctx, em, stage.pathwayId);
  },
});

/** Partners are chosen by the owning institution; partners cannot enlist others. */
definePolicy(PathwayPartner, {
  canRead: (ctx, row) => readThroughPathway(ctx, row.pathwayId),
  async canWrite(ctx, row, em) {
    const pathway = await pathwayOf(em, row.pathwayId);
    return pathway === null || (ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, pathway.ownerInstitutionId));
  },
});

/**
 * An endorsement is the employer's own signed statement, of a version its employer partners on:
 * an employer cannot attach its name to another college's pathway uninvited. One the owning
 * college has hidden is seen only by that college and the endorsing employer.
 */
definePolicy(Endorsement, {
  async canRead(ctx, row) {
    if (actsForEmployer(ctx, row.employerId)) return true;
    if (row.hiddenAt === null) return readThroughPathway(ctx, row.pathwayId);
    const pathway = await ctx.loaders.byId(Pathway).load(row.pathwayId);
    return pathway !== null && ownsPathway(ctx, pathway);
  },
  async canWrite(ctx, row, em) {
    if (ctx.viewer.role !== Role.EMPLOYER_PARTNER || !actsForEmployer(ctx, row.employerId)) return false;
    // A version that is not there is left to the foreign key, which names the field.
    if ((await pathwayOf(em, row.pathwayId)) === null) return true;
    return em.getRepository(PathwayPartner).existsBy({ pathwayId: row.pathwayId, employerId: row.employerId });
  },
});

/** Discussion is for co-designers only: never the public. */
definePolicy(PathwayComment, {
  async canRead(ctx, row) {
    if (ctx.viewer.role === Role.PUBLIC) return false;
    const pathway = await ctx.loaders.byId(Pathway).load(row.pathwayId);
    return pathway !== null && (ownsPathway(ctx, pathway) || (await viewerPartnerRole(ctx, pathway.id)) !== null);
  },
  canWrite: (ctx, row, em) => writeThroughPathway(ctx, em, row.pathwayId),
});
