import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Context } from '../../core/context';
import { containsPattern, crudResolver, filterId } from '../../core/crud';
import { groupBy } from '../../core/loaders';
import { Pathway } from '../pathways/pathway.entity';
import { PathwayDestination } from '../pathways/pathway-destination.entity';
import { Competency } from '../standards/competency.entity';
import { Occupation } from './occupation.entity';
import { OccupationCompetency } from './occupation-competency.entity';
import {
  OccupationCompetencyCreateInput,
  OccupationCompetencyUpdateInput,
  OccupationCreateInput,
  OccupationFilter,
  OccupationOrderField,
  OccupationUpdateInput,
} from './occupation.inputs';

/** Core competencies of many occupations in one statement. */
export function coreCompetencyLoader(ctx: Context): DataLoader<number, Competency[]> {
  return ctx.loaders.custom('occupation.coreCompetencies', (db) =>
    new DataLoader<number, Competency[]>(async (occupationIds) => {
      const links = await db.getRepository(OccupationCompetency).find({
        where: { occupationId: In([...occupationIds]), isCore: true },
        order: { id: 'ASC' },
      });
      const competencies = await ctx.loaders.byId(Competency).loadMany(links.map((link) => link.competencyId));
      const byId = new Map(competencies.filter((c): c is Competency => c instanceof Competency).map((c) => [c.id, c]));
      return groupBy(occupationIds, links, (link) => link.occupationId).map((group) =>
        group.map((link) => byId.get(link.competencyId)).filter((c): c is Competency => c !== undefined),
      );
    }),
  );
}

@Resolver(() => Occupation)
export class OccupationResolver extends crudResolver({
  entity: Occupation,
  createInput: OccupationCreateInput,
  updateInput: OccupationUpdateInput,
  list: {
    name: 'occupations',
    filter: OccupationFilter,
    orderFields: OccupationOrderField,
    orderColumn: { TITLE: 'title', SOC_CODE: 'socCode', MEDIAN_ANNUAL_WAGE: 'medianAnnualWage' },
    defaultOrder: OccupationOrderField.TITLE,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.title ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.socCode) qb.andWhere('row.socCode LIKE :soc', { soc: `${filter.socCode.replace(/[^0-9-]/g, '')}%` });
      if (filter.jobZone) qb.andWhere('row.jobZone = :jobZone', { jobZone: filter.jobZone });
      if (filter.competencyId) {
        qb.andWhere('row.id IN (SELECT occupation_id FROM occupation_competency WHERE competency_id = :competencyId)', {
          competencyId: filterId(filter.competencyId, 'Competency'),
        });
      }
    },
  },
}) {
  @FieldResolver(() => [OccupationCompetency], { description: 'Linked competencies, core or not.' })
  competencies(@Root() occupation: Occupation, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(OccupationCompetency, 'occupationId').load(occupation.id);
  }

  @FieldResolver(() => [Competency], { description: 'The competencies a pathway to this occupation must cover.' })
  coreCompetencies(@Root() occupation: Occupation, @Ctx() ctx: Context) {
    return coreCompetencyLoader(ctx).load(occupation.id);
  }

  @FieldResolver(() => [Pathway], { description: 'Pathway versions that lead to this occupation.' })
  async pathways(@Root() occupation: Occupation, @Ctx() ctx: Context) {
    const links = await ctx.loaders.manyBy(PathwayDestination, 'occupationId').load(occupation.id);
    const pathways = await ctx.loaders.byId(Pathway).loadMany(links.map((link) => link.pathwayId));
    return pathways.filter((p): p is Pathway => p instanceof Pathway);
  }
}

@Resolver(() => OccupationCompetency)
export class OccupationCompetencyResolver extends crudResolver({
  entity: OccupationCompetency,
  createInput: OccupationCompetencyCreateInput,
  updateInput: OccupationCompetencyUpdateInput,
}) {
  @FieldResolver(() => Occupation, { description: 'The occupation.' })
  occupation(@Root() link: OccupationCompetency, @Ctx() ctx: Context) {
    return ctx.loaders.one(Occupation, link.occupationId);
  }

  @FieldResolver(() => Competency, { description: 'The competency workers in the occupation need.' })
  competency(@Root() link: OccupationCompetency, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(link.competencyId);
  }
}
