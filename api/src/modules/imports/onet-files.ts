import { parse } from 'csv-parse/sync';
import { registerEnumType } from 'type-graphql';
import { ONET_SOC_CODE, SOC_CODE } from '../occupations/occupation.entity';

export enum OccupationFileKind {
  OCCUPATION_DATA = 'OCCUPATION_DATA',
  TASK_STATEMENTS = 'TASK_STATEMENTS',
  JOB_ZONES = 'JOB_ZONES',
  WAGES = 'WAGES',
}
registerEnumType(OccupationFileKind, {
  name: 'OccupationFileKind',
  description: 'O*NET text files (tab-separated) and a BLS OEWS wage file (comma-separated).',
  valuesConfig: {
    OCCUPATION_DATA: { description: 'O*NET "Occupation Data.txt": O*NET-SOC code, title and description; creates and updates occupations.' },
    TASK_STATEMENTS: { description: 'O*NET "Task Statements.txt": the tasks of each occupation.' },
    JOB_ZONES: { description: 'O*NET "Job Zones.txt": the job zone (1 to 5) of each occupation, and the typical education it implies.' },
    WAGES: { description: 'BLS OEWS national estimates (CSV): the median annual wage (A_MEDIAN, USD) by SOC code.' },
  },
});

export enum RejectionCode {
  WRONG_FIELD_COUNT = 'WRONG_FIELD_COUNT',
  INVALID_CODE = 'INVALID_CODE',
  MISSING_VALUE = 'MISSING_VALUE',
  TOO_LONG = 'TOO_LONG',
  INVALID_NUMBER = 'INVALID_NUMBER',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  DUPLICATE = 'DUPLICATE',
  SOC_CODE_TAKEN = 'SOC_CODE_TAKEN',
  UNKNOWN_OCCUPATION = 'UNKNOWN_OCCUPATION',
  WAGE_SUPPRESSED = 'WAGE_SUPPRESSED',
  WAGE_TOP_CODED = 'WAGE_TOP_CODED',
  /** OEWS names another occupation than ours for the SOC code: its wage is not applied. */
  TITLE_MISMATCH = 'TITLE_MISMATCH',
}
registerEnumType(RejectionCode, {
  name: 'ImportRejectionCode',
  description: 'Why an import left a row out.',
  valuesConfig: {
    WRONG_FIELD_COUNT: { description: 'The row has more or fewer fields than the header.' },
    INVALID_CODE: { description: 'The code is not an O*NET-SOC code like 15-1232.00 or a SOC code like 15-1232.' },
    MISSING_VALUE: { description: 'A required field is empty.' },
    TOO_LONG: { description: 'A text is longer than its field allows (title 300, description 5,000, task 2,000 characters).' },
    INVALID_NUMBER: { description: 'A number field does not hold a number.' },
    OUT_OF_RANGE: { description: 'A number is outside what the field allows (a job zone outside 1 to 5, a wage above 10,000,000).' },
    DUPLICATE: { description: 'The same O*NET-SOC code, task, job zone or wage appears a second time; the first one is kept.' },
    SOC_CODE_TAKEN: { description: 'Another row already gives this SOC code; an occupation holds one O*NET-SOC code (the .00 one is preferred), so this row is left out.' },
    UNKNOWN_OCCUPATION: { description: 'No occupation has the code; import its Occupation Data row first.' },
    WAGE_SUPPRESSED: { description: 'BLS publishes no median wage for the occupation (A_MEDIAN is * or **).' },
    WAGE_TOP_CODED: { description: 'The median is above the top of the BLS wage range (A_MEDIAN is #), so no exact figure is known.' },
    TITLE_MISMATCH: { description: 'The file names another occupation than ours for the SOC code, so its wage is not applied.' },
  },
});

export interface SourceFile {
  kind: OccupationFileKind;
  /** Shown in the report; the O*NET or BLS file name. */
  name: string;
  content: string;
}

export interface RejectedRow {
  file: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
  code: RejectionCode;
  reason: string;
}

/** A file that cannot be read as its kind at all: the whole import stops and writes nothing. */
export class ImportFileError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ImportFileError';
  }
}

