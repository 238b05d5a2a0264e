import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, CrudHooks, filterId } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { groupBy } from '../../core/loaders';
import { assertRevision, touchRevision } from '../../core/revision';
import { todayIso } from '../../core/scalars';
import { loadIssuer, Issuer } from '../institutions/issuer';
import { Occupation } from '../occupations/occupation.entity';
import { Pathway } from '../pathways/pathway.entity';
import { Competency } from '../standards/competency.entity';
import { Alignment } from './alignment.entity';
import { Assessment } from './assessment.entity';
import { Credential, CredentialStatus } from './credential.entity';
import {
  AlignmentCreateInput,
  AlignmentUpdateInput,
  AssessmentCreateInput,
  AssessmentUpdateInput,
  CredentialCreateInput,
  CredentialFilter,
  CredentialOrderField,
  CredentialUpdateInput,
  LearningOutcomeCreateInput,
  LearningOutcomeUpdateInput,
  RubricLevelCreateInput,
  RubricLevelUpdateInput,
} from './credential.inputs';
import { assertAssessedIfPublished, assertNotWithdrawnFromPublishedPathway, assertOneIssuer, replacePrerequisites } from './credential.rules';
import { LearningOutcome } from './learning-outcome.entity';
import { RubricLevel } from './rubric-level.entity';

/**
 * Rows related to many credentials through a join: the (credential, row) pairs in one statement,
 * the rows themselves through their byId loader: two statements per relation, whatever the page size.
 */
function relatedLoader<T extends ObjectLiteral & { id: number }>(ctx: Context, key: string, entity: EntityTarget<T>, pairsSql: string): DataLoader<number, T[]> {
  return ctx.loaders.custom(key, (db) =>
    new DataLoader<number, T[]>(async (credentialIds) => {
      const pairs: { credential_id: number; id: number }[] = await db.query(pairsSql, [[...credentialIds]]);
      const rows = await ctx.loaders.byId(entity).loadMany(pairs.map((pair) => pair.id));
      const related = pairs.flatMap((pair, index) => {
        const row = rows[index];
        if (row instanceof Error) throw row;
        // A row deleted between the two statements is simply no longer related.
        return row ? [{ credentialId: pair.credential_id, row }] : [];
      });
      return groupBy(credentialIds, related, (entry) => entry.credentialId).map((entries) => entries.map((entry) => entry.row));
    }),
  );
}

