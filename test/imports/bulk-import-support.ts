import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataSourceOptions } from 'typeorm';
import { config } from '../../api/src/core/config';
import { main } from '../../api/src/modules/imports/cli';
import type { TestApi } from '../support/api';

/** A CSV file's bytes from rows of cells; cells holding commas or quotes are quoted. */
export function csv(rows: (string | number)[][]): Buffer {
  const quote = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  return Buffer.from(rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** An XLSX workbook's bytes, the rows on its first sheet; Date cells are real date cells. */
export async function xlsx(rows: (string | number | Date | null)[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const PREVIEW = `mutation($input: BulkImportPreviewInput!) {
  bulkImportPreview(input: $input) {
    report { kind format applied created updated unchanged rejected digest
      rows { line action summary changes record }
      rejectedRows { line code column reason } }
    userErrors { field code message }
  }
}`;

export const APPLY = `mutation($input: BulkImportApplyInput!) {
  bulkImportApply(input: $input) {
    report { kind applied created updated unchanged rejected rows { line action record } }
    userErrors { field code message }
  }
}`;

export function fileInput(kind: string, targetId: string | null, content: Buffer, extra: Record<string, unknown> = {}) {
  return { input: { kind, targetId, content: content.toString('base64'), ...extra } };
}

/** POSTs a file to /import/{kind}. */
export async function upload(api: TestApi, kind: string, body: Buffer, query: Record<string, string>, token: string | null = api.adminToken) {
  const response = await fetch(`${api.url}/import/${kind}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Runs `npm run import -- …` on the test's database; the file is written to a temporary directory. */
export async function runCli(api: TestApi, args: string[], file?: { name: string; content: Buffer }) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-import-'));
  const argv = file ? [...args, path.join(directory, file.name)] : args;
  if (file) fs.writeFileSync(path.join(directory, file.name), file.content);
  const stdout = new PassThrough();
  // A terminal, so the progress bar is drawn as a person at a terminal sees it.
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const configuredUrl = config.databaseUrl;
  config.databaseUrl = (api.db.options as Extract<DataSourceOptions, { type: 'postgres' }>).url;
  try {
    const code = await main(argv, { stdout, stderr });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    config.databaseUrl = configuredUrl;
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Every row of the tables an import writes, with the audit log: equal before and after means nothing changed. */
export async function snapshot(api: TestApi) {
  const [state] = await api.db.query(`
    SELECT (SELECT coalesce(json_agg(m ORDER BY m.id), '[]') FROM credit_mapping m) AS mappings,
           (SELECT coalesce(json_agg(a ORDER BY a.id), '[]') FROM award a) AS awards,
           (SELECT coalesce(json_agg(c ORDER BY c.id), '[]') FROM prior_learning_claim c) AS claims,
           (SELECT count(*)::int FROM audit_entry) AS audit`);
  return state;
}

/**
 * A zip of one part that inflates to `unpackedBytes` of zeros while its headers declare it 1 kB:
 * a zip bomb that lies about its size.
 */
export async function lyingZipBomb(unpackedBytes: number): Promise<Buffer> {
  const { createDeflateRaw } = await import('node:zlib');
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < unpackedBytes; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(chunks);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1024, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** The command succeeded; when it did not, the failure shows what it printed. */
export function expectExitedZero(result: { code: number; stdout: string; stderr: string }): void {
  expect({ code: result.code, printed: result.code === 0 ? '' : `${result.stdout}${result.stderr}` }).toEqual({ code: 0, printed: '' });
}
