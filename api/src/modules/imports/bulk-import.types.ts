import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/errors';
import { toGlobalId } from '../../core/ids';
import { BulkImportKind, BulkImportPlan, BulkRejectionCode } from './bulk-import.service';

registerEnumType(BulkImportKind, {
  name: 'BulkImportKind',
  description: 'What a bulk import brings in from a spreadsheet (CSV or XLSX).',
  valuesConfig: {
    MAPPINGS: { description: 'Credit mappings into one articulation agreement (targetId): columns credential, credits, course_equivalent, min_mastery_level.' },
    AWARDS: { description: 'Awards into learners\' records: columns learner_email (unless targetId names the learner), credential, awarded_on, mastery_level, evidence_url, planned.' },
    CLAIMS: { description: 'Prior-learning claims, created SUBMITTED: columns learner_email (unless targetId names the learner), program, title, evidence, credits_requested.' },
  },
});

registerEnumType(BulkRejectionCode, {
  name: 'BulkImportRejectionCode',
  description: 'Why a bulk import rejected a row.',
  valuesConfig: {
    MISSING_VALUE: { description: 'A required cell is empty.' },
    INVALID_NUMBER: { description: 'A cell that takes a number (or yes/no) holds something else, a fraction where a whole number is needed, or more than two decimals.' },
    OUT_OF_RANGE: { description: 'A number is outside what the column allows (credits 0 to 200, levels 1 to 10).' },
    INVALID_DATE: { description: 'A date is not a real day written YYYY-MM-DD (or a date cell of the XLSX).' },
    INVALID_URL: { description: 'evidence_url is not an http:// or https:// address.' },
    TOO_LONG: { description: 'A text is longer than its column allows (course_equivalent 40, title 300, evidence 10,000, evidence_url 1,000 characters).' },
    EXTRA_VALUES: { description: 'The row has values past the columns the header names.' },
    DUPLICATE: { description: 'The same record (credential of a mapping; learner, credential and date of an award; learner, program and title of a claim) is on an earlier line of the file.' },
    UNKNOWN_CREDENTIAL: { description: 'No credential has that title or ID (for mappings: among the agreement issuer\'s credentials).' },
    AMBIGUOUS_CREDENTIAL: { description: 'Several credentials have that title: give the credential\'s ID instead.' },
    UNKNOWN_PROGRAM: { description: 'No degree program has that title or ID.' },
    AMBIGUOUS_PROGRAM: { description: 'Several degree programs have that title: give the program\'s ID instead.' },
    LEARNER_NOT_FOUND: { description: 'No learner the viewer manages has that email.' },
    OTHER_LEARNER: { description: 'The row names another learner than the one the import is for.' },
    AWARD_DATE_IN_FUTURE: { description: 'The award date is after today and the planned column does not say yes.' },
    LEVEL_ABOVE_RUBRIC: { description: 'The mastery level is above the top level of the credential\'s rubric.' },
    AWARD_REVOKED: { description: 'The row would change an award that was revoked.' },
    CLAIM_DECIDED: { description: 'The row would change a claim that was already approved or denied.' },
  },
});

export enum BulkImportAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(BulkImportAction, {
  name: 'BulkImportAction',
  description: 'What a bulk import does with one row.',
  valuesConfig: {
    CREATE: { description: 'A new record.' },
    UPDATE: { description: 'An existing record whose values change; changes lists them.' },
    UNCHANGED: { description: 'An existing record the row leaves exactly as it is.' },
  },
});

/** The most rows and rejected rows a report lists; the counts always cover every row. */
export const REPORT_LIST_LIMIT = 1000;

@ObjectType({ description: 'One row of a bulk import and what it does.' })
export class BulkImportRow {
  @Field(() => Int, { description: 'Line of the CSV or row of the sheet; the header is line 1.' })
  line: number;

  @Field(() => BulkImportAction, { description: 'Created, updated or left unchanged.' })
  action: BulkImportAction;

  @Field(() => String, { description: 'The record in words, e.g. "Network Basics → 4 credits (CIS-120)".' })
  summary: string;

  @Field(() => [String], { description: 'For an update, each change as "field before → after".' })
  changes: string[];

  @Field(() => ID, { nullable: true, description: 'Global ID of the record: the existing one, or, once applied, the one created; null for a row to create in a preview.' })
  record: string | null;
}

@ObjectType({ description: 'A row a bulk import rejected, and why, in words.' })
export class BulkImportRejectedRow {
  @Field(() => Int, { description: 'Line of the CSV or row of the sheet; the header is line 1.' })
  line: number;

  @Field(() => BulkRejectionCode, { description: 'Why the row was rejected.' })
  code: BulkRejectionCode;

  @Field(() => String, { nullable: true, description: 'The column at fault, as the header names it; null when the row as a whole is at fault.' })
  column: string | null;

  @Field(() => String, { description: 'The reason, naming the value, ready to show the user.' })
  reason: string;
}

@ObjectType({ description: 'What a bulk import would do (a preview) or did (once applied).' })
export class BulkImportReport {
  @Field(() => BulkImportKind, { description: 'What was imported.' })
  kind: BulkImportKind;

