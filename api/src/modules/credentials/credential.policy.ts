import { EntityManager } from 'typeorm';
import { actsForEmployer, actsForInstitution, definePolicy } from '../../core/access';
import { Context } from '../../core/context';
import { Role } from '../accounts/user.entity';
import { Alignment } from './alignment.entity';
import { Assessment } from './assessment.entity';
import { Credential, CredentialStatus } from './credential.entity';
import { LearningOutcome } from './learning-outcome.entity';
import { RubricLevel } from './rubric-level.entity';

/** Published credentials are public; drafts are for people signed in (co-designers pick from them). */
const mayRead = (ctx: Context, credential: Credential) => credential.status === CredentialStatus.PUBLISHED || ctx.viewer.role !== Role.PUBLIC;

/** The issuer owns a credential: its institution's staff or its employer's partners. */
export const mayEditCredential = (ctx: Context, credential: Credential) =>
  (ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, credential.issuerInstitutionId)) ||
  (ctx.viewer.role === Role.EMPLOYER_PARTNER && actsForEmployer(ctx, credential.issuerEmployerId));

/** A missing parent protects nothing: the write goes on and fails as NOT_FOUND on the field. */
async function editableCredential(ctx: Context, em: EntityManager, credentialId: number): Promise<boolean> {
  const credential = await em.getRepository(Credential).findOneBy({ id: credentialId });
  return credential === null || mayEditCredential(ctx, credential);
}

async function readableCredential(ctx: Context, credentialId: number): Promise<boolean> {
  const credential = await ctx.loaders.byId(Credential).load(credentialId);
  return credential !== null && mayRead(ctx, credential);
}

definePolicy(Credential, {
  canRead: mayRead,
  canWrite: (ctx, credential) => mayEditCredential(ctx, credential),
  scope(qb, ctx) {
    if (ctx.viewer.role === Role.PUBLIC) qb.andWhere(`${qb.alias}.status = 'PUBLISHED'`);
  },
});

for (const entity of [LearningOutcome, Assessment, RubricLevel]) {
  definePolicy(entity as typeof LearningOutcome, {
    canRead: (ctx, row) => readableCredential(ctx, row.credentialId),
    canWrite: (ctx, row, em) => editableCredential(ctx, em, row.credentialId),
  });
}

definePolicy(Alignment, {
  async canRead(ctx, row) {
    const outcome = await ctx.loaders.byId(LearningOutcome).load(row.outcomeId);
    return outcome !== null && readableCredential(ctx, outcome.credentialId);
  },
  async canWrite(ctx, row, em) {
    const outcome = await em.getRepository(LearningOutcome).findOneBy({ id: row.outcomeId });
    return outcome === null || editableCredential(ctx, em, outcome.credentialId);
  },
});
