import { OccupationCompetencyResolver, OccupationResolver } from './occupation.resolver';

export const resolvers = [OccupationResolver, OccupationCompetencyResolver] as const;
