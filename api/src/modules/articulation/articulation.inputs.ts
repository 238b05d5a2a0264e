import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { DateScalar } from '../../core/scalars';
import { AgreementStatus } from './articulation-agreement.entity';
import { AwardLevel } from './degree-program.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

const CIP = /^\d{2}\.\d{4}$/;

@InputType()
abstract class DegreeProgramFields {
  @Field(() => String, { nullable: true, description: 'CIP code, NN.NNNN.' })
  @IsOptional()
  @Matches(CIP, { message: 'cipCode must look like 11.0901' })
  cipCode?: string | null;
}

@InputType()
export class DegreeProgramCreateInput extends DegreeProgramFields {
  @Field(() => ID)
  @RefersTo('Institution')
  institutionId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => AwardLevel)
  @IsEnum(AwardLevel)
  awardLevel: AwardLevel;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(400)
  totalCredits: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(400)
  residencyCredits: number;

  @Field(() => Float, { description: 'Share of total credits prior learning may give, 0 to 1.' })
  @Min(0)
  @Max(1)
  priorLearningCap: number;
}

@InputType()
export class DegreeProgramUpdateInput extends DegreeProgramFields {
  @Field(() => ID, { description: 'Global ID of the degree program to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => AwardLevel, { nullable: true })
  @IsOptional()
  @IsEnum(AwardLevel)
  awardLevel?: AwardLevel;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(400)
  totalCredits?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(400)
  residencyCredits?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1)
  priorLearningCap?: number;
}

@InputType()
export class DegreeProgramFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => AwardLevel, { nullable: true })
  awardLevel?: AwardLevel | null;

  @Field(() => String, { nullable: true, description: 'CIP code or its prefix.' })
  cipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The institution\'s region.' })
  region?: string | null;
}

export enum DegreeProgramOrderField {
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(DegreeProgramOrderField, 'DegreeProgramOrderField', 'DegreeProgram');

@InputType()
abstract class AgreementFields {
  @Field(() => ID, { nullable: true, description: 'Issuer of the credentials: an institution, or else an employer.' })
  @IsOptional()
  @RefersTo('Institution')
  issuerInstitutionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @RefersTo('Employer')
  issuerEmployerId?: string | null;

  @Field(() => AgreementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementStatus)
  status?: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null = open-ended.' })
  @IsOptional()
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  signedBy?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  signedOn?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  recencyYears?: number | null;

  @Field(() => ID, { nullable: true, description: 'A pathway whose completion earns block credit.' })
  @IsOptional()
  @RefersTo('Pathway')
  blockPathwayId?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(200)
  blockCredits?: number | null;
}

@InputType()
export class ArticulationAgreementCreateInput extends AgreementFields {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => ID)
  @RefersTo('DegreeProgram')
  degreeProgramId: string;

  @Field(() => DateScalar)
  effectiveFrom: string;
}

@InputType()
export class ArticulationAgreementUpdateInput extends AgreementFields {
  @Field(() => ID, { description: 'Global ID of the articulation agreement to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  effectiveFrom?: string;
}

@InputType()
export class ArticulationAgreementFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => ID, { nullable: true })
  degreeProgramId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The issuing institution or the program\'s institution.' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The issuing employer.' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Agreements that map this credential.' })
  credentialId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'ACTIVE and in force on this day.' })
  activeOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'ACTIVE and ending within this many days from today.' })
  expiringWithinDays?: number | null;
}

export enum ArticulationAgreementOrderField {
  TITLE = 'TITLE',
  EFFECTIVE_FROM = 'EFFECTIVE_FROM',
  EFFECTIVE_TO = 'EFFECTIVE_TO',
}
registerOrderFieldEnum(ArticulationAgreementOrderField, 'ArticulationAgreementOrderField', 'ArticulationAgreement');

@InputType()
abstract class CreditMappingFields {
  @Field(() => String, { nullable: true, description: 'The course it stands for, e.g. CIS-105.' })
  @IsOptional()
  @MaxLength(40)
  courseEquivalent?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest rubric level an award must reach.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  minMasteryLevel?: number | null;
}

@InputType()
export class CreditMappingCreateInput extends CreditMappingFields {
  @Field(() => ID)
  @RefersTo('ArticulationAgreement')
  agreementId: string;

  @Field(() => ID)
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Float)
  @Min(0)
  @Max(200)
  credits: number;
}

@InputType()
export class CreditMappingUpdateInput extends CreditMappingFields {
  @Field(() => ID, { description: 'Global ID of the credit mapping to change.' })
  id: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(200)
  credits?: number;
}
