import { CasePackageResolver } from './case.resolver';
import { CompetencyFrameworkResolver, CompetencyResolver } from './standards.resolver';

export { caseRouter } from './case.routes';
export const resolvers = [CompetencyFrameworkResolver, CompetencyResolver, CasePackageResolver] as const;
