import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { registerOrderFieldEnum } from '../../core/pagination';

/** Fields that are optional both when creating and when updating. */
@InputType()
abstract class EmployerFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2,6}$/, { message: 'naicsCode must be a NAICS code of 2 to 6 digits' })
  naicsCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  websiteUrl?: string | null;
}

@InputType()
export class EmployerCreateInput extends EmployerFields {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

@InputType()
export class EmployerUpdateInput extends EmployerFields {
  @Field(() => ID, { description: 'Global ID of the employer to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

@InputType()
export class EmployerFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'NAICS code or its prefix, e.g. "5415".' })
  naicsCode?: string | null;
}

export enum EmployerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(EmployerOrderField, 'EmployerOrderField', 'Employer');
