import { ArticulationRouteResolver, NextStepResolver, RouteItemResolver } from './advising.resolver';

export const resolvers = [ArticulationRouteResolver, RouteItemResolver, NextStepResolver] as const;
