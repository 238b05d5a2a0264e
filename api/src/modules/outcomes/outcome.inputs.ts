import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';

@InputType()
abstract class OutcomeReportFields {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianWageBefore?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianWageAfter?: number | null;
}

@InputType()
export class OutcomeReportCreateInput extends OutcomeReportFields {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  cohort: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  enrolled: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  completed: number;

  @Field(() => Int, { description: 'Placed in the destination occupation within 180 days of completing.' })
  @IsInt()
  @Min(0)
  placed: number;
}

@InputType()
export class OutcomeReportUpdateInput extends OutcomeReportFields {
  @Field(() => ID, { description: 'Global ID of the outcome report to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  cohort?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  enrolled?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  completed?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  placed?: number;
}
