import { EmployerResolver } from './employer.resolver';
import { registerEntities } from '../../core/registry';
import { Employer } from './employer.entity';

export const resolvers = [EmployerResolver] as const;

registerEntities(Employer);
