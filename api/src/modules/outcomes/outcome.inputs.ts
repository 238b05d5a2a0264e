import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { RefersTo } from '../../core/input';

@InputType()
abstract class OutcomeReportFields {
  @Field(() => Float, { nullable: true, description: 'Median annual wage of the completers before the pathway, in US dollars, 0 to 10,000,000.' })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianWageBefore?: number | null;

  @Field(() => Float, { nullable: true, description: 'Median annual wage of those placed, after the pathway, in US dollars, 0 to 10,000,000.' })
  @IsOptional()
  @Min(0)
  @Max(10_000_000)
  medianWageAfter?: number | null;
}

@InputType({ description: 'Outcomes of a new cohort; each cohort is reported once per pathway. placed ≤ completed ≤ enrolled.' })
export class OutcomeReportCreateInput extends OutcomeReportFields {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => String, { description: 'The cohort, e.g. "2025 spring", at most 100 characters.' })
  @IsNotEmpty()
  @MaxLength(100)
  cohort: string;

  @Field(() => Int, { description: 'Learners who started, 0 or more.' })
  @IsInt()
  @Min(0)
  enrolled: number;

  @Field(() => Int, { description: 'Learners who completed, at most enrolled.' })
  @IsInt()
  @Min(0)
  completed: number;

  @Field(() => Int, { description: 'Placed in the destination occupation within 180 days of completing.' })
  @IsInt()
  @Min(0)
  placed: number;
}

@InputType({ description: 'Changes to an outcome report; omitted fields stay as they are. placed ≤ completed ≤ enrolled.' })
export class OutcomeReportUpdateInput extends OutcomeReportFields {
  @Field(() => ID, { description: 'Global ID of the outcome report to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The cohort, at most 100 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(100)
  cohort?: string;

  @Field(() => Int, { nullable: true, description: 'Learners who started, 0 or more.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  enrolled?: number;

  @Field(() => Int, { nullable: true, description: 'Learners who completed, at most enrolled.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  completed?: number;

  @Field(() => Int, { nullable: true, description: 'Completers placed in the destination occupation within 180 days, at most completed.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  placed?: number;
}
