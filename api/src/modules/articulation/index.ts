import './articulation.policy';
import { ArticulationAgreementResolver, CreditMappingResolver, DegreeProgramResolver } from './articulation.resolver';
import { registerEntities } from '../../core/registry';
import { DegreeProgram } from './degree-program.entity';
import { ArticulationAgreement } from './articulation-agreement.entity';
import { CreditMapping } from './credit-mapping.entity';

export const resolvers = [DegreeProgramResolver, ArticulationAgreementResolver, CreditMappingResolver] as const;

registerEntities(DegreeProgram, ArticulationAgreement, CreditMapping);
