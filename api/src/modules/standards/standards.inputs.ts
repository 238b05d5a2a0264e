import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { RefersTo } from '../../core/input';
import { CompetencyType } from './competency.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class CompetencyFrameworkFields {
  @Field(() => String, { nullable: true, description: 'The publisher\'s version label, at most 50 characters.' })
  @IsOptional()
  @MaxLength(50)
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the framework applies, e.g. "US", at most 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: 'What the framework covers, at most 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the publisher offers it, with http:// or https://, at most 500 characters.' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'CASE identifier (UUID) of its CFDocument; a new one is made when omitted on create. Unique.' })
  @IsOptional()
  @IsUUID()
  caseIdentifier?: string | null;
}

@InputType({ description: 'A new competency framework.' })
export class CompetencyFrameworkCreateInput extends CompetencyFrameworkFields {
  @Field(() => String, { description: 'The framework\'s title, at most 300 characters.' })
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field(() => String, { description: 'Who publishes it, at most 200 characters.' })
  @IsNotEmpty()
  @MaxLength(200)
  publisher: string;
}

@InputType({ description: 'Changes to a framework; omitted fields stay as they are, null clears an optional one.' })
export class CompetencyFrameworkUpdateInput extends CompetencyFrameworkFields {
  @Field(() => ID, { description: 'Global ID of the competency framework to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The framework\'s title, at most 300 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Who publishes it, at most 200 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  publisher?: string;
}

@InputType({ description: 'Narrows a list of frameworks; every field given must match.' })
export class CompetencyFrameworkFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only frameworks of this publisher (exact match).' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Only frameworks for this jurisdiction (exact match).' })
  jurisdiction?: string | null;
}

export enum CompetencyFrameworkOrderField {
  NAME = 'NAME',
  PUBLISHER = 'PUBLISHER',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(CompetencyFrameworkOrderField, 'CompetencyFrameworkOrderField', 'CompetencyFramework');

@InputType()
abstract class CompetencyFields {
  @Field(() => ID, { nullable: true, description: 'The broader competency this one refines.' })
  @IsOptional()
  @RefersTo('Competency')
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'CASE identifier (UUID) of its CFItem; a new one is made when omitted on create. Unique.' })
  @IsOptional()
  @IsUUID()
  caseIdentifier?: string | null;
}

@InputType({ description: 'A new competency in a framework.' })
export class CompetencyCreateInput extends CompetencyFields {
  @Field(() => ID, { description: 'Global ID of the framework.' })
  @RefersTo('CompetencyFramework')
  frameworkId: string;

  @Field(() => String, { description: 'Code within the framework, e.g. "ITS-1.2", at most 50 characters; unique in the framework.' })
  @IsNotEmpty()
  @MaxLength(50)
  code: string;

  @Field(() => String, { description: 'What the worker must know or do, at most 2,000 characters.' })
  @IsNotEmpty()
  @MaxLength(2000)
  statement: string;

  @Field(() => CompetencyType, { description: 'Knowledge, skill, task or ability.' })
  @IsEnum(CompetencyType)
  type: CompetencyType;
}

@InputType({ description: 'Changes to a competency; omitted fields stay as they are.' })
export class CompetencyUpdateInput extends CompetencyFields {
  @Field(() => ID, { description: 'Global ID of the competency to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Code within the framework, at most 50 characters; unique in the framework.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(50)
  code?: string;

  @Field(() => String, { nullable: true, description: 'What the worker must know or do, at most 2,000 characters.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(2000)
  statement?: string;

  @Field(() => CompetencyType, { nullable: true, description: 'Knowledge, skill, task or ability.' })
  @IsOptional()
  @IsEnum(CompetencyType)
  type?: CompetencyType;
}

@InputType({ description: 'Narrows a list of competencies; every field given must match.' })
export class CompetencyFilter {
  @Field(() => String, { nullable: true, description: 'Text in the code or statement.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the framework.' })
  frameworkId?: string | null;

  @Field(() => CompetencyType, { nullable: true, description: 'Only competencies of this type.' })
  type?: CompetencyType | null;

  @Field(() => ID, { nullable: true, description: 'Competencies linked to this occupation.' })
  occupationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With occupationId: only the core ones.' })
  coreOnly?: boolean | null;
}

export enum CompetencyOrderField {
  CODE = 'CODE',
  CREATED_AT = 'CREATED_AT',
}
registerOrderFieldEnum(CompetencyOrderField, 'CompetencyOrderField', 'Competency');
