import { InstitutionResolver } from './institution.resolver';

export const resolvers = [InstitutionResolver] as const;
