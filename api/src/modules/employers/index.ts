import { EmployerResolver } from './employer.resolver';

export const resolvers = [EmployerResolver] as const;
