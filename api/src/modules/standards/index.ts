import { CasePackageResolver } from './case.resolver';
import { CompetencyFrameworkResolver, CompetencyResolver } from './standards.resolver';
import { registerEntities } from '../../core/registry';
import { CompetencyFramework } from './competency-framework.entity';
import { Competency } from './competency.entity';

export { caseRouter } from './case.routes';
export const resolvers = [CompetencyFrameworkResolver, CompetencyResolver, CasePackageResolver] as const;

registerEntities(CompetencyFramework, Competency);
