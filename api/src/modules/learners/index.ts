import './learner.policy';
import { AwardResolver, LearnerResolver, PriorLearningClaimResolver } from './learner.resolver';
import { registerEntities } from '../../core/registry';
import { Learner } from './learner.entity';
import { Award } from './award.entity';
import { PriorLearningClaim } from './prior-learning-claim.entity';

export const resolvers = [LearnerResolver, AwardResolver, PriorLearningClaimResolver] as const;

registerEntities(Learner, Award, PriorLearningClaim);
