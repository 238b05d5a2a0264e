import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { UserError } from '../../core/errors';
import { OccupationFileKind, RejectionCode } from './onet-files';

@InputType({ description: 'One file of an occupation import, its text given whole.' })
export class OccupationImportFileInput {
  @Field(() => OccupationFileKind, { description: 'Which file this is; it decides the columns read.' })
  kind: OccupationFileKind;

  @Field(() => String, { nullable: true, description: 'Named in the report; defaults to the name O*NET or BLS gives the file.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { description: 'The file as published: tab-separated for O*NET, comma-separated for the OEWS wages.' })
  content: string;
}

@InputType({ description: 'O*NET and BLS files to import together, one of each kind at most.' })
export class OccupationsImportInput {
  @Field(() => [OccupationImportFileInput], { description: '1 to 4 files, applied together: tasks, job zones and wages of an occupation not stored yet need its Occupation Data row in the same import.' })
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
  @Field(() => String, { description: 'The file\'s name as given, or the name O*NET or BLS gives it.' })
  file: string;

  @Field(() => Int, { description: 'Line in the file; the header is line 1.' })
  line: number;

  @Field(() => RejectionCode, { description: 'Why the row was left out.' })
  code: RejectionCode;

  @Field(() => String, { description: 'The same in words, naming the column and value.' })
  reason: string;
}

@ObjectType({ description: 'What an occupation import did: occupations created, updated and unchanged, and the rows it left out.' })
export class OccupationImportReport {
  @Field(() => Int, { description: 'Occupations that did not exist before.' })
  created: number;

  @Field(() => Int, { description: 'Existing occupations whose data changed.' })
  updated: number;

  @Field(() => Int, { description: 'Existing occupations the files left exactly as they were.' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows left out; each is listed in rejectedRows.' })
  rejected: number;

  @Field(() => Int, { description: 'Wage rows of groups rather than occupations (OEWS totals, major, minor and broad groups).' })
  skipped: number;

  @Field(() => [ImportRejectedRow], { description: 'Every row left out, in file and line order.' })
  rejectedRows: ImportRejectedRow[];
}

@ObjectType({ description: 'What occupationsImport answers: the report, or userErrors saying why nothing was imported.' })
export class OccupationsImportPayload {
  @Field(() => OccupationImportReport, { nullable: true, description: 'Null when a file could not be read: then nothing was written.' })
  report: OccupationImportReport | null;

  @Field(() => [UserError], { description: 'Why nothing was imported (a file that cannot be read as its kind); empty on success.' })
  userErrors: UserError[];
}