@Resolver(() => Credential)
export class CredentialResolver extends crudResolver({
  entity: Credential,
  createInput: CredentialCreateInput,
  updateInput: CredentialUpdateInput,
  hooks: {
    virtualFields: ['prerequisiteIds', 'assessments', 'rubricLevels', 'expectedRevision'],
    async beforeSave(em, credential, _ctx, previous, input) {
      if (previous) {
        assertRevision(previous, input.expectedRevision as number, 'credential');
        credential.revision = previous.revision + 1;
      }
      assertOneIssuer(credential);
      await assertAssessedIfPublished(em, credential, Array.isArray(input.assessments) ? input.assessments.length : 0);
      await assertNotWithdrawnFromPublishedPathway(em, credential, previous);
    },
    async beforeDelete(_em, credential, _ctx, input) {
      assertRevision(credential, input.expectedRevision, 'credential');
    },
    async afterSave(em, credential, _ctx, input) {
      if (Array.isArray(input.prerequisiteIds)) await replacePrerequisites(em, credential.id, input.prerequisiteIds as number[]);
      // Nested creation (credentialCreate only): one statement at a time on the transaction.
      const levels = (input.rubricLevels ?? []) as { level: number }[];
      const repeated = levels.findIndex((entry, index) => levels.findIndex((other) => other.level === entry.level) !== index);
      if (repeated >= 0) throw UserInputFailure.of(['input', 'rubricLevels', String(repeated), 'level'], `Level ${levels[repeated].level} is given twice`, ErrorCode.TAKEN);
      for (const assessment of (input.assessments ?? []) as Partial<Assessment>[]) {
        await em.getRepository(Assessment).save(em.getRepository(Assessment).create({ method: assessment.method, description: assessment.description, credentialId: credential.id }));
      }
      for (const level of levels as Partial<RubricLevel>[]) {
        await em.getRepository(RubricLevel).save(em.getRepository(RubricLevel).create({ level: level.level, name: level.name, criteria: level.criteria, credentialId: credential.id }));
      }
    },
  },
  versionedDelete: true,
  list: {
    name: 'credentials',
    filter: CredentialFilter,
    orderFields: CredentialOrderField,
    orderColumn: { TITLE: 'title', LEVEL: 'level', CREATED_AT: 'createdAt' },
    defaultOrder: CredentialOrderField.TITLE,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.title ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.status) qb.andWhere('row.status = :status', { status: filter.status });
      if (filter.level) qb.andWhere('row.level = :level', { level: filter.level });
      if (filter.reviewOverdue) qb.andWhere('row.nextReviewOn < :today', { today: todayIso() });
      if (filter.institutionId) qb.andWhere('row.issuerInstitutionId = :institutionId', { institutionId: filterId(filter.institutionId, 'Institution') });
      if (filter.employerId) qb.andWhere('row.issuerEmployerId = :employerId', { employerId: filterId(filter.employerId, 'Employer') });
      if (filter.competencyId) {
        qb.andWhere('row.id IN (SELECT lo.credential_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id WHERE a.competency_id = :competencyId)', {
          competencyId: filterId(filter.competencyId, 'Competency'),
        });
      }
      if (filter.occupationId) {
        qb.andWhere(
          `row.id IN (SELECT lo.credential_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id
             JOIN occupation_competency oc ON oc.competency_id = a.competency_id WHERE oc.occupation_id = :occupationId)`,
          { occupationId: filterId(filter.occupationId, 'Occupation') },
        );
      }
    },
  },
}) {
  @FieldResolver(() => Issuer, { description: 'The institution or employer that issues the credential.' })
  issuer(@Root() credential: Credential, @Ctx() ctx: Context) {
    return loadIssuer(ctx.loaders, credential);
  }

  @FieldResolver(() => [LearningOutcome], { description: 'What a learner can do after earning it.' })
  outcomes(@Root() credential: Credential, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(LearningOutcome, 'credentialId', { position: 'ASC' }).load(credential.id);
  }

  @FieldResolver(() => [Assessment], { description: 'How the credential is assessed.' })
  assessments(@Root() credential: Credential, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Assessment, 'credentialId').load(credential.id);
  }

  @FieldResolver(() => Boolean, { description: 'Has at least one assessment; only assessed credentials can be published.' })
  async assessed(@Root() credential: Credential, @Ctx() ctx: Context) {
    return (await this.assessments(credential, ctx)).length > 0;
  }

  @FieldResolver(() => [RubricLevel], { description: 'Mastery levels, lowest first.' })
  rubricLevels(@Root() credential: Credential, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(RubricLevel, 'credentialId', { level: 'ASC' }).load(credential.id);
  }

  @FieldResolver(() => [Credential], { description: 'Credentials to earn first.' })
  prerequisites(@Root() credential: Credential, @Ctx() ctx: Context) {
    return relatedLoader(ctx, 'credential.prerequisites', Credential,
      `SELECT credential_id, prerequisite_id AS id FROM credential_prerequisite WHERE credential_id = ANY($1) ORDER BY prerequisite_id`).load(credential.id);
  }

  @FieldResolver(() => [Competency], { description: 'Competencies its outcomes align to, at any strength.' })
  competencies(@Root() credential: Credential, @Ctx() ctx: Context) {
    return relatedLoader(ctx, 'credential.competencies', Competency,
      `SELECT DISTINCT lo.credential_id, a.competency_id AS id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id
        WHERE lo.credential_id = ANY($1) ORDER BY a.competency_id`).load(credential.id);
  }

  @FieldResolver(() => [Occupation], { description: 'Occupations one of whose competencies it aligns to.' })
  occupations(@Root() credential: Credential, @Ctx() ctx: Context) {
    return relatedLoader(ctx, 'credential.occupations', Occupation,
      `SELECT DISTINCT lo.credential_id, oc.occupation_id AS id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id
         JOIN occupation_competency oc ON oc.competency_id = a.competency_id WHERE lo.credential_id = ANY($1) ORDER BY oc.occupation_id`).load(credential.id);
  }

  @FieldResolver(() => [Pathway], { description: 'Pathway versions with a stage that contains it.' })
  pathways(@Root() credential: Credential, @Ctx() ctx: Context) {
    return relatedLoader(ctx, 'credential.pathways', Pathway,
      `SELECT DISTINCT sc.credential_id, s.pathway_id AS id FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id
        WHERE sc.credential_id = ANY($1) ORDER BY s.pathway_id`).load(credential.id);
  }
}

