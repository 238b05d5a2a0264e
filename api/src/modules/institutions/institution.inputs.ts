import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { InstitutionKind } from './institution.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class InstitutionFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  websiteUrl?: string | null;
}

@InputType()
export class InstitutionCreateInput extends InstitutionFields {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => InstitutionKind)
  @IsEnum(InstitutionKind)
  kind: InstitutionKind;
}

@InputType()
export class InstitutionUpdateInput extends InstitutionFields {
  @Field(() => ID, { description: 'Global ID of the institution to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field(() => InstitutionKind, { nullable: true })
  @IsOptional()
  @IsEnum(InstitutionKind)
  kind?: InstitutionKind;
}

@InputType()
export class InstitutionFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => InstitutionKind, { nullable: true })
  kind?: InstitutionKind | null;
}

export enum InstitutionOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(InstitutionOrderField, 'InstitutionOrderField', 'Institution');
