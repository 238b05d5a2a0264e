import { CompetencyFrameworkResolver, CompetencyResolver } from './standards.resolver';

export const resolvers = [CompetencyFrameworkResolver, CompetencyResolver] as const;
