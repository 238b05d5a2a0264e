import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar } from '../../core/scalars';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class LearnerFields {
  @Field(() => String, { nullable: true, description: 'Student number at the institution.' })
  @IsOptional()
  @MaxLength(100)
  externalId?: string | null;
}

@InputType({ description: 'A new learner at an institution.' })
export class LearnerCreateInput extends LearnerFields {
  @Field(() => ID, { description: 'Global ID of the institution the learner studies at.' })
  @RefersTo('Institution')
  institutionId: string;

  @Field(() => String, { description: 'First name, at most 100 characters.' })
  @IsNotEmpty()
  @MaxLength(100)
  givenName: string;

  @Field(() => String, { description: 'Last name, at most 100 characters.' })
  @IsNotEmpty()
  @MaxLength(100)
  familyName: string;

  @Field(() => String, { description: 'Email address, unique across learners whatever its case.' })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

@InputType({ description: 'Changes to a learner; omitted fields stay as they are.' })
export class LearnerUpdateInput extends LearnerFields {
  @Field(() => ID, { description: 'Global ID of the learner to change.' })
  id: string;

  @Field(() => Int, { description: 'The learner revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true, description: 'First name, at most 100 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  givenName?: string;

  @Field(() => String, { nullable: true, description: 'Last name, at most 100 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  familyName?: string;

  @Field(() => String, { nullable: true, description: 'Email address, unique across learners whatever its case.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

@InputType({ description: 'Narrows a list of learners; every field given must match.' })
export class LearnerFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name or email.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the learner\'s institution.' })
  institutionId?: string | null;
}

export enum LearnerOrderField {
  FAMILY_NAME = 'FAMILY_NAME',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(LearnerOrderField, 'LearnerOrderField', 'Learner');

@InputType()
abstract class AwardFields {
  @Field(() => Int, { nullable: true, description: 'Mastery level reached on the credential\'s rubric.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  masteryLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'Where the evidence is kept, with http:// or https://, at most 1,000 characters.' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(1000)
  evidenceUrl?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True for an award the learner is expected to earn on a later awardedOn; without it, an award date after today is refused with AWARD_DATE_IN_FUTURE.',
  })
  @IsOptional()
  planned?: boolean | null;
}

@InputType({ description: 'A credential a learner earned; issuing it signs its Open Badges credential.' })
export class AwardCreateInput extends AwardFields {
  @Field(() => ID, { description: 'Global ID of the learner.' })
  @RefersTo('Learner')
  learnerId: string;

  @Field(() => Int, { description: 'The learner revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => ID, { description: 'Global ID of the credential earned.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => DateScalar, { description: 'The day it was earned; after today only with planned: true.' })
  awardedOn: string;
}

@InputType({ description: 'Changes to an award; omitted fields stay as they are. The award\'s signed credential is issued again.' })
export class AwardUpdateInput extends AwardFields {
  @Field(() => ID, { description: 'Global ID of the award to change.' })
  id: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was earned; a new date after today needs planned: true.' })
  @IsOptional()
  awardedOn?: string;
}

@InputType({ description: 'Which award to revoke, and why.' })
export class AwardRevokeInput {
  @Field(() => ID, { description: 'Global ID of the award; an award is revoked once.' })
  id: string;

  @Field(() => String, { description: 'Why it is revoked, at most 2,000 characters; shown on the award.' })
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the revocation takes effect for routes; today when omitted. Not before the award date nor after today.' })
  @IsOptional()
  revokedOn?: string;
}

@InputType({ description: 'A learner\'s claim for credit toward one program for work or life experience; starts SUBMITTED.' })
export class PriorLearningClaimCreateInput {
  @Field(() => ID, { description: 'Global ID of the learner.' })
  @RefersTo('Learner')
  learnerId: string;

  @Field(() => Int, { description: 'The learner revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => ID, { description: 'Global ID of the program the credit is asked for.' })
  @RefersTo('DegreeProgram')
  degreeProgramId: string;

  @Field(() => String, { description: 'What the experience was, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => String, { description: 'What the learner offers as evidence: roles held, certifications, portfolio links.' })
  @IsNotEmpty()
  @MaxLength(10000)
  evidence: string;

  @Field(() => Float, { description: 'Credits asked for, 0 to 200.' })
  @Min(0)
  @Max(200)
  creditsRequested: number;
}

@InputType({ description: 'Changes to a claim while it is SUBMITTED; omitted fields stay as they are.' })
export class PriorLearningClaimUpdateInput {
  @Field(() => ID, { description: 'Global ID of the prior learning claim to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'What the experience was, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => String, { nullable: true, description: 'What the learner offers as evidence, at most 10,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(10000)
  evidence?: string;

  @Field(() => Float, { nullable: true, description: 'Credits asked for, 0 to 200.' })
  @IsOptional()
  @Min(0)
  @Max(200)
  creditsRequested?: number;
}

@InputType({ description: 'Approval of a SUBMITTED claim.' })
export class PriorLearningClaimApproveInput {
  @Field(() => ID, { description: 'Global ID of the claim.' })
  id: string;

  @Field(() => Float, { description: 'Credits granted, 0 to 200; may differ from what was requested.' })
  @Min(0)
  @Max(200)
  creditsApproved: number;

  @Field(() => String, { nullable: true, description: 'Why, at most 2,000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType({ description: 'Denial of a SUBMITTED claim.' })
export class PriorLearningClaimDenyInput {
  @Field(() => ID, { description: 'Global ID of the claim.' })
  id: string;

  @Field(() => String, { description: 'Why it is denied, at most 2,000 characters; required.' })
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
