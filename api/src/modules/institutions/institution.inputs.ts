import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { InstitutionKind } from './institution.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class InstitutionFields {
  @Field(() => String, { nullable: true, description: 'Region served, e.g. a state or metro area, at most 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'The institution\'s web site, with http:// or https://, at most 500 characters.' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  websiteUrl?: string | null;
}

@InputType({ description: 'A new college or training provider.' })
export class InstitutionCreateInput extends InstitutionFields {
  @Field(() => String, { description: 'The institution\'s name, at most 200 characters.' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => InstitutionKind, { description: 'What kind of institution it is.' })
  @IsEnum(InstitutionKind)
  kind: InstitutionKind;
}

@InputType({ description: 'Changes to an institution; omitted fields stay as they are, null clears an optional one.' })
export class InstitutionUpdateInput extends InstitutionFields {
  @Field(() => ID, { description: 'Global ID of the institution to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The institution\'s name, at most 200 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field(() => InstitutionKind, { nullable: true, description: 'What kind of institution it is.' })
  @IsOptional()
  @IsEnum(InstitutionKind)
  kind?: InstitutionKind;
}

@InputType({ description: 'Narrows a list of institutions; every field given must match.' })
export class InstitutionFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only institutions in this region (exact match).' })
  region?: string | null;

  @Field(() => InstitutionKind, { nullable: true, description: 'Only institutions of this kind.' })
  kind?: InstitutionKind | null;
}

export enum InstitutionOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(InstitutionOrderField, 'InstitutionOrderField', 'Institution');
