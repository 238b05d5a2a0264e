import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';
import { ONET_SOC_CODE, SOC_CODE } from './occupation.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class OccupationFields {
  @Field(() => String, { nullable: true, description: 'O*NET-SOC code, NN-NNNN.NN, e.g. 15-1232.00.' })
  @IsOptional()
  @Matches(ONET_SOC_CODE, { message: 'onetSocCode must look like 15-1232.00' })
  onetSocCode?: string | null;

  @Field(() => String, { nullable: true, description: 'What workers in the occupation do, at most 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'Median annual wage in US dollars, 0 to 10,000,000.' })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianAnnualWage?: number | null;

  @Field(() => String, { nullable: true, description: 'Where the wage comes from, e.g. "BLS OEWS", at most 200 characters.' })
  @IsOptional()
  @MaxLength(200)
  wageSource?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the wage survey, 1990 to 2100.' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  wageYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Typical education needed to enter the occupation, at most 200 characters.' })
  @IsOptional()
  @MaxLength(200)
  typicalEducation?: string | null;

  @Field(() => Int, { nullable: true, description: 'O*NET job zone, 1 (little preparation) to 5 (extensive).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  jobZone?: number | null;

  @Field(() => [String], { nullable: true, description: 'Task statements, at most 100 of 2,000 characters each; replaces the current list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(2000, { each: true })
  tasks?: string[];
}

@InputType({ description: 'A new occupation of the SOC 2018 classification.' })
export class OccupationCreateInput extends OccupationFields {
  @Field(() => String, { description: 'SOC 2018 code, NN-NNNN.' })
  @Matches(SOC_CODE, { message: 'socCode must look like 15-1232' })
  socCode: string;

  @Field(() => String, { description: 'The SOC title, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
}

@InputType({ description: 'Changes to an occupation; omitted fields stay as they are, null clears an optional one.' })
export class OccupationUpdateInput extends OccupationFields {
  @Field(() => ID, { description: 'Global ID of the occupation to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'SOC 2018 code, NN-NNNN; unique.' })
  @IsOptional()
  @Matches(SOC_CODE, { message: 'socCode must look like 15-1232' })
  socCode?: string;

  @Field(() => String, { nullable: true, description: 'The SOC title, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;
}

@InputType({ description: 'Narrows a list of occupations; every field given must match.' })
export class OccupationFilter {
  @Field(() => String, { nullable: true, description: 'Text in the title.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'A SOC code or its prefix: "15-1232", "15-12", "15".' })
  socCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only occupations in this O*NET job zone, 1 to 5.' })
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

@InputType({ description: 'Links a competency to an occupation.' })
export class OccupationCompetencyCreateInput {
  @Field(() => ID, { description: 'Global ID of the occupation.' })
  @RefersTo('Occupation')
  occupationId: string;

  @Field(() => ID, { description: 'Global ID of the competency.' })
  @RefersTo('Competency')
  competencyId: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether pathways to the occupation must cover it (coverage counts core competencies only); true when omitted.' })
  isCore?: boolean;
}

@InputType({ description: 'Changes whether a linked competency is core.' })
export class OccupationCompetencyUpdateInput {
  @Field(() => ID, { description: 'Global ID of the occupation competency to change.' })
  id: string;

  @Field(() => Boolean, { description: 'Whether pathways to the occupation must cover it.' })
  isCore: boolean;
}