/**
 * Outcomes, alignments, assessments and rubric levels are part of the credential: each change
 * locks the credential, checks the revision it was based on (required to add or remove an
 * alignment) and counts the change.
 */
const touchCredential = (em: EntityManager, credentialId: number, expectedRevision?: unknown) =>
  touchRevision(em, Credential, credentialId, expectedRevision as number | undefined, 'credential');

function credentialPartHooks<T extends { id: number }>(credentialIdOf: (em: EntityManager, row: T) => Promise<number | null>): CrudHooks<T> {
  return {
    virtualFields: ['expectedRevision'],
    async beforeSave(em, row, _ctx, _previous, input) {
      const credentialId = await credentialIdOf(em, row);
      if (credentialId !== null) await touchCredential(em, credentialId, input.expectedRevision);
    },
    async beforeDelete(em, row, _ctx, input) {
      const credentialId = await credentialIdOf(em, row);
      if (credentialId !== null) await touchCredential(em, credentialId, input.expectedRevision);
    },
  };
}

const ownCredential = async (_em: EntityManager, row: { credentialId: number }) => row.credentialId;
const outcomeCredential = async (em: EntityManager, row: { outcomeId: number }) =>
  (await em.getRepository(LearningOutcome).findOneBy({ id: row.outcomeId }))?.credentialId ?? null;

@Resolver(() => LearningOutcome)
export class LearningOutcomeResolver extends crudResolver({
  entity: LearningOutcome,
  createInput: LearningOutcomeCreateInput,
  updateInput: LearningOutcomeUpdateInput,
  hooks: credentialPartHooks<LearningOutcome>(ownCredential),
}) {
  @FieldResolver(() => Credential, { description: 'The credential the outcome belongs to.' })
  credential(@Root() outcome: LearningOutcome, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, outcome.credentialId);
  }

  @FieldResolver(() => [Alignment], { description: 'The competencies this outcome aligns to (the crosswalk).' })
  alignments(@Root() outcome: LearningOutcome, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Alignment, 'outcomeId').load(outcome.id);
  }
}

@Resolver(() => Alignment)
export class AlignmentResolver extends crudResolver({
  entity: Alignment,
  createInput: AlignmentCreateInput,
  updateInput: AlignmentUpdateInput,
  hooks: credentialPartHooks<Alignment>(outcomeCredential),
  versionedDelete: true,
}) {
  @FieldResolver(() => LearningOutcome, { description: 'The credential\'s learning outcome.' })
  outcome(@Root() alignment: Alignment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(LearningOutcome).load(alignment.outcomeId);
  }

  @FieldResolver(() => Competency, { description: 'The competency it aligns to.' })
  competency(@Root() alignment: Alignment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(alignment.competencyId);
  }
}

@Resolver(() => Assessment)
export class AssessmentResolver extends crudResolver({
  entity: Assessment,
  createInput: AssessmentCreateInput,
  updateInput: AssessmentUpdateInput,
  hooks: {
    ...credentialPartHooks<Assessment>(ownCredential),
    async beforeDelete(em, assessment) {
      // The credential's row lock is the one a status update takes: a publish running at the same
      // time either sees this delete or is seen by it, and two deletes cannot both leave it bare.
      const credential = (await touchCredential(em, assessment.credentialId))!;
      const assessmentCount = await em.getRepository(Assessment).countBy({ credentialId: assessment.credentialId });
      if (credential.status === CredentialStatus.PUBLISHED && assessmentCount <= 1) {
        throw UserInputFailure.of(['input', 'id'], 'A published credential keeps at least one assessment', ErrorCode.INVALID_STATE);
      }
    },
  },
}) {
  @FieldResolver(() => Credential, { description: 'The credential it assesses.' })
  credential(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, assessment.credentialId);
  }
}

@Resolver(() => RubricLevel)
export class RubricLevelResolver extends crudResolver({
  entity: RubricLevel,
  createInput: RubricLevelCreateInput,
  updateInput: RubricLevelUpdateInput,
  hooks: credentialPartHooks<RubricLevel>(ownCredential),
}) {
  @FieldResolver(() => Credential, { description: 'The credential whose rubric this is.' })
  credential(@Root() level: RubricLevel, @Ctx() ctx: Context) {
    return ctx.loaders.one(Credential, level.credentialId);
  }
}
