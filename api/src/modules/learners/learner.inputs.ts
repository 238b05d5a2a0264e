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

@InputType()
export class LearnerCreateInput extends LearnerFields {
  @Field(() => ID)
  @RefersTo('Institution')
  institutionId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  givenName: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  familyName: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(320)
  email: string;
}

@InputType()
export class LearnerUpdateInput extends LearnerFields {
  @Field(() => ID, { description: 'Global ID of the learner to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  givenName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  familyName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

@InputType()
export class LearnerFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name or email.' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
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

  @Field(() => String, { nullable: true })
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

@InputType()
export class AwardCreateInput extends AwardFields {
  @Field(() => ID)
  @RefersTo('Learner')
  learnerId: string;

  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => DateScalar)
  awardedOn: string;
}

@InputType()
export class AwardUpdateInput extends AwardFields {
  @Field(() => ID, { description: 'Global ID of the award to change.' })
  id: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  awardedOn?: string;
}

@InputType()
export class AwardRevokeInput {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the revocation takes effect for routes; today when omitted. Not before the award date nor after today.' })
  @IsOptional()
  revokedOn?: string;
}

@InputType()
export class PriorLearningClaimCreateInput {
  @Field(() => ID)
  @RefersTo('Learner')
  learnerId: string;

  @Field(() => ID)
  @RefersTo('DegreeProgram')
  degreeProgramId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => String, { description: 'What the learner offers as evidence: roles held, certifications, portfolio links.' })
  @IsNotEmpty()
  @MaxLength(10000)
  evidence: string;

  @Field(() => Float)
  @Min(0)
  @Max(200)
  creditsRequested: number;
}

@InputType()
export class PriorLearningClaimUpdateInput {
  @Field(() => ID, { description: 'Global ID of the prior learning claim to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(10000)
  evidence?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(200)
  creditsRequested?: number;
}

@InputType()
export class PriorLearningClaimApproveInput {
  @Field(() => ID)
  id: string;

  @Field(() => Float)
  @Min(0)
  @Max(200)
  creditsApproved: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType()
export class PriorLearningClaimDenyInput {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
