import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { registerOrderFieldEnum } from '../../core/pagination';

/** Fields that are optional both when creating and when updating. */
@InputType()
abstract class EmployerFields {
  @Field(() => String, { nullable: true, description: 'North American Industry Classification System code, 2 to 6 digits.' })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'naicsCode must be a NAICS code of 2 to 6 digits' })
  naicsCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer\'s region, e.g. a state, at most 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'What the employer does, at most 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer\'s web site, with http:// or https://, at most 500 characters.' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  websiteUrl?: string | null;
}

@InputType({ description: 'A new employer partner.' })
export class EmployerCreateInput extends EmployerFields {
  @Field(() => String, { description: 'The employer\'s name, at most 200 characters.' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

@InputType({ description: 'Changes to an employer; omitted fields stay as they are, null clears an optional one.' })
export class EmployerUpdateInput extends EmployerFields {
  @Field(() => ID, { description: 'Global ID of the employer to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The employer\'s name, at most 200 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

@InputType({ description: 'Narrows a list of employers; every field given must match.' })
export class EmployerFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only employers in this region (exact match).' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'NAICS code or its prefix, e.g. "5415".' })
  naicsCode?: string | null;
}

export enum EmployerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(EmployerOrderField, 'EmployerOrderField', 'Employer');
