import { User } from '../modules/accounts/user.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { PathwayComment } from '../modules/codesign/pathway-comment.entity';
import { AwardCredential } from '../modules/interop/award-credential.entity';
import { IssuerKey } from '../modules/interop/issuer-key.entity';
import { IssuerSigningOption, LearnerSubject, StatusListEntry } from '../modules/interop/signing.entities';
import { Alignment } from '../modules/credentials/alignment.entity';
import { Assessment } from '../modules/credentials/assessment.entity';
import { Credential } from '../modules/credentials/credential.entity';
import { CredentialPrerequisite } from '../modules/credentials/credential-prerequisite.entity';
import { LearningOutcome } from '../modules/credentials/learning-outcome.entity';
import { RubricLevel } from '../modules/credentials/rubric-level.entity';
import { ArticulationAgreement } from '../modules/articulation/articulation-agreement.entity';
import { CreditMapping } from '../modules/articulation/credit-mapping.entity';
import { DegreeProgram } from '../modules/articulation/degree-program.entity';
import { Employer } from '../modules/employers/employer.entity';
import { Institution } from '../modules/institutions/institution.entity';
import { Award } from '../modules/learners/award.entity';
import { Learner } from '../modules/learners/learner.entity';
import { PriorLearningClaim } from '../modules/learners/prior-learning-claim.entity';
import { Occupation } from '../modules/occupations/occupation.entity';
import { OccupationCompetency } from '../modules/occupations/occupation-competency.entity';
import { OutcomeReport } from '../modules/outcomes/outcome-report.entity';
import { Endorsement } from '../modules/pathways/endorsement.entity';
import { Pathway } from '../modules/pathways/pathway.entity';
import { PathwayDestination } from '../modules/pathways/pathway-destination.entity';
import { PathwayOffRamp } from '../modules/pathways/pathway-off-ramp.entity';
import { PathwayPartner } from '../modules/pathways/pathway-partner.entity';
import { PathwayStage } from '../modules/pathways/pathway-stage.entity';
import { StageCredential } from '../modules/pathways/stage-credential.entity';
import { Competency } from '../modules/standards/competency.entity';
import { CompetencyFramework } from '../modules/standards/competency-framework.entity';

export const entities = [
  Institution,
  Employer,
  Occupation,
  CompetencyFramework,
  Competency,
  OccupationCompetency,
  Credential,
  CredentialPrerequisite,
  LearningOutcome,
  Alignment,
  Assessment,
  RubricLevel,
  Pathway,
  PathwayStage,
  StageCredential,
  PathwayDestination,
  PathwayOffRamp,
  PathwayPartner,
  Endorsement,
  DegreeProgram,
  ArticulationAgreement,
  CreditMapping,
  Learner,
  Award,
  PriorLearningClaim,
  OutcomeReport,
  User,
  AuditEntry,
  PathwayComment,
  IssuerKey,
  AwardCredential,
  LearnerSubject,
  StatusListEntry,
  IssuerSigningOption,
];
