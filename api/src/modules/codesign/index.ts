import './pathway.policy';
import {
  CompetencyCoverageResolver,
  CoverageResolver,
  CoverageSourceResolver,
  PathwayCommentResolver,
  PathwayLifecycleResolver,
} from './codesign.resolver';
import { registerEntities } from '../../core/registry';
import { PathwayComment } from './pathway-comment.entity';

export const resolvers = [PathwayLifecycleResolver, CoverageResolver, CompetencyCoverageResolver, CoverageSourceResolver, PathwayCommentResolver] as const;

registerEntities(PathwayComment);
