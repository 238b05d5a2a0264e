import { EntityManager, In } from 'typeorm';
import { Occupation } from '../occupations/occupation.entity';
import {
  FILE_FORMATS,
  ImportFileError,
  OccupationFileKind,
  OccupationRow,
  parseOccupationFiles,
  ParsedFiles,
  RejectedRow,
  RejectionCode,
  SourceFile,
  wageYearFromFileName,
} from './onet-files';

export const WAGE_SOURCE = 'BLS OEWS';

/** What each O*NET job zone says about the education most of its occupations need. */
export const EDUCATION_BY_JOB_ZONE: Record<number, string> = {
  1: 'Little or no preparation; some need a high school diploma',
  2: 'High school diploma or equivalent',
  3: "Vocational training, an associate's degree or related experience",
  4: "Bachelor's degree",
  5: 'Graduate degree',
};

/** Titles compare without case, spacing or punctuation differences. */
const titleKey = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const ZONE_EDUCATION = new Set(Object.values(EDUCATION_BY_JOB_ZONE));
/** typicalEducationSource of a value a job zone gave. */
export const JOB_ZONE_EDUCATION_SOURCE = 'O*NET job zone';

export interface OccupationImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  /** In file order, then line order. */
  rejectedRows: RejectedRow[];
}

export interface ImportProgress {
  start(total: number): void;
  advance(count: number): void;
}

export interface OccupationImportOptions {
  /** Year of the wage estimates; taken from the wage file's name (national_M2023_dl.csv) when absent. */
  wageYear?: number | null;
  progress?: ImportProgress;
}

type OccupationValues = Pick<Occupation, 'socCode' | 'onetSocCode' | 'title' | 'description' | 'medianAnnualWage' | 'wageSource' | 'wageYear' | 'typicalEducation' | 'typicalEducationSource' | 'jobZone' | 'tasks'>;

const COMPARED: (keyof OccupationValues)[] = ['onetSocCode', 'title', 'description', 'medianAnnualWage', 'wageSource', 'wageYear', 'typicalEducation', 'typicalEducationSource', 'jobZone', 'tasks'];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

const WRITE_CHUNK = 200;

/** Serialises imports, so two at once cannot both create the same occupation. */
const IMPORT_LOCK = 'pathforge.occupation-import';

/**
 * Imports O*NET occupation, task and job-zone files and a BLS wage file into the occupations,
 * inside the caller's transaction. Every file is parsed and checked before the first write: a
 * structurally bad file throws ImportFileError and nothing is written. Bad rows are reported and
 * left out; the good rows are applied. Occupations are matched by SOC code, so a second run of
 * the same files finds every occupation unchanged.
 */
export async function importOccupations(em: EntityManager, files: SourceFile[], options: OccupationImportOptions = {}): Promise<OccupationImportReport> {
  const wageFile = files.find((file) => file.kind === OccupationFileKind.WAGES);
  const wageYear = wageFile ? (options.wageYear ?? wageYearFromFileName(wageFile.name)) : null;
  if (wageFile && wageYear === null) {
    throw new ImportFileError(wageFile.name, 'the year of the wages is unknown: name the file as BLS does (national_M2023_dl.csv) or give the wage year');
  }
  if (wageYear !== null && (wageYear < 1990 || wageYear > 2100)) throw new ImportFileError(wageFile!.name, `wage year ${wageYear} is outside 1990–2100`);
  const parsed = parseOccupationFiles(files);

  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [IMPORT_LOCK]);
  const plan = await planChanges(em, parsed, wageYear);
  const rejectedRows = orderRejections(parsed.rejected, files);
  const report: OccupationImportReport = {
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged,
    rejected: rejectedRows.length,
    skipped: parsed.skipped,
    rejectedRows,
  };

  options.progress?.start(plan.created.length + plan.updated.length + plan.unchanged);
  options.progress?.advance(plan.unchanged);
  const repository = em.getRepository(Occupation);
  for (const batch of [plan.created, plan.updated]) {
    for (let start = 0; start < batch.length; start += WRITE_CHUNK) {
      const chunk = batch.slice(start, start + WRITE_CHUNK);
      await repository.save(chunk);
      options.progress?.advance(chunk.length);
    }
  }
  return report;
}

