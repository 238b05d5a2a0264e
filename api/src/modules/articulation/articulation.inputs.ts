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

@InputType({ description: 'A new degree program: its credit requirements and the limits on credit from outside.' })
export class DegreeProgramCreateInput extends DegreeProgramFields {
  @Field(() => ID, { description: 'Global ID of the institution that offers the program.' })
  @RefersTo('Institution')
  institutionId: string;

  @Field(() => String, { description: 'The program\'s name, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => AwardLevel, { description: 'What the program awards.' })
  @IsEnum(AwardLevel)
  awardLevel: AwardLevel;

  @Field(() => Int, { description: 'Credits the program requires in all, 1 to 400.' })
  @IsInt()
  @Min(1)
  @Max(400)
  totalCredits: number;

  @Field(() => Int, { description: 'Credits that must be earned at the institution, 0 to totalCredits; outside credit is limited to totalCredits − residencyCredits.' })
  @IsInt()
  @Min(0)
  @Max(400)
  residencyCredits: number;

  @Field(() => Float, { description: 'Share of total credits prior learning may give, 0 to 1.' })
  @Min(0)
  @Max(1)
  priorLearningCap: number;
}

@InputType({ description: 'Changes to a degree program; omitted fields stay as they are.' })
export class DegreeProgramUpdateInput extends DegreeProgramFields {
  @Field(() => ID, { description: 'Global ID of the degree program to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The program\'s name, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => AwardLevel, { nullable: true, description: 'What the program awards.' })
  @IsOptional()
  @IsEnum(AwardLevel)
  awardLevel?: AwardLevel;

  @Field(() => Int, { nullable: true, description: 'Credits the program requires in all, 1 to 400.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(400)
  totalCredits?: number;

  @Field(() => Int, { nullable: true, description: 'Credits that must be earned at the institution, 0 to totalCredits.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(400)
  residencyCredits?: number;

  @Field(() => Float, { nullable: true, description: 'Share of total credits prior learning may give, 0 to 1 (0.75 allows 45 of 60).' })
  @IsOptional()
  @Min(0)
  @Max(1)
  priorLearningCap?: number;
}

@InputType({ description: 'Narrows a list of degree programs; every field given must match.' })
export class DegreeProgramFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the offering institution.' })
  institutionId?: string | null;

  @Field(() => AwardLevel, { nullable: true, description: 'Only programs that award this.' })
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

  @Field(() => ID, { nullable: true, description: 'Global ID of the issuing employer, when the credentials are an employer\'s; give this or issuerInstitutionId, not both.' })
  @IsOptional()
  @RefersTo('Employer')
  issuerEmployerId?: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'DRAFT when omitted on create; only ACTIVE agreements grant credit.' })
  @IsOptional()
  @IsEnum(AgreementStatus)
  status?: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null = open-ended.' })
  @IsOptional()
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Name and title of whoever signed it, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200)
  signedBy?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was signed.' })
  @IsOptional()
  signedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Awards earned more than this many years before asOf do not count (EXPIRED), 1 to 50; null for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  recencyYears?: number | null;

  @Field(() => ID, { nullable: true, description: 'A pathway whose completion earns block credit.' })
  @IsOptional()
  @RefersTo('Pathway')
  blockPathwayId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Extra credits, 0 to 200, for completing every stage of blockPathwayId; give both or neither.' })
  @IsOptional()
  @Min(0)
  @Max(200)
  blockCredits?: number | null;
}

@InputType({ description: 'A new articulation agreement; add its credit mappings with creditMappingCreate.' })
export class ArticulationAgreementCreateInput extends AgreementFields {
  @Field(() => String, { description: 'The agreement\'s name, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => ID, { description: 'Global ID of the program the credit counts toward.' })
  @RefersTo('DegreeProgram')
  degreeProgramId: string;

  @Field(() => DateScalar, { description: 'First day in force.' })
  effectiveFrom: string;
}

@InputType({ description: 'Changes to an agreement; omitted fields stay as they are, null clears an optional one.' })
export class ArticulationAgreementUpdateInput extends AgreementFields {
  @Field(() => ID, { description: 'Global ID of the articulation agreement to change.' })
  id: string;

  @Field(() => Int, { description: 'The agreement revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => String, { nullable: true, description: 'The agreement\'s name, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force; not after effectiveTo.' })
  @IsOptional()
  effectiveFrom?: string;
}

@InputType({ description: 'Narrows a list of agreements; every field given must match.' })
export class ArticulationAgreementFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'Only agreements in this status.' })
  status?: AgreementStatus | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the program the credit counts toward.' })
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

@InputType({ description: 'A new row of an agreement\'s credit-mapping table: one credential and what it is worth.' })
export class CreditMappingCreateInput extends CreditMappingFields {
  @Field(() => ID, { description: 'Global ID of the agreement.' })
  @RefersTo('ArticulationAgreement')
  agreementId: string;

  @Field(() => Int, { description: 'The agreement revision this edit is based on; a stale one is refused with CONFLICT.' })
  @IsInt()
  expectedRevision: number;

  @Field(() => ID, { description: 'Global ID of the credential; an agreement maps each credential once.' })
  @RefersTo('Credential')
  credentialId: string;

  @Field(() => Float, { description: 'Degree credits a valid award gives, 0 to 200.' })
  @Min(0)
  @Max(200)
  credits: number;
}

@InputType({ description: 'Changes to a credit mapping; omitted fields stay as they are.' })
export class CreditMappingUpdateInput extends CreditMappingFields {
  @Field(() => ID, { description: 'Global ID of the credit mapping to change.' })
  id: string;

  @Field(() => Float, { nullable: true, description: 'Degree credits a valid award gives, 0 to 200.' })
  @IsOptional()
  @Min(0)
  @Max(200)
  credits?: number;
}
