import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { ONET_SOC_CODE, SOC_CODE } from './occupation.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class OccupationFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ONET_SOC_CODE, { message: 'onetSocCode must look like 15-1232.00' })
  onetSocCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianAnnualWage?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  wageSource?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  wageYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  typicalEducation?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  jobZone?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(2000, { each: true })
  tasks?: string[];
}

@InputType()
export class OccupationCreateInput extends OccupationFields {
  @Field(() => String, { description: 'SOC 2018 code, NN-NNNN.' })
  @Matches(SOC_CODE, { message: 'socCode must look like 15-1232' })
  socCode: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
}

@InputType()
export class OccupationUpdateInput extends OccupationFields {
  @Field(() => ID, { description: 'Global ID of the occupation to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(SOC_CODE, { message: 'socCode must look like 15-1232' })
  socCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;
}

@InputType()
export class OccupationFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'A SOC code or its prefix: "15-1232", "15-12", "15".' })
  socCode?: string | null;

  @Field(() => Int, { nullable: true })
  jobZone?: number | null;

  @Field(() => ID, { nullable: true, description: 'Occupations linked to this competency.' })
  competencyId?: string | null;
}

export enum OccupationOrderField {
  TITLE = 'TITLE',
  SOC_CODE = 'SOC_CODE',
  MEDIAN_ANNUAL_WAGE = 'MEDIAN_ANNUAL_WAGE',
}
registerOrderFieldEnum(OccupationOrderField, 'OccupationOrderField', 'Occupation');

@InputType()
export class OccupationCompetencyCreateInput {
  @Field(() => ID)
  @RefersTo('Occupation')
  occupationId: string;

  @Field(() => ID)
  @RefersTo('Competency')
  competencyId: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  isCore?: boolean;
}

@InputType()
export class OccupationCompetencyUpdateInput {
  @Field(() => ID, { description: 'Global ID of the occupation competency to change.' })
  id: string;

  @Field(() => Boolean)
  isCore: boolean;
}