interface Plan {
  created: Occupation[];
  updated: Occupation[];
  unchanged: number;
}

async function planChanges(em: EntityManager, parsed: ParsedFiles, wageYear: number | null): Promise<Plan> {
  const reject = (file: string, line: number, code: RejectionCode, reason: string) => parsed.rejected.push({ file, line, code, reason });
  const socCodes = new Set<string>([
    ...parsed.occupations.map((row) => row.socCode),
    ...parsed.tasks.map((row) => row.onetSocCode.slice(0, 7)),
    ...parsed.jobZones.map((row) => row.onetSocCode.slice(0, 7)),
    ...parsed.wages.map((row) => row.socCode),
  ]);
  const existing = socCodes.size === 0 ? [] : await em.getRepository(Occupation).find({ where: { socCode: In([...socCodes]) } });
  const existingBySoc = new Map(existing.map((occupation) => [occupation.socCode, occupation]));

  const incoming = chooseOccupationRows(parsed);
  /** Desired values per SOC code, starting from what the database holds. */
  const desired = new Map<string, OccupationValues>();
  const valuesFor = (socCode: string): OccupationValues | undefined => {
    let values = desired.get(socCode);
    if (values) return values;
    const current = existingBySoc.get(socCode);
    const row = incoming.get(socCode);
    if (!current && !row) return undefined;
    values = {
      socCode,
      onetSocCode: current?.onetSocCode ?? null,
      title: current?.title ?? '',
      description: current?.description ?? null,
      medianAnnualWage: current?.medianAnnualWage ?? null,
      wageSource: current?.wageSource ?? null,
      wageYear: current?.wageYear ?? null,
      typicalEducation: current?.typicalEducation ?? null,
      typicalEducationSource: current?.typicalEducationSource ?? null,
      jobZone: current?.jobZone ?? null,
      tasks: current ? [...current.tasks] : [],
    };
    if (row) Object.assign(values, { onetSocCode: row.onetSocCode, title: row.title, description: row.description });
    desired.set(socCode, values);
    return values;
  };
  for (const socCode of incoming.keys()) valuesFor(socCode);

  /** Task and job-zone rows name an O*NET-SOC code: it must be the one the occupation holds. */
  const targetOf = (onetSocCode: string, file: string, line: number): OccupationValues | undefined => {
    const values = valuesFor(onetSocCode.slice(0, 7));
    if (values && (values.onetSocCode === onetSocCode || values.onetSocCode === null)) {
      values.onetSocCode = onetSocCode;
      return values;
    }
    reject(file, line, RejectionCode.UNKNOWN_OCCUPATION, `no occupation has the O*NET-SOC code ${onetSocCode}: import its Occupation Data row first`);
    return undefined;
  };

  const tasksBySoc = new Map<string, Map<number, string>>();
  for (const row of parsed.tasks) {
    const file = fileName(parsed, OccupationFileKind.TASK_STATEMENTS);
    const values = targetOf(row.onetSocCode, file, row.line);
    if (!values) continue;
    const tasks = tasksBySoc.get(values.socCode) ?? new Map<number, string>();
    if (tasks.has(row.taskId)) {
      reject(file, row.line, RejectionCode.DUPLICATE, `Task ID ${row.taskId} appears twice for ${row.onetSocCode}`);
      continue;
    }
    tasks.set(row.taskId, row.task);
    tasksBySoc.set(values.socCode, tasks);
  }
  for (const [socCode, tasks] of tasksBySoc) {
    desired.get(socCode)!.tasks = [...tasks.entries()].sort(([a], [b]) => a - b).map(([, task]) => task);
  }

  const zoned = new Set<string>();
  for (const row of parsed.jobZones) {
    const file = fileName(parsed, OccupationFileKind.JOB_ZONES);
    const values = targetOf(row.onetSocCode, file, row.line);
    if (!values) continue;
    if (zoned.has(values.socCode)) {
      reject(file, row.line, RejectionCode.DUPLICATE, `a second job zone for ${row.onetSocCode}`);
      continue;
    }
    zoned.add(values.socCode);
    values.jobZone = row.jobZone;
    // A typical education from elsewhere (BLS's entry-level education, an editor's) is kept, by its
    // recorded source rather than its wording: the job zone's wording only fills a gap, or follows
    // the zone it was taken from while nobody has edited it.
    const fromZone = values.typicalEducationSource === JOB_ZONE_EDUCATION_SOURCE && ZONE_EDUCATION.has(values.typicalEducation ?? '');
    if (values.typicalEducation === null || fromZone) {
      values.typicalEducation = EDUCATION_BY_JOB_ZONE[row.jobZone];
      values.typicalEducationSource = JOB_ZONE_EDUCATION_SOURCE;
    }
  }

  const waged = new Set<string>();
  for (const row of parsed.wages) {
    const file = fileName(parsed, OccupationFileKind.WAGES);
    const values = valuesFor(row.socCode);
    if (!values) {
      reject(file, row.line, RejectionCode.UNKNOWN_OCCUPATION, `no occupation has the SOC code ${row.socCode}: import its Occupation Data row first`);
      continue;
    }
    if (waged.has(row.socCode)) {
      reject(file, row.line, RejectionCode.DUPLICATE, `a second wage row for ${row.socCode}`);
      continue;
    }
    waged.add(row.socCode);
    // A wage BLS publishes for a group ("Computer Occupations, All Other") is not the wage of the
    // O*NET specialisation holding that SOC code here: reported per row, never applied silently.
    if (values.title && row.title && titleKey(row.title) !== titleKey(values.title)) {
      reject(file, row.line, RejectionCode.TITLE_MISMATCH,
        `OCC_TITLE "${row.title}" is not the occupation ${values.onetSocCode ?? row.socCode} "${values.title}": the wage was not applied`);
      continue;
    }
    Object.assign(values, { medianAnnualWage: row.medianAnnualWage, wageSource: WAGE_SOURCE, wageYear });
  }

  const plan: Plan = { created: [], updated: [], unchanged: 0 };
  const repository = em.getRepository(Occupation);
  for (const values of desired.values()) {
    const current = existingBySoc.get(values.socCode);
    if (!current) {
      plan.created.push(repository.create(values));
    } else if (COMPARED.some((key) => !sameValue(current[key], values[key]))) {
      plan.updated.push(Object.assign(current, values));
    } else {
      plan.unchanged += 1;
    }
  }
  return plan;
}

