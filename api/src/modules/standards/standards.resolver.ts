import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, filterId } from '../../core/crud';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { OccupationCompetency } from '../occupations/occupation-competency.entity';
import { Competency } from './competency.entity';
import { CompetencyFramework } from './competency-framework.entity';
import {
  CompetencyCreateInput,
  CompetencyFilter,
  CompetencyFrameworkCreateInput,
  CompetencyFrameworkFilter,
  CompetencyFrameworkOrderField,
  CompetencyFrameworkUpdateInput,
  CompetencyOrderField,
  CompetencyUpdateInput,
} from './standards.inputs';

@Resolver(() => CompetencyFramework)
export class CompetencyFrameworkResolver extends crudResolver({
  entity: CompetencyFramework,
  createInput: CompetencyFrameworkCreateInput,
  updateInput: CompetencyFrameworkUpdateInput,
  list: {
    name: 'competencyFrameworks',
    filter: CompetencyFrameworkFilter,
    orderFields: CompetencyFrameworkOrderField,
    orderColumn: { NAME: 'name', PUBLISHER: 'publisher', CREATED_AT: 'createdAt' },
    defaultOrder: CompetencyFrameworkOrderField.NAME,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.name ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.publisher) qb.andWhere('row.publisher = :publisher', { publisher: filter.publisher });
      if (filter.jurisdiction) qb.andWhere('row.jurisdiction = :jurisdiction', { jurisdiction: filter.jurisdiction });
    },
  },
}) {
  @FieldResolver(() => [Competency], { description: 'Its competencies, by code.' })
  competencies(@Root() framework: CompetencyFramework, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Competency, 'frameworkId', { code: 'ASC' }).load(framework.id);
  }

  @FieldResolver(() => Int, { description: 'How many competencies the framework holds.' })
  competencyCount(@Root() framework: CompetencyFramework, @Ctx() ctx: Context) {
    return ctx.loaders
      .custom('framework.competencyCount', (db) =>
        new DataLoader<number, number>(async (ids) => {
          const rows: { frameworkId: number; count: number }[] = await db
            .getRepository(Competency)
            .createQueryBuilder('c')
            .select('c.frameworkId', 'frameworkId')
            .addSelect('count(*)::int', 'count')
            .where('c.frameworkId IN (:...ids)', { ids })
            .groupBy('c.frameworkId')
            .getRawMany();
          const counts = new Map(rows.map((row) => [row.frameworkId, row.count]));
          return ids.map((id) => counts.get(id) ?? 0);
        }),
      )
      .load(framework.id);
  }
}

/** A competency may not sit under itself, directly or through its ancestors. */
async function assertNoParentCycle(em: EntityManager, competency: Competency): Promise<void> {
  if (competency.parentId === null || competency.parentId === undefined) return;
  const field = ['input', 'parentId'];
  if (competency.id !== undefined && competency.parentId === competency.id) {
    throw UserInputFailure.of(field, 'A competency cannot be its own parent', ErrorCode.CYCLE);
  }
  const [parent] = await em.query(
    `WITH RECURSIVE ancestry(id, parent_id, framework_id) AS (
       SELECT id, parent_id, framework_id FROM competency WHERE id = $1
       UNION SELECT c.id, c.parent_id, c.framework_id FROM competency c JOIN ancestry a ON c.id = a.parent_id)
     SELECT (SELECT framework_id FROM competency WHERE id = $1) AS framework_id,
            bool_or(id = $2) AS loops FROM ancestry`,
    [competency.parentId, competency.id ?? 0],
  );
  if (parent.framework_id === null) throw UserInputFailure.of(field, 'No Competency has that ID', ErrorCode.NOT_FOUND);
  if (parent.framework_id !== competency.frameworkId) {
    throw UserInputFailure.of(field, 'The parent must be in the same framework', ErrorCode.INVALID);
  }
  if (parent.loops) throw UserInputFailure.of(field, 'That parent would make the hierarchy loop', ErrorCode.CYCLE);
}

@Resolver(() => Competency)
export class CompetencyResolver extends crudResolver({
  entity: Competency,
  createInput: CompetencyCreateInput,
  updateInput: CompetencyUpdateInput,
  hooks: {
    beforeSave: (em, competency) => assertNoParentCycle(em, competency),
  },
  list: {
    name: 'competencies',
    filter: CompetencyFilter,
    orderFields: CompetencyOrderField,
    orderColumn: { CODE: 'code', CREATED_AT: 'createdAt' },
    defaultOrder: CompetencyOrderField.CODE,
    applyFilter(qb, filter) {
      if (filter.search) {
        qb.andWhere('(row.statement ILIKE :search OR row.code ILIKE :search)', { search: containsPattern(filter.search) });
      }
      if (filter.frameworkId) qb.andWhere('row.frameworkId = :frameworkId', { frameworkId: filterId(filter.frameworkId, 'CompetencyFramework') });
      if (filter.type) qb.andWhere('row.type = :type', { type: filter.type });
      if (filter.occupationId) {
        qb.andWhere(
          `row.id IN (SELECT competency_id FROM occupation_competency WHERE occupation_id = :occupationId${filter.coreOnly ? ' AND is_core' : ''})`,
          { occupationId: filterId(filter.occupationId, 'Occupation') },
        );
      }
    },
  },
}) {
  @FieldResolver(() => CompetencyFramework, { description: 'The framework the competency belongs to.' })
  framework(@Root() competency: Competency, @Ctx() ctx: Context) {
    return ctx.loaders.byId(CompetencyFramework).load(competency.frameworkId);
  }

  @FieldResolver(() => Competency, { nullable: true, description: 'The broader competency this one refines; null at the top of the hierarchy.' })
  parent(@Root() competency: Competency, @Ctx() ctx: Context) {
    return competency.parentId === null ? null : ctx.loaders.byId(Competency).load(competency.parentId);
  }

  @FieldResolver(() => [Competency], { description: 'The narrower competencies that refine this one, by code.' })
  children(@Root() competency: Competency, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Competency, 'parentId', { code: 'ASC' }).load(competency.id);
  }

  @FieldResolver(() => [OccupationCompetency], { description: 'Occupations this competency belongs to, and whether it is core there.' })
  occupations(@Root() competency: Competency, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(OccupationCompetency, 'competencyId').load(competency.id);
  }
}