/** The file names O*NET publishes in its text database, and the columns we read from each. */
export const FILE_FORMATS: Record<OccupationFileKind, { defaultName: string; delimiter: string; columns: readonly string[] }> = {
  [OccupationFileKind.OCCUPATION_DATA]: { defaultName: 'Occupation Data.txt', delimiter: '\t', columns: ['O*NET-SOC Code', 'Title', 'Description'] },
  [OccupationFileKind.TASK_STATEMENTS]: { defaultName: 'Task Statements.txt', delimiter: '\t', columns: ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type'] },
  [OccupationFileKind.JOB_ZONES]: { defaultName: 'Job Zones.txt', delimiter: '\t', columns: ['O*NET-SOC Code', 'Job Zone'] },
  [OccupationFileKind.WAGES]: { defaultName: 'oews_national.csv', delimiter: ',', columns: ['OCC_CODE', 'OCC_TITLE', 'A_MEDIAN'] },
};

const LIMITS = { title: 300, description: 5000, task: 2000, wage: 10_000_000 };

interface Row {
  line: number;
  get(column: string): string;
}

interface Table {
  rows: Row[];
  has(column: string): boolean;
}

/**
 * Reads a file's header and rows. A missing or wrong header, or text the CSV reader cannot
 * follow (an unclosed quote), makes the whole file unusable; a row with the wrong number of
 * fields is only that row's problem.
 */
function readTable(file: SourceFile, rejected: RejectedRow[]): Table {
  const format = FILE_FORMATS[file.kind];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(file.content, {
      delimiter: format.delimiter,
      // O*NET's text files are not quoted; a quote character there is part of the text.
      quote: format.delimiter === '\t' ? false : '"',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFileError(file.name, `not readable as ${format.delimiter === '\t' ? 'tab' : 'comma'}-separated text (${(error as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header) throw new ImportFileError(file.name, 'the file is empty');
  const names = header.record.map((name) => name.trim());
  const missing = format.columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(file.name, `missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; found ${names.map((n) => `"${n}"`).join(', ')}`);
  }
  const index = new Map(names.map((name, position) => [name, position]));
  const rows: Row[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length) {
      rejected.push({ file: file.name, line: info.lines, code: RejectionCode.WRONG_FIELD_COUNT, reason: `expected ${names.length} fields, found ${record.length}` });
      continue;
    }
    rows.push({ line: info.lines, get: (column) => (record[index.get(column) ?? -1] ?? '').trim() });
  }
  return { rows, has: (column) => index.has(column) };
}

export interface OccupationRow {
  line: number;
  onetSocCode: string;
  socCode: string;
  title: string;
  description: string | null;
}

export interface TaskRow {
  line: number;
  onetSocCode: string;
  taskId: number;
  task: string;
}

export interface JobZoneRow {
  line: number;
  onetSocCode: string;
  jobZone: number;
}

export interface WageRow {
  line: number;
  socCode: string;
  /** OCC_TITLE: BLS's name for the SOC code, which is not always the occupation's (an "All Other" group). */
  title: string;
  medianAnnualWage: number;
}

export interface ParsedFiles {
  occupations: OccupationRow[];
  tasks: TaskRow[];
  jobZones: JobZoneRow[];
  wages: WageRow[];
  /** Rows that describe no single occupation (OEWS totals and major, minor and broad groups). */
  skipped: number;
  rejected: RejectedRow[];
  fileNames: Partial<Record<OccupationFileKind, string>>;
}

/** Validates one row's fields; the first failure rejects the row. */
class RowCheck {
  private failure: { code: RejectionCode; reason: string } | null = null;

  constructor(private readonly file: string, private readonly row: Row, private readonly rejected: RejectedRow[]) {}

  fail(code: RejectionCode, reason: string): void {
    this.failure ??= { code, reason };
  }

  onetSocCode(column: string): string {
    const value = this.row.get(column);
    if (!ONET_SOC_CODE.test(value)) this.fail(RejectionCode.INVALID_CODE, `${column} "${value}" is not an O*NET-SOC code like 15-1232.00`);
    return value;
  }

  text(column: string, maxLength: number, required = true): string {
    const value = this.row.get(column);
    if (required && value === '') this.fail(RejectionCode.MISSING_VALUE, `${column} is empty`);
    if (value.length > maxLength) this.fail(RejectionCode.TOO_LONG, `${column} is longer than ${maxLength} characters`);
    return value;
  }

  integer(column: string, min: number, max: number): number {
    const raw = this.row.get(column);
    const value = Number(raw);
    if (!/^\d+$/.test(raw)) this.fail(RejectionCode.INVALID_NUMBER, `${column} "${raw}" is not a whole number`);
    else if (value < min || value > max) this.fail(RejectionCode.OUT_OF_RANGE, `${column} ${value} is outside ${min}–${max}`);
    return value;
  }

  /** Keeps the row if every check passed, otherwise reports it. */
  accept<T>(value: T, into: T[]): void {
    if (this.failure) this.rejected.push({ file: this.file, line: this.row.line, ...this.failure });
    else into.push(value);
  }
}

/**
 * BLS writes `*` where it publishes no wage estimate, `**` where it publishes no employment
 * estimate either, and `#` where the wage is at or above the top of its range ($239,200 a year
 * in recent releases), so no exact median is known.
 */
function readMedianWage(check: RowCheck, raw: string): number {
  if (raw === '*' || raw === '**') check.fail(RejectionCode.WAGE_SUPPRESSED, `A_MEDIAN is "${raw}": BLS publishes no median wage for this occupation`);
  else if (raw === '#') check.fail(RejectionCode.WAGE_TOP_CODED, 'A_MEDIAN is "#": the median is above the top of the BLS wage range, so no exact figure is known');
  const value = Number(raw.replace(/,/g, ''));
  if (!/^\d[\d,]*(\.\d+)?$/.test(raw)) check.fail(RejectionCode.INVALID_NUMBER, `A_MEDIAN "${raw}" is not a wage`);
  else if (value > LIMITS.wage) check.fail(RejectionCode.OUT_OF_RANGE, `A_MEDIAN ${raw} is above ${LIMITS.wage}`);
  return value;
}

const DETAILED_GROUP = 'detailed';

/**
 * Parses and checks every file before anything is written. Structural problems throw
 * ImportFileError; bad rows are reported in `rejected` and left out.
 */
export function parseOccupationFiles(files: SourceFile[]): ParsedFiles {
  const parsed: ParsedFiles = { occupations: [], tasks: [], jobZones: [], wages: [], skipped: 0, rejected: [], fileNames: {} };
  for (const file of files) {
    if (parsed.fileNames[file.kind]) throw new ImportFileError(file.name, `a second ${file.kind} file in one import`);
    parsed.fileNames[file.kind] = file.name;
    const table = readTable(file, parsed.rejected);
    for (const row of table.rows) {
      const check = new RowCheck(file.name, row, parsed.rejected);
      switch (file.kind) {
        case OccupationFileKind.OCCUPATION_DATA: {
          const onetSocCode = check.onetSocCode('O*NET-SOC Code');
          const title = check.text('Title', LIMITS.title);
          const description = check.text('Description', LIMITS.description, false);
          check.accept({ line: row.line, onetSocCode, socCode: onetSocCode.slice(0, 7), title, description: description || null }, parsed.occupations);
          break;
        }
        case OccupationFileKind.TASK_STATEMENTS: {
          const onetSocCode = check.onetSocCode('O*NET-SOC Code');
          const taskId = check.integer('Task ID', 1, 2_147_483_647);
          const task = check.text('Task', LIMITS.task);
          check.accept({ line: row.line, onetSocCode, taskId, task }, parsed.tasks);
          break;
        }
        case OccupationFileKind.JOB_ZONES: {
          const onetSocCode = check.onetSocCode('O*NET-SOC Code');
          const jobZone = check.integer('Job Zone', 1, 5);
          check.accept({ line: row.line, onetSocCode, jobZone }, parsed.jobZones);
          break;
        }
        case OccupationFileKind.WAGES: {
          if (table.has('O_GROUP') && row.get('O_GROUP').toLowerCase() !== DETAILED_GROUP) {
            parsed.skipped += 1;
            break;
          }
          const socCode = row.get('OCC_CODE');
          if (!SOC_CODE.test(socCode)) check.fail(RejectionCode.INVALID_CODE, `OCC_CODE "${socCode}" is not a SOC code like 15-1232`);
          const medianAnnualWage = readMedianWage(check, row.get('A_MEDIAN'));
          check.accept({ line: row.line, socCode, title: row.get('OCC_TITLE'), medianAnnualWage }, parsed.wages);
          break;
        }
      }
    }
  }
  return parsed;
}

/** The year of an OEWS release from its file name, as BLS names them: national_M2023_dl. */
export function wageYearFromFileName(name: string): number | null {
  const match = /(?:^|[^A-Za-z0-9])M(\d{4})(?:[^0-9]|$)/i.exec(name);
  return match ? Number(match[1]) : null;
}