/**
 * One row per SOC code: an occupation holds one O*NET-SOC code, and the `.00` one is the SOC
 * occupation itself (other suffixes are O*NET's specialisations of it). Later duplicates of an
 * O*NET-SOC code, and specialisations beside their `.00`, are rejected.
 */
function chooseOccupationRows(parsed: ParsedFiles): Map<string, OccupationRow> {
  const file = fileName(parsed, OccupationFileKind.OCCUPATION_DATA);
  const chosen = new Map<string, OccupationRow>();
  const seen = new Set<string>();
  for (const row of parsed.occupations) {
    if (seen.has(row.onetSocCode)) {
      parsed.rejected.push({ file, line: row.line, code: RejectionCode.DUPLICATE, reason: `O*NET-SOC code ${row.onetSocCode} appears twice` });
      continue;
    }
    seen.add(row.onetSocCode);
    const holder = chosen.get(row.socCode);
    if (holder && !(row.onetSocCode.endsWith('.00') && !holder.onetSocCode.endsWith('.00'))) {
      parsed.rejected.push({ file, line: row.line, code: RejectionCode.SOC_CODE_TAKEN, reason: `SOC code ${row.socCode} already comes from O*NET-SOC ${holder.onetSocCode}; an occupation holds one O*NET-SOC code` });
      continue;
    }
    if (holder) {
      parsed.rejected.push({ file, line: holder.line, code: RejectionCode.SOC_CODE_TAKEN, reason: `SOC code ${row.socCode} comes from O*NET-SOC ${row.onetSocCode}; an occupation holds one O*NET-SOC code` });
    }
    chosen.set(row.socCode, row);
  }
  return chosen;
}

function fileName(parsed: ParsedFiles, kind: OccupationFileKind): string {
  return parsed.fileNames[kind] ?? FILE_FORMATS[kind].defaultName;
}

function orderRejections(rejected: RejectedRow[], files: SourceFile[]): RejectedRow[] {
  const position = new Map(files.map((file, index) => [file.name, index]));
  return [...rejected].sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0) || a.line - b.line);
}
