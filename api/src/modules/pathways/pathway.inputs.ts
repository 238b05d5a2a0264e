import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar, UuidScalar } from '../../core/scalars';
import { EndorsementCommitment } from './endorsement.entity';
import { PathwayStatus } from './pathway.entity';
import { PartnerRole } from './pathway-partner.entity';
import { StageRequirement } from './pathway-stage.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class PathwayFields {
  @Field(() => String, { nullable: true, description: 'What the pathway prepares for and who it is for, at most 10,000 characters.' })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the partners should next review the pathway against the occupation.' })
  @IsOptional()
  reviewDueOn?: string | null;
}

@InputType({ description: 'A new pathway, version 1, as a DRAFT. pathwayStart also adds its destination and partners in one step.' })
export class PathwayCreateInput extends PathwayFields {
  @Field(() => String, { description: 'The pathway\'s name, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => ID, { description: 'Global ID of the owning institution, which publishes it.' })
  @RefersTo('Institution')
  ownerInstitutionId: string;
}

@InputType({ description: 'Changes to a DRAFT or CHANGES_REQUESTED version; omitted fields stay as they are.' })
export class PathwayUpdateInput extends PathwayFields {
  @Field(() => ID, { description: 'Global ID of the pathway to change.' })
  id: string;

  @Field(() => Int, { description: 'The revision your edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true, description: 'The pathway\'s name, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;
}

@InputType({ description: 'Narrows a list of pathway versions; every field given must match.' })
export class PathwayFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => PathwayStatus, { nullable: true, description: 'Only versions in this status (the public sees PUBLISHED ones only).' })
  status?: PathwayStatus | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this institution.' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Leading to this occupation.' })
  occupationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Co-designed with this employer.' })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'The owning institution\'s region.' })
  region?: string | null;

  @Field(() => UuidScalar, { nullable: true, description: 'Versions of one pathway: their shared lineageId.' })
  lineageId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only versions whose review date has passed, retired ones left out (they are not reviewed again).' })
  reviewOverdue?: boolean | null;
}

export enum PathwayOrderField {
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  REVIEW_DUE_ON = 'REVIEW_DUE_ON',
}
registerOrderFieldEnum(PathwayOrderField, 'PathwayOrderField', 'Pathway');

