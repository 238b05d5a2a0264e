import './articulation.policy';
import { ArticulationAgreementResolver, CreditMappingResolver, DegreeProgramResolver } from './articulation.resolver';

export const resolvers = [DegreeProgramResolver, ArticulationAgreementResolver, CreditMappingResolver] as const;