  @Field(() => String, { description: 'CSV or XLSX, as read from the file\'s content.' })
  format: string;

  @Field(() => Boolean, { description: 'True once written; a preview writes nothing.' })
  applied: boolean;

  @Field(() => Int, { description: 'Rows that create a record.' })
  created: number;

  @Field(() => Int, { description: 'Rows that change an existing record.' })
  updated: number;

  @Field(() => Int, { description: 'Rows that match an existing record exactly; re-importing a file gives only these.' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows rejected; a file with any cannot be applied.' })
  rejected: number;

  @Field(() => String, { description: 'Names this preview: give it to bulkImportApply as expectedDigest, and the apply is refused with CONFLICT if the records changed meanwhile.' })
  digest: string;

  @Field(() => [BulkImportRow], { description: 'The rows to create or update, then the unchanged ones, in line order within each; at most 1,000 (the counts cover all).' })
  rows: BulkImportRow[];

  @Field(() => [BulkImportRejectedRow], { description: 'Rejected rows in line order; at most 1,000 (rejected counts all).' })
  rejectedRows: BulkImportRejectedRow[];

  /** The plan, for the impact of a mapping import. */
  plan: BulkImportPlan;

  /** Ids created by an apply, in the order of the rows to create. */
  createdIds: number[];
}

const RECORD_TYPES = { MAPPINGS: 'CreditMapping', AWARDS: 'Award', CLAIMS: 'PriorLearningClaim' } as const;

export function reportOf(plan: BulkImportPlan, applied: { createdIds: number[] } | null): BulkImportReport {
  const created = plan.rows.filter((row) => row.action === 'CREATE');
  const createdId = new Map(applied ? created.map((row, index) => [row.line, applied.createdIds[index]]) : []);
  const order = { CREATE: 0, UPDATE: 0, UNCHANGED: 1 };
  const rows = [...plan.rows].sort((a, b) => order[a.action] - order[b.action] || a.line - b.line).slice(0, REPORT_LIST_LIMIT);
  return Object.assign(new BulkImportReport(), {
    kind: plan.kind,
    format: plan.format,
    applied: applied !== null,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    rejected: plan.rejected.length,
    digest: plan.digest,
    rows: rows.map((row) => Object.assign(new BulkImportRow(), {
      line: row.line,
      action: row.action as BulkImportAction,
      summary: row.summary,
      changes: row.changes,
      record: row.id !== null ? toGlobalId(RECORD_TYPES[plan.kind], row.id) : createdId.has(row.line) ? toGlobalId(RECORD_TYPES[plan.kind], createdId.get(row.line)!) : null,
    })),
    rejectedRows: plan.rejected.slice(0, REPORT_LIST_LIMIT).map((row) => Object.assign(new BulkImportRejectedRow(), row)),
    plan,
    createdIds: applied?.createdIds ?? [],
  });
}

@InputType()
abstract class BulkImportFileFields {
  @Field(() => BulkImportKind, { description: 'What the file holds; it decides the columns read.' })
  @IsEnum(BulkImportKind)
  kind: BulkImportKind;

  @Field(() => ID, { nullable: true, description: 'MAPPINGS: the articulation agreement (required). AWARDS and CLAIMS: the learner every row is for (optional; without it each row names its learner_email).' })
  @IsOptional()
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: 'The file\'s name, for messages; the format is read from the content.' })
  @IsOptional()
  @MaxLength(300)
  fileName?: string | null;

  @Field(() => String, { description: 'The CSV (UTF-8) or XLSX file, base64-encoded. Requests are limited by GRAPHQL_MAX_BODY_BYTES; larger files (up to 20 MB) go to POST /import/{kind}.' })
  content: string;
}

@InputType({ description: 'A spreadsheet to preview: nothing is written.' })
export class BulkImportPreviewInput extends BulkImportFileFields {}

@InputType({ description: 'A spreadsheet to apply, all or nothing.' })
export class BulkImportApplyInput extends BulkImportFileFields {
  @Field(() => String, { nullable: true, description: 'The digest of the preview the user saw; the apply is refused with CONFLICT when the records changed since.' })
  @IsOptional()
  @MaxLength(64)
  expectedDigest?: string | null;
}

@ObjectType({ description: 'What bulkImportPreview answers.' })
export class BulkImportPreviewPayload {
  @Field(() => BulkImportReport, { nullable: true, description: 'What applying the file would do; null when the file cannot be read (userErrors says why).' })
  report: BulkImportReport | null;

  @Field(() => [UserError], { description: 'Why the file cannot be read at all (size, binary content, columns); empty otherwise. Bad rows are in report.rejectedRows instead.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'What bulkImportApply answers.' })
export class BulkImportApplyPayload {
  @Field(() => BulkImportReport, { nullable: true, description: 'What was written; null when nothing was (userErrors says why).' })
  report: BulkImportReport | null;

  @Field(() => [UserError], { description: 'Why nothing was written: a file that cannot be read, rejected rows (INVALID, naming the first), or records changed since the preview (CONFLICT).' })
  userErrors: UserError[];
}
