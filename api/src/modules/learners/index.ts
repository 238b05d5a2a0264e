import './learner.policy';
import { AwardResolver, LearnerResolver, PriorLearningClaimResolver } from './learner.resolver';

export const resolvers = [LearnerResolver, AwardResolver, PriorLearningClaimResolver] as const;
