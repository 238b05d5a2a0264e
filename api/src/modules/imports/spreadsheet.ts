import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createInflateRaw } from 'node:zlib';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';

/** What a bulk import reads at most; a file past them is refused whole, with nothing written. */
export const SPREADSHEET_LIMITS = {
  /** Bytes of the file as sent. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Data rows, the header not counted. */
  maxRows: 100_000,
  /** Bytes an XLSX may unpack to, all its parts together: as its zip directory declares them, and as they inflate. */
  maxUnpackedBytes: 400 * 1024 * 1024,
  /** How much larger than its compressed size one part of an XLSX may unpack to. */
  maxCompressionRatio: 200,
  /** Characters of one cell. */
  maxCellChars: 10_000,
} as const;

/** A file that cannot be read as a spreadsheet at all: the import stops and writes nothing. */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: 'FILE_TOO_LARGE' | 'TOO_MANY_ROWS' | 'NOT_A_SPREADSHEET' | 'UNREADABLE' | 'EMPTY' | 'MISSING_COLUMNS' | 'UNKNOWN_COLUMNS',
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export interface SheetRow {
  /** Line of the CSV, or row number of the sheet; the header is line 1 when it comes first. */
  line: number;
  /** Cell text by column name (the header's, trimmed and lower-cased); empty cells are ''. */
  values: Record<string, string>;
}

export interface Sheet {
  format: 'CSV' | 'XLSX';
  columns: string[];
  rows: SheetRow[];
}

export interface ReadOptions {
  /** Columns the file must have (names are matched in any case, spaces or hyphens for underscores). */
  required: readonly string[];
  /** Columns it may have as well; any other column is refused, so a typo does not silently drop data. */
  optional: readonly string[];
  /** Called as rows are read, with how many so far. */
  onRows?: (count: number) => void;
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_COMPOUND = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const normaliseColumn = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Reads a CSV or XLSX file into rows keyed by column. The format comes from the bytes, not the
 * name: an XLSX is a zip, anything else must be UTF-8 text. Refuses with a SpreadsheetError what
 * is too large, binary, a zip that unpacks to far more than it weighs, or lacks the columns.
 */
export async function readSpreadsheet(content: Buffer, options: ReadOptions): Promise<Sheet> {
  if (content.length > SPREADSHEET_LIMITS.maxFileBytes) {
    throw new SpreadsheetError('FILE_TOO_LARGE', `The file is ${megabytes(content.length)}; files up to ${megabytes(SPREADSHEET_LIMITS.maxFileBytes)} are imported`);
  }
  if (content.length === 0) throw new SpreadsheetError('EMPTY', 'The file is empty');
  if (content.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return readXlsx(content, options);
  if (content.subarray(0, 8).equals(OLE_COMPOUND)) {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', 'This is an Excel 97-2003 (.xls) file: save it as .xlsx or CSV and import that');
  }
  return readCsv(content, options);
}

function textOf(content: Buffer): string {
  const sample = content.subarray(0, 64 * 1024);
  if (sample.includes(0)) throw new SpreadsheetError('NOT_A_SPREADSHEET', 'This is a binary file, not a CSV or XLSX spreadsheet');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', 'The file is neither an XLSX workbook nor text in UTF-8: save it as CSV UTF-8 or .xlsx');
  }
}

/** Maps the header's names to the known columns; refuses missing and unknown ones, naming them. */
function columnsOf(header: string[], options: ReadOptions): string[] {
  const columns = header.map(normaliseColumn);
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  if (columns.length === 0) throw new SpreadsheetError('EMPTY', 'The file has no header row: its first row must name the columns');
  const known = new Set([...options.required, ...options.optional]);
  const unknown = columns.filter((column) => !known.has(column));
  const missing = options.required.filter((column) => !columns.includes(column));
  const expected = `expected ${options.required.join(', ')}${options.optional.length ? ` (and optionally ${options.optional.join(', ')})` : ''}`;
  if (missing.length > 0) {
    throw new SpreadsheetError('MISSING_COLUMNS', `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the header must name the columns, ${expected}`);
  }
  if (unknown.length > 0) {
    throw new SpreadsheetError('UNKNOWN_COLUMNS', `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}: ${expected}`);
  }
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw new SpreadsheetError('UNKNOWN_COLUMNS', `The column ${repeated} appears twice in the header`);
  return columns;
}

function tooManyRows(): SpreadsheetError {
  return new SpreadsheetError('TOO_MANY_ROWS', `The file has more than ${SPREADSHEET_LIMITS.maxRows.toLocaleString('en-US')} rows: split it into smaller files`);
}

function cell(text: string): string {
  const value = text.trim();
  return value.length > SPREADSHEET_LIMITS.maxCellChars ? value.slice(0, SPREADSHEET_LIMITS.maxCellChars + 1) : value;
}

async function readCsv(content: Buffer, options: ReadOptions): Promise<Sheet> {
  const text = textOf(content);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Spreadsheets save CSV with commas or, in many locales, semicolons; tabs for a pasted table.
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1024 * 1024 }),
  );
  let columns: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = columnsOf(record, options);
        continue;
      }
      if (record.every((value) => value.trim() === '')) continue;
      if (rows.length >= SPREADSHEET_LIMITS.maxRows) throw tooManyRows();
      const values: Record<string, string> = {};
      columns.forEach((column, index) => {
        values[column] = cell(record[index] ?? '');
      });
      // Values past the header's columns are kept under their position, so the row can be rejected for them.
      if (record.slice(columns.length).some((value) => value.trim() !== '')) values['#extra'] = String(record.length);
      rows.push({ line: info.lines, values });
      if (rows.length % 1000 === 0) options.onRows?.(rows.length);
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('UNREADABLE', `The CSV cannot be read: ${(error as Error).message}`);
  }
  if (!columns) throw new SpreadsheetError('EMPTY', 'The file holds no rows');
  options.onRows?.(rows.length);
  return { format: 'CSV', columns, rows };
}

