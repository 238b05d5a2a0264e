import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../core/context';
import { containsPattern, crudResolver } from '../../core/crud';
import { DegreeProgram } from '../articulation/degree-program.entity';
import { Credential } from '../credentials/credential.entity';
import { Pathway } from '../pathways/pathway.entity';
import { Institution } from './institution.entity';
import { InstitutionCreateInput, InstitutionFilter, InstitutionOrderField, InstitutionUpdateInput } from './institution.inputs';

@Resolver(() => Institution)
export class InstitutionResolver extends crudResolver({
  entity: Institution,
  createInput: InstitutionCreateInput,
  updateInput: InstitutionUpdateInput,
  list: {
    name: 'institutions',
    filter: InstitutionFilter,
    orderFields: InstitutionOrderField,
    orderColumn: { NAME: 'name', CREATED_AT: 'createdAt' },
    defaultOrder: InstitutionOrderField.NAME,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.name ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.region) qb.andWhere('row.region = :region', { region: filter.region });
      if (filter.kind) qb.andWhere('row.kind = :kind', { kind: filter.kind });
    },
  },
}) {
  @FieldResolver(() => [DegreeProgram], { description: 'The degree and certificate programs the institution offers.' })
  degreePrograms(@Root() institution: Institution, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(DegreeProgram, 'institutionId', { title: 'ASC' }).load(institution.id);
  }

  @FieldResolver(() => [Credential], { description: 'Credentials this institution issues.' })
  credentials(@Root() institution: Institution, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Credential, 'issuerInstitutionId', { title: 'ASC' }).load(institution.id);
  }

  @FieldResolver(() => [Pathway], { description: 'Every version of the pathways this institution owns.' })
  pathways(@Root() institution: Institution, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Pathway, 'ownerInstitutionId', { title: 'ASC', version: 'ASC' }).load(institution.id);
  }
}
