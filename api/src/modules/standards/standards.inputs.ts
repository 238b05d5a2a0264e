import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { RefersTo } from '../../core/input';
import { CompetencyType } from './competency.entity';
import { registerOrderFieldEnum } from '../../core/pagination';

@InputType()
abstract class CompetencyFrameworkFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  version?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(500)
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUUID()
  caseIdentifier?: string | null;
}

@InputType()
export class CompetencyFrameworkCreateInput extends CompetencyFrameworkFields {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  publisher: string;
}

@InputType()
export class CompetencyFrameworkUpdateInput extends CompetencyFrameworkFields {
  @Field(() => ID, { description: 'Global ID of the competency framework to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  publisher?: string;
}

@InputType()
export class CompetencyFrameworkFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUUID()
  caseIdentifier?: string | null;
}

@InputType()
export class CompetencyCreateInput extends CompetencyFields {
  @Field(() => ID)
  @RefersTo('CompetencyFramework')
  frameworkId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(50)
  code: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(2000)
  statement: string;

  @Field(() => CompetencyType)
  @IsEnum(CompetencyType)
  type: CompetencyType;
}

@InputType()
export class CompetencyUpdateInput extends CompetencyFields {
  @Field(() => ID, { description: 'Global ID of the competency to change.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(50)
  code?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(2000)
  statement?: string;

  @Field(() => CompetencyType, { nullable: true })
  @IsOptional()
  @IsEnum(CompetencyType)
  type?: CompetencyType;
}

@InputType()
export class CompetencyFilter {
  @Field(() => String, { nullable: true, description: 'Text in the code or statement.' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  frameworkId?: string | null;

  @Field(() => CompetencyType, { nullable: true })
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
