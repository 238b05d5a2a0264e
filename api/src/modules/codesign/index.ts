import './pathway.policy';
import {
  CompetencyCoverageResolver,
  CoverageResolver,
  CoverageSourceResolver,
  PathwayCommentResolver,
  PathwayLifecycleResolver,
} from './codesign.resolver';

export const resolvers = [PathwayLifecycleResolver, CoverageResolver, CompetencyCoverageResolver, CoverageSourceResolver, PathwayCommentResolver] as const;