/**
 * The sizes an XLSX's zip directory declares for its parts, checked before anything is unpacked:
 * a zip bomb (a few kilobytes that unpack to gigabytes) is refused here.
 */
function checkZipDirectory(content: Buffer): { offset: number; compressed: number; method: number }[] {
  const minimum = content.length - 22 - 0xffff;
  let end = -1;
  for (let at = content.length - 22; at >= Math.max(0, minimum); at -= 1) {
    if (content.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new SpreadsheetError('UNREADABLE', 'The XLSX file is damaged (its zip directory is missing): save it again from the spreadsheet');
  const entries = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  let unpacked = 0;
  const parts: { offset: number; compressed: number; method: number }[] = [];
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) {
      throw new SpreadsheetError('UNREADABLE', 'The XLSX file is damaged (its zip directory is cut short): save it again from the spreadsheet');
    }
    const compressed = content.readUInt32LE(at + 20);
    const size = content.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || size === 0xffffffff) {
      throw new SpreadsheetError('NOT_A_SPREADSHEET', 'The XLSX file declares parts over 4 GB (zip64): a spreadsheet this large is not imported');
    }
    unpacked += size;
    parts.push({ offset: content.readUInt32LE(at + 42), compressed, method: content.readUInt16LE(at + 10) });
    if (size > 1024 * 1024 && size > compressed * SPREADSHEET_LIMITS.maxCompressionRatio) {
      throw new SpreadsheetError('NOT_A_SPREADSHEET', `The XLSX file is refused: one of its parts unpacks to ${megabytes(size)} from ${compressed} bytes, which no spreadsheet does (a zip bomb)`);
    }
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }
  if (unpacked > SPREADSHEET_LIMITS.maxUnpackedBytes) {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', `The XLSX file unpacks to ${megabytes(unpacked)}; at most ${megabytes(SPREADSHEET_LIMITS.maxUnpackedBytes)} is read`);
  }
  return parts;
}

function tooLargeUnpacked(): SpreadsheetError {
  return new SpreadsheetError('NOT_A_SPREADSHEET', `The XLSX file unpacks to more than ${megabytes(SPREADSHEET_LIMITS.maxUnpackedBytes)}, far more than its size (a zip bomb): it is not read`);
}

/**
 * The sizes a zip declares can lie: each part is inflated once, counting the bytes and keeping
 * none, and the file is refused as soon as the parts together pass the limit.
 */
async function checkUnpackedSize(content: Buffer, parts: { offset: number; compressed: number; method: number }[]): Promise<void> {
  let unpacked = 0;
  for (const part of parts) {
    if (part.offset + 30 > content.length || content.readUInt32LE(part.offset) !== 0x04034b50) {
      throw new SpreadsheetError('UNREADABLE', 'The XLSX file is damaged (a part is not where its zip directory says): save it again from the spreadsheet');
    }
    const start = part.offset + 30 + content.readUInt16LE(part.offset + 26) + content.readUInt16LE(part.offset + 28);
    const data = content.subarray(start, start + part.compressed);
    if (part.method === 0) {
      unpacked += data.length;
    } else if (part.method === 8) {
      const inflate = createInflateRaw();
      inflate.end(data);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          unpacked += chunk.length;
          if (unpacked > SPREADSHEET_LIMITS.maxUnpackedBytes) {
            inflate.destroy();
            throw tooLargeUnpacked();
          }
        }
      } catch (error) {
        if (error instanceof SpreadsheetError) throw error;
        throw new SpreadsheetError('UNREADABLE', 'The XLSX file is damaged (a part does not unpack): save it again from the spreadsheet');
      }
    } else {
      throw new SpreadsheetError('UNREADABLE', `The XLSX file uses a compression method (${part.method}) spreadsheets do not write`);
    }
    if (unpacked > SPREADSHEET_LIMITS.maxUnpackedBytes) throw tooLargeUnpacked();
  }
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer, options: ReadOptions): Promise<Sheet> {
  await checkUnpackedSize(content, checkZipDirectory(content));
  // The streaming reader: rows are read one by one, so the row limit stops a large sheet early.
  // Loaded on the first spreadsheet: about 28 MB of a process that may never read one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excel = require('exceljs') as typeof ExcelJS;
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore',
  });
  let columns: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    // The first sheet is read; a workbook's other sheets (notes, lookups) are left alone.
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((value) => cellText(value));
        if (cells.every((value) => value.trim() === '')) continue;
        if (!columns) {
          columns = columnsOf(cells, options);
          continue;
        }
        if (rows.length >= SPREADSHEET_LIMITS.maxRows) throw tooManyRows();
        const values: Record<string, string> = {};
        columns.forEach((column, index) => {
          values[column] = cell(cells[index] ?? '');
        });
        if (cells.slice(columns.length).some((value) => value.trim() !== '')) values['#extra'] = String(cells.length);
        rows.push({ line: row.number, values });
        if (rows.length % 1000 === 0) options.onRows?.(rows.length);
      }
      break;
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('UNREADABLE', `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  if (!columns) throw new SpreadsheetError('EMPTY', 'The workbook\'s first sheet holds no rows');
  options.onRows?.(rows.length);
  return { format: 'XLSX', columns, rows };
}
