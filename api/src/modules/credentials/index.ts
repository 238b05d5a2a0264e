import './credential.policy';
import { AlignmentResolver, AssessmentResolver, CredentialResolver, LearningOutcomeResolver, RubricLevelResolver } from './credential.resolver';

export const resolvers = [CredentialResolver, LearningOutcomeResolver, AlignmentResolver, AssessmentResolver, RubricLevelResolver] as const;
