import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar } from '../../core/scalars';
import { EndorsementCommitment } from './endorsement.entity';
import { PathwayStatus } from './pathway.entity';
import { PartnerRole } from './pathway-partner.entity';
import { StageRequirement } from './pathway-stage.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class PathwayFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  reviewDueOn?: string | null;
}

@InputType()
export class PathwayCreateInput extends PathwayFields {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => ID)
  @RefersTo('Institution')
  ownerInstitutionId: string;
}

@InputType()
export class PathwayUpdateInput extends PathwayFields {
  @Field(() => ID, { description: 'Global ID of the pathway to change.' })
  id: string;

  @Field(() => Int, { description: 'The revision your edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;
}

@InputType()
export class PathwayFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => PathwayStatus, { nullable: true })
  status?: PathwayStatus | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this institution.' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Leading to this occupation.' })
  occupationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Co-designed with this employer.' })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The owning institution\'s region.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Versions of one pathway.' })
  lineageId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only versions whose review date has passed.' })
  reviewOverdue?: boolean | null;
}

export enum PathwayOrderField {
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  REVIEW_DUE_ON = 'REVIEW_DUE_ON',
}
registerOrderFieldEnum(PathwayOrderField, 'PathwayOrderField', 'Pathway');

/** Child rows of a version may carry the revision the edit was based on. */
@InputType()
abstract class VersionedEdit {
  @Field(() => Int, { nullable: true, description: 'The pathway revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedRevision?: number | null;
}

@InputType()
abstract class StageFields {
  @Field(() => StageRequirement, { nullable: true })
  @IsOptional()
  @IsEnum(StageRequirement)
  requirement?: StageRequirement;

  @Field(() => Int, { nullable: true, description: 'With AT_LEAST: how many credentials of the stage.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  requiredCount?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1000)
  minCredits?: number | null;
}

@InputType()
export class PathwayStageCreateInput extends StageFields {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => Int, { nullable: true, description: 'The pathway revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedRevision?: number | null;

  @Field(() => Int, { nullable: true, description: 'Where to put it, from 1 to one past the last stage; left out, it goes after the last stage.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  position?: number | null;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
}

@InputType()
export class PathwayStageUpdateInput extends StageFields {
  @Field(() => ID, { description: 'Global ID of the pathway stage to change.' })
  id: string;

  @Field(() => Int, { description: 'The pathway revision your edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  position?: number;
}

@InputType()
export class PathwayStagesReorderInput {
  @Field(() => ID)
  pathwayId: string;

  @Field(() => Int)
  @IsInt()
  expectedRevision: number;

  @Field(() => [ID], { description: 'Every stage of the pathway, in the new order.' })
  @ArrayMaxSize(100)
  stageIds: string[];
}

@InputType()
export class StageCredentialCreateInput extends VersionedEdit {
  @Field(() => ID)
  @RefersTo('PathwayStage')
  stageId: string;

  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType()
export class StageCredentialUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the stage credential to change.' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  position: number;
}

@InputType()
export class PathwayDestinationCreateInput extends VersionedEdit {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID)
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType()
export class PathwayDestinationUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway destination to change.' })
  id: string;

  @Field(() => ID)
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType()
export class PathwayOffRampCreateInput extends VersionedEdit {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => ID)
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType()
export class PathwayOffRampUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway off ramp to change.' })
  id: string;

  @Field(() => ID)
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType()
export class PathwayPartnerCreateInput extends VersionedEdit {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID)
  @RefersTo('Employer')
  employerId: string;

  @Field(() => PartnerRole)
  @IsEnum(PartnerRole)
  role: PartnerRole;
}

@InputType()
export class PathwayPartnerUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway partner to change.' })
  id: string;

  @Field(() => PartnerRole)
  @IsEnum(PartnerRole)
  role: PartnerRole;
}

@InputType()
abstract class EndorsementFields {
  @Field(() => EndorsementCommitment, { nullable: true })
  @IsOptional()
  @IsEnum(EndorsementCommitment)
  commitment?: EndorsementCommitment | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  signatoryTitle?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  endorsedOn?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  expiresOn?: string | null;
}

@InputType()
export class EndorsementCreateInput extends EndorsementFields {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID)
  @RefersTo('Employer')
  employerId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  statement: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  signatoryName: string;
}

@InputType()
export class EndorsementUpdateInput extends EndorsementFields {
  @Field(() => ID, { description: 'Global ID of the endorsement to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  statement?: string;
}
