import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { UserError } from '../../core/errors';
import { OccupationFileKind, RejectionCode } from './onet-files';

@InputType({ description: 'One file of an occupation import, its text given whole.' })
export class OccupationImportFileInput {
  @Field(() => OccupationFileKind)
  kind: OccupationFileKind;

  @Field(() => String, { nullable: true, description: 'Named in the report; defaults to the name O*NET or BLS gives the file.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { description: 'The file as published: tab-separated for O*NET, comma-separated for the OEWS wages.' })
  content: string;
}

@InputType()
export class OccupationsImportInput {
  @Field(() => [OccupationImportFileInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  files: OccupationImportFileInput[];

  @Field(() => Int, { nullable: true, description: 'Year of the wage estimates, when the wage file\'s name does not say (national_M2023_dl.csv).' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  wageYear?: number | null;
}

@ObjectType({ description: 'A row an import left out, and why.' })
export class ImportRejectedRow {
  @Field(() => String)
  file: string;

  @Field(() => Int, { description: 'Line in the file; the header is line 1.' })
  line: number;

  @Field(() => RejectionCode)
  code: RejectionCode;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: 'What an occupation import did: occupations created, updated and unchanged, and the rows it left out.' })
export class OccupationImportReport {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int, { description: 'Rows left out; each is listed in rejectedRows.' })
  rejected: number;

  @Field(() => Int, { description: 'Wage rows of groups rather than occupations (OEWS totals, major, minor and broad groups).' })
  skipped: number;

  @Field(() => [ImportRejectedRow])
  rejectedRows: ImportRejectedRow[];
}

@ObjectType()
export class OccupationsImportPayload {
  @Field(() => OccupationImportReport, { nullable: true, description: 'Null when a file could not be read: then nothing was written.' })
  report: OccupationImportReport | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
