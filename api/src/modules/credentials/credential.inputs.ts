import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested, IsEnum, IsInt, IsNotEmpty, IsOptional, IsPositive, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar } from '../../core/scalars';
import { AlignmentStrength } from './alignment.entity';
import { AssessmentMethod } from './assessment.entity';
import { CredentialStatus, DeliveryMode, EvidenceType } from './credential.entity';

@InputType()
abstract class CredentialFields {
  @Field(() => String, { nullable: true })
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

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1000)
  creditValue?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  cost?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. USD.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three capital letters, e.g. USD' })
  currency?: string;

  @Field(() => CredentialStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CredentialStatus)
  status?: CredentialStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  criteria?: string | null;

  @Field(() => [EvidenceType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  evidenceTypes?: EvidenceType[];

  @Field(() => DateScalar, { nullable: true })
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
  @Field(() => AssessmentMethod)
  @IsEnum(AssessmentMethod)
  method: AssessmentMethod;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;
}

@InputType({ description: 'A rubric (mastery) level made with its credential.' })
export class CredentialRubricLevelInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  criteria: string;
}

@InputType()
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

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => Int, { description: '1 foundation, 2 rigorous training with competency assessment, 3 applied work-based learning.' })
  @IsInt()
  @Min(1)
  @Max(3)
  level: number;

  @Field(() => Float)
  @IsPositive()
  @Max(10000)
  workloadHours: number;

  @Field(() => DeliveryMode)
  @IsEnum(DeliveryMode)
  deliveryMode: DeliveryMode;
}

@InputType()
export class CredentialUpdateInput extends CredentialFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  @Max(10000)
  workloadHours?: number;

  @Field(() => DeliveryMode, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryMode)
  deliveryMode?: DeliveryMode;
}

@InputType()
export class CredentialFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => CredentialStatus, { nullable: true })
  status?: CredentialStatus | null;

  @Field(() => Int, { nullable: true })
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
registerEnumType(CredentialOrderField, { name: 'CredentialOrderField' });

@InputType()
export class LearningOutcomeCreateInput {
  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(2000)
  statement: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType()
export class LearningOutcomeUpdateInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(2000)
  statement?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType()
export class AlignmentCreateInput {
  @Field(() => ID)
  @RefersTo('LearningOutcome')
  outcomeId: string;

  @Field(() => ID)
  @RefersTo('Competency')
  competencyId: string;

  @Field(() => AlignmentStrength)
  @IsEnum(AlignmentStrength)
  strength: AlignmentStrength;
}

@InputType()
export class AlignmentUpdateInput {
  @Field(() => ID)
  id: string;

  @Field(() => AlignmentStrength)
  @IsEnum(AlignmentStrength)
  strength: AlignmentStrength;
}

@InputType()
export class AssessmentCreateInput {
  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => AssessmentMethod)
  @IsEnum(AssessmentMethod)
  method: AssessmentMethod;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;
}

@InputType()
export class AssessmentUpdateInput {
  @Field(() => ID)
  id: string;

  @Field(() => AssessmentMethod, { nullable: true })
  @IsOptional()
  @IsEnum(AssessmentMethod)
  method?: AssessmentMethod;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;
}

@InputType()
export class RubricLevelCreateInput {
  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  criteria: string;
}

@InputType()
export class RubricLevelUpdateInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  criteria?: string;
}
