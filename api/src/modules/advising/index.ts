import { AgreementImpactResolver, ArticulationRouteResolver, LearnerImpactResolver, NextStepResolver, RouteItemResolver } from './advising.resolver';

export const resolvers = [ArticulationRouteResolver, RouteItemResolver, NextStepResolver, AgreementImpactResolver, LearnerImpactResolver] as const;
