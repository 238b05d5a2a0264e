import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../core/context';
import { containsPattern, crudResolver } from '../../core/crud';
import { Employer } from './employer.entity';
import { EmployerCreateInput, EmployerFilter, EmployerOrderField, EmployerUpdateInput } from './employer.inputs';
import { PathwayPartner } from '../pathways/pathway-partner.entity';
import { Endorsement } from '../pathways/endorsement.entity';

@Resolver(() => Employer)
export class EmployerResolver extends crudResolver({
  entity: Employer,
  createInput: EmployerCreateInput,
  updateInput: EmployerUpdateInput,
  list: {
    name: 'employers',
    filter: EmployerFilter,
    orderFields: EmployerOrderField,
    orderColumn: { NAME: 'name', CREATED_AT: 'createdAt' },
    defaultOrder: EmployerOrderField.NAME,
    applyFilter(qb, filter) {
      if (filter.search) qb.andWhere('row.name ILIKE :search', { search: containsPattern(filter.search) });
      if (filter.region) qb.andWhere('row.region = :region', { region: filter.region });
      if (filter.naicsCode) qb.andWhere('row.naicsCode LIKE :naics', { naics: `${filter.naicsCode.replace(/\D/g, '')}%` });
    },
  },
}) {
  @FieldResolver(() => [PathwayPartner], { description: 'Pathways this employer co-designs, with its role.' })
  partnerships(@Root() employer: Employer, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PathwayPartner, 'employerId').load(employer.id);
  }

  @FieldResolver(() => [Endorsement], { description: 'The employer\'s endorsements of pathway versions.' })
  endorsements(@Root() employer: Employer, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Endorsement, 'employerId', { endorsedOn: 'DESC' }).load(employer.id);
  }
}
