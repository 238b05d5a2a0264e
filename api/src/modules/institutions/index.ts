import { InstitutionResolver } from './institution.resolver';
import { registerEntities } from '../../core/registry';
import { Institution } from './institution.entity';

export const resolvers = [InstitutionResolver] as const;

registerEntities(Institution);