/** Every change to the child rows of a version carries the revision the edit was based on. */
@InputType()
abstract class VersionedEdit {
  @Field(() => Int, { description: 'The pathway revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;
}

@InputType()
abstract class StageFields {
  @Field(() => StageRequirement, { nullable: true, description: 'ALL of the stage\'s credentials, or AT_LEAST requiredCount of them; ALL when omitted on create.' })
  @IsOptional()
  @IsEnum(StageRequirement)
  requirement?: StageRequirement;

  @Field(() => Int, { nullable: true, description: 'With AT_LEAST: how many credentials of the stage.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  requiredCount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Credits (the sum of creditValue) the stage\'s credentials must add up to before the pathway can be published, 0 to 1,000; null for none.' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  minCredits?: number | null;
}

@InputType({ description: 'A new stage of an editable pathway version.' })
export class PathwayStageCreateInput extends StageFields {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => Int, { description: 'The pathway revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => Int, { nullable: true, description: 'Where to put it, from 1 to one past the last stage; left out, it goes after the last stage.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  position?: number | null;

  @Field(() => String, { description: 'The stage\'s name, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
}

@InputType({ description: 'Changes to a stage of an editable version; omitted fields stay as they are.' })
export class PathwayStageUpdateInput extends StageFields {
  @Field(() => ID, { description: 'Global ID of the pathway stage to change.' })
  id: string;

  @Field(() => Int, { description: 'The pathway revision your edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true, description: 'The stage\'s name, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => Int, { nullable: true, description: 'Move it to this place, 1 to the number of stages; the others shift.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  position?: number;
}

@InputType({ description: 'The new order of all of a version\'s stages.' })
export class PathwayStagesReorderInput {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  pathwayId: string;

  @Field(() => Int, { description: 'The pathway revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => [ID], { description: 'Every stage of the pathway, in the new order.' })
  @ArrayMaxSize(100)
  stageIds: string[];
}

@InputType({ description: 'Places a credential in a stage of an editable version.' })
export class StageCredentialCreateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the stage.' })
  @RefersTo('PathwayStage')
  stageId: string;

  @Field(() => ID, { description: 'Global ID of the credential.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Int, { nullable: true, description: 'Order within the stage, 0 or more, lowest first.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

@InputType({ description: 'Moves a credential within its stage.' })
export class StageCredentialUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the stage credential to change.' })
  id: string;

  @Field(() => Int, { description: 'Order within the stage, 0 or more, lowest first.' })
  @IsInt()
  @Min(0)
  position: number;
}

@InputType({ description: 'Adds a destination occupation to an editable version.' })
export class PathwayDestinationCreateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { description: 'Global ID of the occupation it leads to.' })
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType({ description: 'Changes a destination occupation of an editable version.' })
export class PathwayDestinationUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway destination to change.' })
  id: string;

  @Field(() => ID, { description: 'Global ID of the occupation it leads to.' })
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType({ description: 'Adds an off-ramp to an editable version: a credential partway through that already leads to a job.' })
export class PathwayOffRampCreateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { description: 'Global ID of the credential partway through.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => ID, { description: 'Global ID of the occupation that credential leads to.' })
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType({ description: 'Changes the occupation an off-ramp leads to.' })
export class PathwayOffRampUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway off ramp to change.' })
  id: string;

  @Field(() => ID, { description: 'Global ID of the occupation.' })
  @RefersTo('Occupation')
  occupationId: string;
}

@InputType({ description: 'Adds an employer partner to an editable version; each employer once.' })
export class PathwayPartnerCreateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { description: 'Global ID of the employer.' })
  @RefersTo('Employer')
  employerId: string;

  @Field(() => PartnerRole, { description: 'The employer\'s part; VALIDATOR partners approve or request changes.' })
  @IsEnum(PartnerRole)
  role: PartnerRole;
}

@InputType({ description: 'Changes a partner\'s role.' })
export class PathwayPartnerUpdateInput extends VersionedEdit {
  @Field(() => ID, { description: 'Global ID of the pathway partner to change.' })
  id: string;

  @Field(() => PartnerRole, { description: 'The employer\'s part; VALIDATOR partners approve or request changes.' })
  @IsEnum(PartnerRole)
  role: PartnerRole;
}

@InputType()
abstract class EndorsementFields {
  @Field(() => EndorsementCommitment, { nullable: true, description: 'What the employer commits to, if anything.' })
  @IsOptional()
  @IsEnum(EndorsementCommitment)
  commitment?: EndorsementCommitment | null;

  @Field(() => String, { nullable: true, description: 'The signatory\'s job title, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200)
  signatoryTitle?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  endorsedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it stands, not before endorsedOn; null for no end.' })
  @IsOptional()
  expiresOn?: string | null;
}

@InputType({ description: 'An employer\'s endorsement of a version IN_REVIEW, APPROVED or PUBLISHED that the employer partners on.' })
export class EndorsementCreateInput extends EndorsementFields {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { description: 'Global ID of the endorsing employer.' })
  @RefersTo('Employer')
  employerId: string;

  @Field(() => String, { description: 'The endorsement in the employer\'s words, at most 5,000 characters.' })
  @IsNotEmpty()
  @MaxLength(5000)
  statement: string;

  @Field(() => String, { description: 'Who signs for the employer, at most 200 characters.' })
  @IsNotEmpty()
  @MaxLength(200)
  signatoryName: string;
}

@InputType({ description: 'Changes to an endorsement; omitted fields stay as they are.' })
export class EndorsementUpdateInput extends EndorsementFields {
  @Field(() => ID, { description: 'Global ID of the endorsement to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The endorsement in the employer\'s words, at most 5,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(5000)
  statement?: string;
}

@InputType({ description: 'Hides an endorsement of one of the college\'s pathway versions from the public, saying why.' })
export class EndorsementHideInput {
  @Field(() => ID, { description: 'Global ID of the endorsement to hide.' })
  id: string;

  @Field(() => String, { description: 'Why it is hidden, at most 1,000 characters; the endorsing employer sees it.' })
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

@InputType({ description: 'Shows a hidden endorsement to the public again.' })
export class EndorsementUnhideInput {
  @Field(() => ID, { description: 'Global ID of the endorsement to show again.' })
  id: string;
}
