import './credential.policy';
import { AlignmentResolver, AssessmentResolver, CredentialResolver, LearningOutcomeResolver, RubricLevelResolver } from './credential.resolver';
import { registerEntities } from '../../core/registry';
import { Credential } from './credential.entity';
import { CredentialPrerequisite } from './credential-prerequisite.entity';
import { LearningOutcome } from './learning-outcome.entity';
import { Alignment } from './alignment.entity';
import { Assessment } from './assessment.entity';
import { RubricLevel } from './rubric-level.entity';

export const resolvers = [CredentialResolver, LearningOutcomeResolver, AlignmentResolver, AssessmentResolver, RubricLevelResolver] as const;

registerEntities(Credential, CredentialPrerequisite, LearningOutcome, Alignment, Assessment, RubricLevel);
