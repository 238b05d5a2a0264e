import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested, IsEnum, IsInt, IsNotEmpty, IsOptional, IsPositive, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar } from '../../core/scalars';
import { AlignmentStrength } from './alignment.entity';
import { AssessmentMethod } from './assessment.entity';
import { CredentialStatus, DeliveryMode, EvidenceType } from './credential.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class CredentialFields {
  @Field(() => String, { nullable: true, description: 'What the credential covers, at most 10,000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Issuing institution; give this or issuerEmployerId.' })
  @IsOptional()
  @RefersTo('Institution')
  issuerInstitutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Issuing employer; give this or issuerInstitutionId.' })
  @IsOptional()
  @RefersTo('Employer')
  issuerEmployerId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Credits the issuer assigns, 0 to 1,000; 0 when omitted on create. Degree credit comes from articulation agreements.' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  creditValue?: number;

  @Field(() => Float, { nullable: true, description: 'Cost to the learner in currency (USD unless given), 0 to 1,000,000; null when unknown.' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  cost?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. USD.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three capital letters, e.g. USD' })
  currency?: string;

  @Field(() => CredentialStatus, { nullable: true, description: 'DRAFT when omitted on create. PUBLISHED needs an assessment; a credential in a published pathway stays PUBLISHED until that pathway is retired or revised.' })
  @IsOptional()
  @IsEnum(CredentialStatus)
  status?: CredentialStatus;

  @Field(() => String, { nullable: true, description: 'How a learner earns it, in words (OB3 criteria narrative), at most 10,000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  criteria?: string | null;

  @Field(() => [EvidenceType], { nullable: true, description: 'The kinds of evidence it is assessed on, at most 10; replaces the current list.' })
  @IsOptional()
  @ArrayMaxSize(10)
  evidenceTypes?: EvidenceType[];

  @Field(() => DateScalar, { nullable: true, description: 'When the issuer next reviews it against industry needs.' })
  @IsOptional()
  nextReviewOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Credentials to earn first; replaces the current list.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @RefersTo('Credential')
  prerequisiteIds?: string[];
}

@InputType({ description: 'An assessment made with its credential.' })
export class CredentialAssessmentInput {
  @Field(() => AssessmentMethod, { description: 'How the learner is assessed.' })
  @IsEnum(AssessmentMethod)
  method: AssessmentMethod;

  @Field(() => String, { description: 'What the assessment asks of the learner (at most 5,000 characters).' })
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;
}

@InputType({ description: 'A rubric (mastery) level made with its credential.' })
export class CredentialRubricLevelInput {
  @Field(() => Int, { description: 'The level, 1 to 10; each level appears once per credential.' })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field(() => String, { description: 'The level\'s name, such as "Proficient" (at most 100 characters).' })
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String, { description: 'What a learner shows at this level (at most 5,000 characters).' })
  @IsNotEmpty()
  @MaxLength(5000)
  criteria: string;
}

@InputType({ description: 'A new credential, optionally with its assessments and rubric levels in the same call.' })
export class CredentialCreateInput extends CredentialFields {
  @Field(() => [CredentialAssessmentInput], { nullable: true, description: 'Assessments made with the credential, in one call: a credential created PUBLISHED needs at least one.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  assessments?: CredentialAssessmentInput[] | null;

  @Field(() => [CredentialRubricLevelInput], { nullable: true, description: 'Rubric levels made with the credential; levels must differ.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  rubricLevels?: CredentialRubricLevelInput[] | null;

  @Field(() => String, { description: 'The credential\'s name as learners see it, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => Int, { description: '1 foundation, 2 rigorous training with competency assessment, 3 applied work-based learning.' })
  @IsInt()
  @Min(1)
  @Max(3)
  level: number;

  @Field(() => Float, { description: 'Notional workload in hours, above 0 and at most 10,000.' })
  @IsPositive()
  @Max(10000)
  workloadHours: number;

  @Field(() => DeliveryMode, { description: 'How it is taught.' })
  @IsEnum(DeliveryMode)
  deliveryMode: DeliveryMode;
}

@InputType({ description: 'Changes to a credential; omitted fields stay as they are.' })
export class CredentialUpdateInput extends CredentialFields {
  @Field(() => ID, { description: 'Global ID of the credential to change.' })
  id: string;

  @Field(() => Int, { description: 'The credential revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true, description: 'The credential\'s name as learners see it, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => Int, { nullable: true, description: '1 foundation, 2 rigorous training with competency assessment, 3 applied work-based learning.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: number;

  @Field(() => Float, { nullable: true, description: 'Notional workload in hours, above 0 and at most 10,000.' })
  @IsOptional()
  @IsPositive()
  @Max(10000)
  workloadHours?: number;

  @Field(() => DeliveryMode, { nullable: true, description: 'How it is taught.' })
  @IsOptional()
  @IsEnum(DeliveryMode)
  deliveryMode?: DeliveryMode;
}

@InputType({ description: 'Narrows a list of credentials; every field given must match.' })
export class CredentialFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => CredentialStatus, { nullable: true, description: 'Only credentials in this status (the public sees PUBLISHED ones only).' })
  status?: CredentialStatus | null;

  @Field(() => Int, { nullable: true, description: 'Only credentials of this level, 1 to 3.' })
  level?: number | null;

  @Field(() => ID, { nullable: true, description: 'Issued by this institution.' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Issued by this employer.' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'With an outcome aligned to this competency.' })
  competencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'With an outcome aligned to a competency of this occupation.' })
  occupationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only credentials whose next review date has passed.' })
  reviewOverdue?: boolean | null;
}

export enum CredentialOrderField {
  TITLE = 'TITLE',
  LEVEL = 'LEVEL',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(CredentialOrderField, 'CredentialOrderField', 'Credential');

@InputType({ description: 'A new learning outcome of a credential.' })
export class LearningOutcomeCreateInput {
  @Field(() => ID, { description: 'Global ID of the credential.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => String, { description: 'What the learner can do, at most 2,000 characters.' })
  @IsNotEmpty()
  @MaxLength(2000)
  statement: string;

  @Field(() => Int, { nullable: true, description: 'Order within the credential, 0 or more; 0 when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType({ description: 'Changes to a learning outcome; omitted fields stay as they are.' })
export class LearningOutcomeUpdateInput {
  @Field(() => ID, { description: 'Global ID of the learning outcome to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'What the learner can do, at most 2,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(2000)
  statement?: string;

  @Field(() => Int, { nullable: true, description: 'Order within the credential, 0 or more.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType({ description: 'A new crosswalk entry: a learning outcome aligned to a competency; each pair once.' })
export class AlignmentCreateInput {
  @Field(() => ID, { description: 'Global ID of the learning outcome.' })
  @RefersTo('LearningOutcome')
  outcomeId: string;

  @Field(() => Int, { description: 'The credential revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => ID, { description: 'Global ID of the competency.' })
  @RefersTo('Competency')
  competencyId: string;

  @Field(() => AlignmentStrength, { description: 'How closely they match; EXACT and PARTIAL count toward coverage.' })
  @IsEnum(AlignmentStrength)
  strength: AlignmentStrength;
}

@InputType({ description: 'A new strength for an alignment.' })
export class AlignmentUpdateInput {
  @Field(() => ID, { description: 'Global ID of the alignment to change.' })
  id: string;

  @Field(() => AlignmentStrength, { description: 'How closely they match; EXACT and PARTIAL count toward coverage.' })
  @IsEnum(AlignmentStrength)
  strength: AlignmentStrength;
}

@InputType({ description: 'A new assessment of a credential.' })
export class AssessmentCreateInput {
  @Field(() => ID, { description: 'Global ID of the credential.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => AssessmentMethod, { description: 'How the learner is assessed.' })
  @IsEnum(AssessmentMethod)
  method: AssessmentMethod;

  @Field(() => String, { description: 'What the assessment asks of the learner, at most 5,000 characters.' })
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;
}

@InputType({ description: 'Changes to an assessment; omitted fields stay as they are.' })
export class AssessmentUpdateInput {
  @Field(() => ID, { description: 'Global ID of the assessment to change.' })
  id: string;

  @Field(() => AssessmentMethod, { nullable: true, description: 'How the learner is assessed.' })
  @IsOptional()
  @IsEnum(AssessmentMethod)
  method?: AssessmentMethod;

  @Field(() => String, { nullable: true, description: 'What the assessment asks of the learner, at most 5,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;
}

@InputType({ description: 'A new mastery level of a credential\'s rubric.' })
export class RubricLevelCreateInput {
  @Field(() => ID, { description: 'Global ID of the credential.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Int, { description: 'The level, 1 to 10 (1 lowest); each level appears once per credential.' })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field(() => String, { description: 'The level\'s name, e.g. "Proficient", at most 100 characters.' })
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String, { description: 'What a learner shows at this level, at most 5,000 characters.' })
  @IsNotEmpty()
  @MaxLength(5000)
  criteria: string;
}

@InputType({ description: 'Changes to a rubric level; omitted fields stay as they are.' })
export class RubricLevelUpdateInput {
  @Field(() => ID, { description: 'Global ID of the rubric level to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The level\'s name, at most 100 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true, description: 'What a learner shows at this level, at most 5,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  criteria?: string;
}
