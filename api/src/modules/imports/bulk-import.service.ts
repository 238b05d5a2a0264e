import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { assertCanWrite, denial, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { todayIso } from '../../core/scalars';
import { Role, Viewer } from '../../core/viewer';
import { ArticulationAgreement } from '../articulation/articulation-agreement.entity';
import { Learner } from '../learners/learner.entity';
import { agreementImpact, ImpactReport, LearnerScope } from '../advising/impact.service';
import { readSpreadsheet, ReadOptions, Sheet, SheetRow } from './spreadsheet';

export enum BulkImportKind {
  MAPPINGS = 'MAPPINGS',
  AWARDS = 'AWARDS',
  CLAIMS = 'CLAIMS',
}

export enum BulkRejectionCode {
  MISSING_VALUE = 'MISSING_VALUE',
  INVALID_NUMBER = 'INVALID_NUMBER',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_URL = 'INVALID_URL',
  TOO_LONG = 'TOO_LONG',
  EXTRA_VALUES = 'EXTRA_VALUES',
  DUPLICATE = 'DUPLICATE',
  UNKNOWN_CREDENTIAL = 'UNKNOWN_CREDENTIAL',
  AMBIGUOUS_CREDENTIAL = 'AMBIGUOUS_CREDENTIAL',
  UNKNOWN_PROGRAM = 'UNKNOWN_PROGRAM',
  AMBIGUOUS_PROGRAM = 'AMBIGUOUS_PROGRAM',
  LEARNER_NOT_FOUND = 'LEARNER_NOT_FOUND',
  OTHER_LEARNER = 'OTHER_LEARNER',
  AWARD_DATE_IN_FUTURE = 'AWARD_DATE_IN_FUTURE',
  LEVEL_ABOVE_RUBRIC = 'LEVEL_ABOVE_RUBRIC',
  AWARD_REVOKED = 'AWARD_REVOKED',
  CLAIM_DECIDED = 'CLAIM_DECIDED',
}

export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

export interface PlannedRow {
  line: number;
  action: RowAction;
  /** The record in words: "Network Basics → 4 credits (CIS-120)". */
  summary: string;
  /** For an update, what changes: "credits 3 → 4". */
  changes: string[];
  /** The existing row's id, for an update or an unchanged row. */
  id: number | null;
  /** Column values to write, by table column. */
  values: Record<string, unknown>;
}

export interface BulkRejectedRow {
  line: number;
  code: BulkRejectionCode;
  /** The column at fault, as named in the header. */
  column: string | null;
  reason: string;
}

export interface BulkImportPlan {
  kind: BulkImportKind;
  format: Sheet['format'];
  targetId: number | null;
  rows: PlannedRow[];
  rejected: BulkRejectedRow[];
  created: number;
  updated: number;
  unchanged: number;
  /** Names the plan: the same file against the same records gives the same digest. */
  digest: string;
  /** For mappings: the agreement's program, for the impact of the change. */
  programId: number | null;
}

export interface BulkImportProgress {
  start(total: number, phase: string): void;
  advance(count: number): void;
}

/** Columns each kind reads: required, then optional. */
export const BULK_COLUMNS: Record<BulkImportKind, Pick<ReadOptions, 'required' | 'optional'>> = {
  [BulkImportKind.MAPPINGS]: { required: ['credential', 'credits'], optional: ['course_equivalent', 'min_mastery_level'] },
  [BulkImportKind.AWARDS]: { required: ['credential', 'awarded_on'], optional: ['learner_email', 'mastery_level', 'evidence_url', 'planned'] },
  [BulkImportKind.CLAIMS]: { required: ['program', 'title', 'evidence', 'credits_requested'], optional: ['learner_email'] },
};

/** A refusal of the whole import in the user's words (a target that does not exist, a stale preview). */
export class BulkImportRefusal extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT' | 'REJECTED_ROWS' | 'INVALID', message: string) {
    super(message);
    this.name = 'BulkImportRefusal';
  }
}

class RowRejection extends Error {
  constructor(readonly code: BulkRejectionCode, readonly column: string | null, message: string) {
    super(message);
  }
}

const reject = (code: BulkRejectionCode, column: string | null, message: string) => new RowRejection(code, column, message);

// ---- reading values --------------------------------------------------------------------------

function required(row: SheetRow, column: string): string {
  const value = row.values[column] ?? '';
  if (value === '') throw reject(BulkRejectionCode.MISSING_VALUE, column, `${column} is empty`);
  return value;
}

function text(row: SheetRow, column: string, maxLength: number, isRequired: boolean): string | null {
  const value = isRequired ? required(row, column) : (row.values[column] ?? '');
  if (value === '') return null;
  if (value.length > maxLength) throw reject(BulkRejectionCode.TOO_LONG, column, `${column} is ${value.length} characters long; at most ${maxLength} are allowed`);
  return value;
}

/** A number as people type it in spreadsheets: "3", "3.5", "3,5" is refused rather than guessed. */
function number(row: SheetRow, column: string, options: { min: number; max: number; integer?: boolean; required: boolean }): number | null {
  const raw = options.required ? required(row, column) : (row.values[column] ?? '');
  if (raw === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$|^[+-]?\.\d+$/.test(raw)) {
    throw reject(BulkRejectionCode.INVALID_NUMBER, column, `${column} "${raw}" is not a number${/^\d+,\d+$/.test(raw) ? ' (write decimals with a point: 3.5)' : ''}`);
  }
  const value = Number(raw);
  if (options.integer && !Number.isInteger(value)) throw reject(BulkRejectionCode.INVALID_NUMBER, column, `${column} "${raw}" must be a whole number`);
  if (!options.integer && Math.round(value * 100) / 100 !== value) throw reject(BulkRejectionCode.INVALID_NUMBER, column, `${column} "${raw}" has more than two decimals`);
  if (value < options.min || value > options.max) throw reject(BulkRejectionCode.OUT_OF_RANGE, column, `${column} ${raw} is outside ${options.min} to ${options.max}`);
  return value;
}

function isoDate(row: SheetRow, column: string): string {
  const raw = required(row, column);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(`${raw}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw reject(BulkRejectionCode.INVALID_DATE, column, `${column} "${raw}" is not a date written YYYY-MM-DD`);
  }
  return raw;
}

function yes(row: SheetRow, column: string): boolean {
  const raw = (row.values[column] ?? '').toLowerCase();
  if (['', 'no', 'false', '0', 'n'].includes(raw)) return false;
  if (['yes', 'true', '1', 'y'].includes(raw)) return true;
  throw reject(BulkRejectionCode.INVALID_NUMBER, column, `${column} "${row.values[column]}" must be yes or no`);
}

const keyOf = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Rows the header does not cover: the row is refused rather than cut. */
function checkExtra(row: SheetRow, columns: number): void {
  if (row.values['#extra']) {
    throw reject(BulkRejectionCode.EXTRA_VALUES, null, `The row has ${row.values['#extra']} values but the header names ${columns} columns`);
  }
}

/** Global IDs look like "Q3JlZGVudGlhbDox": base64 of "Credential:1". */
function localIdOf(value: string, typeName: string): number | null {
  if (!/^[A-Za-z0-9+/=_-]{8,}$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const match = new RegExp(`^${typeName}:(\\d{1,9})$`).exec(decoded);
  return match ? Number(match[1]) : null;
}

interface Named {
  id: number;
  title: string;
}

/** Resolves a name or global ID among candidates loaded by name; a name that names two is ambiguous. */
class NameIndex {
  private readonly byKey = new Map<string, Named[]>();
  private readonly byId = new Map<number, Named>();

  constructor(rows: Named[], readonly typeName: string) {
    for (const row of rows) {
      this.byId.set(row.id, row);
      const key = keyOf(row.title);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), row]);
    }
  }

  find(value: string): Named | Named[] | null {
    const id = localIdOf(value, this.typeName);
    if (id !== null) return this.byId.get(id) ?? null;
    const found = this.byKey.get(keyOf(value)) ?? [];
    return found.length === 1 ? found[0] : found.length === 0 ? null : found;
  }
}

const quoted = (value: string) => `"${value}"`;
const credits = (value: number | null) => (value === null ? '—' : String(value));

function digestOf(kind: BulkImportKind, targetId: number | null, rows: PlannedRow[]): string {
  const hash = createHash('sha256').update(`${kind}:${targetId ?? ''}\n`);
  for (const row of rows) hash.update(`${row.line}|${row.action}|${row.id ?? ''}|${JSON.stringify(row.values)}\n`);
  return hash.digest('hex').slice(0, 32);
}

// ---- the plans -------------------------------------------------------------------------------

interface Planned {
  rows: PlannedRow[];
  rejected: BulkRejectedRow[];
  programId?: number | null;
}

function each(sheet: Sheet, rejected: BulkRejectedRow[], progress: BulkImportProgress | undefined, plan: (row: SheetRow) => void): void {
  progress?.start(sheet.rows.length, 'Checking');
  sheet.rows.forEach((row, index) => {
    try {
      checkExtra(row, sheet.columns.length);
      plan(row);
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      rejected.push({ line: row.line, code: error.code, column: error.column, reason: error.message });
    }
    if ((index + 1) % 1000 === 0) progress?.advance(1000);
  });
  progress?.advance(sheet.rows.length % 1000);
}

async function loadAgreement(ctx: Context, em: EntityManager, agreementId: number | null, lock: boolean): Promise<ArticulationAgreement> {
  if (agreementId === null) throw new BulkImportRefusal('INVALID', 'Say which agreement the mappings are for');
  const agreement = await em.getRepository(ArticulationAgreement).findOne({ where: { id: agreementId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!agreement) throw new BulkImportRefusal('NOT_FOUND', 'No articulation agreement has that ID');
  await assertCanWrite(ctx, em, agreement);
  return agreement;
}

async function planMappings(ctx: Context, em: EntityManager, agreementId: number | null, sheet: Sheet, lock: boolean, progress?: BulkImportProgress): Promise<Planned> {
  const agreement = await loadAgreement(ctx, em, agreementId, lock);
  const credentialRows: Named[] = await em.query(
    `SELECT id, title FROM credential
      WHERE ($1::int IS NOT NULL AND issuer_institution_id = $1) OR ($2::int IS NOT NULL AND issuer_employer_id = $2) OR id = ANY($3::int[])`,
    [agreement.issuerInstitutionId, agreement.issuerEmployerId, sheet.rows.map((row) => localIdOf(row.values.credential ?? '', 'Credential')).filter((id) => id !== null)],
  );
  const credentialIndex = new NameIndex(credentialRows, 'Credential');
  const existing: { id: number; credential_id: number; credits: string; course_equivalent: string | null; min_mastery_level: number | null }[] = await em.query(
    `SELECT id, credential_id, credits, course_equivalent, min_mastery_level FROM credit_mapping WHERE agreement_id = $1`,
    [agreement.id],
  );
  const existingByCredential = new Map(existing.map((row) => [row.credential_id, row]));
  const seen = new Map<number, number>();
  const rows: PlannedRow[] = [];
  const rejected: BulkRejectedRow[] = [];
  each(sheet, rejected, progress, (row) => {
    const name = required(row, 'credential');
    const found = credentialIndex.find(name);
    if (found === null) throw reject(BulkRejectionCode.UNKNOWN_CREDENTIAL, 'credential', `No credential of this agreement's issuer is called ${quoted(name)}`);
    if (Array.isArray(found)) throw reject(BulkRejectionCode.AMBIGUOUS_CREDENTIAL, 'credential', `${found.length} credentials are called ${quoted(name)}: give the credential's ID instead`);
    const value = {
      credential_id: found.id,
      credits: number(row, 'credits', { min: 0, max: 200, required: true })!,
      course_equivalent: text(row, 'course_equivalent', 40, false),
      min_mastery_level: number(row, 'min_mastery_level', { min: 1, max: 10, integer: true, required: false }),
    };
    const earlier = seen.get(found.id);
    if (earlier !== undefined) throw reject(BulkRejectionCode.DUPLICATE, 'credential', `${found.title} is already mapped on line ${earlier} of this file`);
    seen.set(found.id, row.line);
    const summary = `${found.title} → ${value.credits} credits${value.course_equivalent ? ` (${value.course_equivalent})` : ''}${value.min_mastery_level ? `, level ${value.min_mastery_level} or above` : ''}`;
    const before = existingByCredential.get(found.id);
    if (!before) {
      rows.push({ line: row.line, action: 'CREATE', summary, changes: [], id: null, values: value });
      return;
    }
    const changes: string[] = [];
    if (Number(before.credits) !== value.credits) changes.push(`credits ${Number(before.credits)} → ${value.credits}`);
    if (before.course_equivalent !== value.course_equivalent) changes.push(`course equivalent ${before.course_equivalent ?? '—'} → ${value.course_equivalent ?? '—'}`);
    if (before.min_mastery_level !== value.min_mastery_level) changes.push(`minimum level ${credits(before.min_mastery_level)} → ${credits(value.min_mastery_level)}`);
    rows.push({ line: row.line, action: changes.length ? 'UPDATE' : 'UNCHANGED', summary, changes, id: before.id, values: value });
  });
  return { rows, rejected, programId: agreement.degreeProgramId };
}

/** Learners named by the rows (or the one the import is for), within what the viewer may change. */
async function learnersFor(ctx: Context, em: EntityManager, learnerId: number | null, sheet: Sheet, lock: boolean) {
  if (!isAdmin(ctx) && ctx.viewer.role !== Role.ADVISOR && ctx.viewer.role !== Role.INSTITUTION_STAFF) throw denial(ctx);
  const lockClause = lock ? ' ORDER BY id FOR UPDATE' : '';
  const scope = isAdmin(ctx) ? null : ctx.viewer.institutionId;
  if (learnerId !== null) {
    const learner = await em.getRepository(Learner).findOneBy({ id: learnerId });
    if (!learner) throw new BulkImportRefusal('NOT_FOUND', 'No learner has that ID');
    await assertCanWrite(ctx, em, learner);
    if (lock) await em.query(`SELECT id FROM learner WHERE id = $1 FOR UPDATE`, [learner.id]);
    return { target: learner, byEmail: new Map([[learner.email, { id: learner.id, institution_id: learner.institutionId, email: learner.email }]]) };
  }
  const emails = [...new Set(sheet.rows.map((row) => (row.values.learner_email ?? '').toLowerCase()).filter((email) => email !== ''))];
  const rows: { id: number; institution_id: number; email: string }[] = await em.query(
    `SELECT id, institution_id, email FROM learner WHERE email = ANY($1::text[]) AND ($2::int IS NULL OR institution_id = $2)${lockClause}`,
    [emails, scope],
  );
  return { target: null, byEmail: new Map(rows.map((row) => [row.email, row])) };
}

function learnerOf(row: SheetRow, learners: Awaited<ReturnType<typeof learnersFor>>) {
  const email = (row.values.learner_email ?? '').toLowerCase();
  if (learners.target) {
    if (email !== '' && email !== learners.target.email) {
      throw reject(BulkRejectionCode.OTHER_LEARNER, 'learner_email', `${row.values.learner_email} is not the learner this import is for (${learners.target.email})`);
    }
    return learners.byEmail.get(learners.target.email)!;
  }
  if (email === '') throw reject(BulkRejectionCode.MISSING_VALUE, 'learner_email', 'learner_email is empty');
  const learner = learners.byEmail.get(email);
  if (!learner) throw reject(BulkRejectionCode.LEARNER_NOT_FOUND, 'learner_email', `No learner of yours has the email ${row.values.learner_email}`);
  return learner;
}

async function planAwards(ctx: Context, em: EntityManager, learnerId: number | null, sheet: Sheet, lock: boolean, progress?: BulkImportProgress): Promise<Planned> {
  const learners = await learnersFor(ctx, em, learnerId, sheet, lock);
  const names = [...new Set(sheet.rows.map((row) => keyOf(row.values.credential ?? '')))];
  const ids = sheet.rows.map((row) => localIdOf(row.values.credential ?? '', 'Credential')).filter((id) => id !== null);
  const credentialRows: (Named & { top: number | null })[] = await em.query(
    `SELECT c.id, c.title, (SELECT max(level) FROM rubric_level r WHERE r.credential_id = c.id)::int AS top
       FROM credential c WHERE lower(regexp_replace(btrim(c.title), '\\s+', ' ', 'g')) = ANY($1::text[]) OR c.id = ANY($2::int[])`,
    [names, ids],
  );
  const credentialIndex = new NameIndex(credentialRows, 'Credential');
  const topOf = new Map(credentialRows.map((row) => [row.id, row.top]));
  const learnerIds = [...new Set([...learners.byEmail.values()].map((learner) => learner.id))];
  const existing: { id: number; learner_id: number; credential_id: number; awarded_on: string; mastery_level: number | null; evidence_url: string | null; revoked: boolean }[] = await em.query(
    `SELECT id, learner_id, credential_id, awarded_on::text AS awarded_on, mastery_level, evidence_url, revoked_at IS NOT NULL AS revoked
       FROM award WHERE learner_id = ANY($1::int[])`,
    [learnerIds],
  );
  const awardKey = (learner: number, credential: number, on: string) => `${learner}|${credential}|${on}`;
  const existingByKey = new Map(existing.map((row) => [awardKey(row.learner_id, row.credential_id, row.awarded_on), row]));
  const seen = new Map<string, number>();
  const today = todayIso();
  const rows: PlannedRow[] = [];
  const rejected: BulkRejectedRow[] = [];
  each(sheet, rejected, progress, (row) => {
    const learner = learnerOf(row, learners);
    const name = required(row, 'credential');
    const found = credentialIndex.find(name);
    if (found === null) throw reject(BulkRejectionCode.UNKNOWN_CREDENTIAL, 'credential', `No credential is called ${quoted(name)}`);
    if (Array.isArray(found)) throw reject(BulkRejectionCode.AMBIGUOUS_CREDENTIAL, 'credential', `${found.length} credentials are called ${quoted(name)}: give the credential's ID instead`);
    const awardedOn = isoDate(row, 'awarded_on');
    const planned = yes(row, 'planned');
    const masteryLevel = number(row, 'mastery_level', { min: 1, max: 10, integer: true, required: false });
    const evidenceUrl = text(row, 'evidence_url', 1000, false);
    if (evidenceUrl !== null && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(evidenceUrl)) {
      throw reject(BulkRejectionCode.INVALID_URL, 'evidence_url', `evidence_url "${evidenceUrl}" is not a web address starting with http:// or https://`);
    }
    const top = topOf.get(found.id) ?? null;
    if (masteryLevel !== null && top !== null && masteryLevel > top) {
      throw reject(BulkRejectionCode.LEVEL_ABOVE_RUBRIC, 'mastery_level', `The rubric of ${found.title} goes up to level ${top}, not ${masteryLevel}`);
    }
    const key = awardKey(learner.id, found.id, awardedOn);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw reject(BulkRejectionCode.DUPLICATE, null, `The same award (${learner.email}, ${found.title}, ${awardedOn}) is already on line ${earlier} of this file`);
    seen.set(key, row.line);
    const before = existingByKey.get(key);
    if (awardedOn > today && !planned && !before) {
      throw reject(BulkRejectionCode.AWARD_DATE_IN_FUTURE, 'awarded_on', `${awardedOn} is after today: write yes in the planned column for an award not yet earned`);
    }
    const value = { learner_id: learner.id, credential_id: found.id, awarded_on: awardedOn, mastery_level: masteryLevel, evidence_url: evidenceUrl };
    const summary = `${learner.email}: ${found.title}, ${awardedOn}${masteryLevel ? `, level ${masteryLevel}` : ''}`;
    if (!before) {
      rows.push({ line: row.line, action: 'CREATE', summary, changes: [], id: null, values: value });
      return;
    }
    const changes: string[] = [];
    if (before.mastery_level !== masteryLevel) changes.push(`mastery level ${credits(before.mastery_level)} → ${credits(masteryLevel)}`);
    if (before.evidence_url !== evidenceUrl) changes.push(`evidence ${before.evidence_url ?? '—'} → ${evidenceUrl ?? '—'}`);
    if (changes.length > 0 && before.revoked) throw reject(BulkRejectionCode.AWARD_REVOKED, null, `This award was revoked; a revoked award is not changed by an import`);
    rows.push({ line: row.line, action: changes.length ? 'UPDATE' : 'UNCHANGED', summary, changes, id: before.id, values: value });
  });
  return { rows, rejected };
}

async function planClaims(ctx: Context, em: EntityManager, learnerId: number | null, sheet: Sheet, lock: boolean, progress?: BulkImportProgress): Promise<Planned> {
  const learners = await learnersFor(ctx, em, learnerId, sheet, lock);
  const names = [...new Set(sheet.rows.map((row) => keyOf(row.values.program ?? '')))];
  const ids = sheet.rows.map((row) => localIdOf(row.values.program ?? '', 'DegreeProgram')).filter((id) => id !== null);
  const programRows: (Named & { institution_id: number })[] = await em.query(
    `SELECT id, title, institution_id FROM degree_program WHERE lower(regexp_replace(btrim(title), '\\s+', ' ', 'g')) = ANY($1::text[]) OR id = ANY($2::int[])`,
    [names, ids],
  );
  // A program's name is looked up at the learner's own college first, then anywhere.
  const indexes = new Map<number | null, NameIndex>();
  const programIndex = (institutionId: number | null) => {
    if (!indexes.has(institutionId)) indexes.set(institutionId, new NameIndex(programRows.filter((row) => institutionId === null || row.institution_id === institutionId), 'DegreeProgram'));
    return indexes.get(institutionId)!;
  };
  const learnerIds = [...new Set([...learners.byEmail.values()].map((learner) => learner.id))];
  const existing: { id: number; learner_id: number; degree_program_id: number; title: string; evidence: string; credits_requested: string; status: string }[] = await em.query(
    `SELECT id, learner_id, degree_program_id, title, evidence, credits_requested, status FROM prior_learning_claim WHERE learner_id = ANY($1::int[])`,
    [learnerIds],
  );
  const claimKey = (learner: number, program: number, title: string) => `${learner}|${program}|${keyOf(title)}`;
  const existingByKey = new Map(existing.map((row) => [claimKey(row.learner_id, row.degree_program_id, row.title), row]));
  const seen = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const rejected: BulkRejectedRow[] = [];
  each(sheet, rejected, progress, (row) => {
    const learner = learnerOf(row, learners);
    const name = required(row, 'program');
    let found = programIndex(learner.institution_id).find(name);
    if (found === null) found = programIndex(null).find(name);
    if (found === null) throw reject(BulkRejectionCode.UNKNOWN_PROGRAM, 'program', `No degree program is called ${quoted(name)}`);
    if (Array.isArray(found)) throw reject(BulkRejectionCode.AMBIGUOUS_PROGRAM, 'program', `${found.length} degree programs are called ${quoted(name)}: give the program's ID instead`);
    const title = text(row, 'title', 300, true)!;
    const evidence = text(row, 'evidence', 10000, true)!;
    const requested = number(row, 'credits_requested', { min: 0, max: 200, required: true })!;
    const key = claimKey(learner.id, found.id, title);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw reject(BulkRejectionCode.DUPLICATE, 'title', `The same claim (${learner.email}, ${found.title}, ${quoted(title)}) is already on line ${earlier} of this file`);
    seen.set(key, row.line);
    const value = { learner_id: learner.id, degree_program_id: found.id, title, evidence, credits_requested: requested };
    const summary = `${learner.email}: ${quoted(title)} toward ${found.title}, ${requested} credits asked`;
    const before = existingByKey.get(key);
    if (!before) {
      rows.push({ line: row.line, action: 'CREATE', summary, changes: [], id: null, values: value });
      return;
    }
    const changes: string[] = [];
    if (Number(before.credits_requested) !== requested) changes.push(`credits asked ${Number(before.credits_requested)} → ${requested}`);
    if (before.evidence !== evidence) changes.push('evidence changed');
    if (changes.length > 0 && before.status !== 'SUBMITTED') {
      throw reject(BulkRejectionCode.CLAIM_DECIDED, null, `This claim was already ${before.status.toLowerCase()}; a decided claim is not changed by an import`);
    }
    rows.push({ line: row.line, action: changes.length ? 'UPDATE' : 'UNCHANGED', summary, changes, id: before.id, values: { ...value, title: before.title } });
  });
  return { rows, rejected };
}

const PLANNERS = { [BulkImportKind.MAPPINGS]: planMappings, [BulkImportKind.AWARDS]: planAwards, [BulkImportKind.CLAIMS]: planClaims };

export async function readBulkFile(kind: BulkImportKind, content: Buffer, progress?: BulkImportProgress): Promise<Sheet> {
  let read = 0;
  const sheet = await readSpreadsheet(content, {
    ...BULK_COLUMNS[kind],
    onRows: progress && ((count) => {
      if (read === 0) progress.start(0, 'Reading');
      progress.advance(count - read);
      read = count;
    }),
  });
  return sheet;
}

/**
 * What importing the file would do, computed without writing: each row to create, update or
 * leave unchanged, and each rejected row with its line and reason. With `lock`, the records it
 * depends on are locked for the transaction (for apply).
 */
export async function planBulkImport(ctx: Context, em: EntityManager, kind: BulkImportKind, targetId: number | null, sheet: Sheet, options: { lock?: boolean; progress?: BulkImportProgress } = {}): Promise<BulkImportPlan> {
  const planned = await PLANNERS[kind](ctx, em, targetId, sheet, options.lock ?? false, options.progress);
  const count = (action: RowAction) => planned.rows.filter((row) => row.action === action).length;
  planned.rejected.sort((a, b) => a.line - b.line);
  return {
    kind,
    format: sheet.format,
    targetId,
    rows: planned.rows,
    rejected: planned.rejected,
    created: count('CREATE'),
    updated: count('UPDATE'),
    unchanged: count('UNCHANGED'),
    digest: digestOf(kind, targetId, planned.rows),
    programId: planned.programId ?? null,
  };
}

// ---- writing, set-based ----------------------------------------------------------------------

interface TableShape {
  table: string;
  recordType: string;
  /** Column → [entity property, PostgreSQL array type]. */
  columns: Record<string, [string, string]>;
  /** Columns an update writes. */
  updated: string[];
}

const SHAPES: Record<BulkImportKind, TableShape> = {
  [BulkImportKind.MAPPINGS]: {
    table: 'credit_mapping',
    recordType: 'CreditMapping',
    columns: { agreement_id: ['agreementId', 'int'], credential_id: ['credentialId', 'int'], credits: ['credits', 'numeric'], course_equivalent: ['courseEquivalent', 'text'], min_mastery_level: ['minMasteryLevel', 'int'] },
    updated: ['credits', 'course_equivalent', 'min_mastery_level'],
  },
  [BulkImportKind.AWARDS]: {
    table: 'award',
    recordType: 'Award',
    columns: {
      learner_id: ['learnerId', 'int'], credential_id: ['credentialId', 'int'], awarded_on: ['awardedOn', 'date'], mastery_level: ['masteryLevel', 'int'], evidence_url: ['evidenceUrl', 'text'],
      revoked_at: ['revokedAt', 'timestamptz'], revoked_on: ['revokedOn', 'date'], revocation_reason: ['revocationReason', 'text'],
    },
    updated: ['mastery_level', 'evidence_url'],
  },
  [BulkImportKind.CLAIMS]: {
    table: 'prior_learning_claim',
    recordType: 'PriorLearningClaim',
    columns: {
      learner_id: ['learnerId', 'int'], degree_program_id: ['degreeProgramId', 'int'], title: ['title', 'text'], evidence: ['evidence', 'text'], credits_requested: ['creditsRequested', 'numeric'],
      status: ['status', 'text'], credits_approved: ['creditsApproved', 'numeric'], decision_reason: ['decisionReason', 'text'], decided_at: ['decidedAt', 'timestamptz'],
    },
    updated: ['evidence', 'credits_requested'],
  },
};

/** The row as the audit log keeps it: the entity's own properties, as the audit subscriber writes them. */
function snapshotSql(shape: TableShape, alias: string): string {
  const types: [string, string, string][] = [['id', 'id', 'int'], ['createdAt', 'created_at', 'timestamptz'], ['updatedAt', 'updated_at', 'timestamptz'], ...Object.entries(shape.columns).map(([column, [property, type]]) => [property, column, type] as [string, string, string])];
  // Numbers and instants as the entities' JSON has them: numeric as a number, timestamps as ISO 8601 in UTC.
  const value = (column: string, type: string) =>
    type === 'numeric' ? `${alias}.${column}::float8` : type === 'timestamptz' ? `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `${alias}.${column}`;
  return `jsonb_build_object(${types.map(([property, column, type]) => `'${property}', ${value(column, type)}`).join(', ')})`;
}

export interface AuditAuthor {
  userId: number | null;
  role: Role;
  mutation: string;
}

const CHUNK = 2000;

async function insertRows(em: EntityManager, kind: BulkImportKind, targetId: number | null, rows: PlannedRow[], author: AuditAuthor): Promise<number[]> {
  const shape = SHAPES[kind];
  const written = Object.keys(rows[0].values);
  const extra = kind === BulkImportKind.MAPPINGS ? { agreement_id: targetId } : {};
  const columns = [...Object.keys(extra), ...written];
  const params: unknown[] = [...Object.values(extra)];
  const inputs = written.map((column) => {
    params.push(rows.map((row) => row.values[column]));
    return `$${params.length}::${shape.columns[column][1]}[]`;
  });
  params.push(author.userId, author.role, author.mutation);
  const [userId, role, mutation] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const ids: { id: number }[] = await em.query(
    `WITH input AS (SELECT * FROM unnest(${inputs.join(', ')}) AS t(${written.join(', ')})),
          ins AS (INSERT INTO ${shape.table} (${columns.join(', ')}) SELECT ${columns.map((column) => (column in extra ? `$${Object.keys(extra).indexOf(column) + 1}::int` : column)).join(', ')} FROM input RETURNING *),
          audit AS (INSERT INTO audit_entry (user_id, role, mutation, action, record_type, record_id, before, after)
                    SELECT ${userId}::int, ${role}::role, ${mutation}, 'CREATE', '${shape.recordType}', ins.id, NULL, ${snapshotSql(shape, 'ins')} FROM ins)
     SELECT id FROM ins`,
    params,
  );
  return ids.map((row) => row.id);
}

async function updateRows(em: EntityManager, kind: BulkImportKind, rows: PlannedRow[], author: AuditAuthor): Promise<number[]> {
  const shape = SHAPES[kind];
  const params: unknown[] = [rows.map((row) => row.id)];
  const inputs = shape.updated.map((column) => {
    params.push(rows.map((row) => row.values[column]));
    return `$${params.length}::${shape.columns[column][1]}[]`;
  });
  params.push(author.userId, author.role, author.mutation);
  const [userId, role, mutation] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const ids: { id: number }[] = await em.query(
    `WITH input AS (SELECT * FROM unnest($1::int[], ${inputs.join(', ')}) AS t(id, ${shape.updated.join(', ')})),
          old AS (SELECT r.* FROM ${shape.table} r JOIN input USING (id)),
          upd AS (UPDATE ${shape.table} r SET ${shape.updated.map((column) => `${column} = input.${column}`).join(', ')}, updated_at = now()
                   FROM input WHERE r.id = input.id RETURNING r.*),
          audit AS (INSERT INTO audit_entry (user_id, role, mutation, action, record_type, record_id, before, after)
                    SELECT ${userId}::int, ${role}::role, ${mutation}, 'UPDATE', '${shape.recordType}', upd.id, ${snapshotSql(shape, 'old')}, ${snapshotSql(shape, 'upd')}
                      FROM upd JOIN old USING (id))
     SELECT id FROM upd`,
    params,
  );
  return ids.map((row) => row.id);
}

/**
 * The records whose rows an import wrote (the agreement, or each learner) count the change, as an
 * edit in the console would, so a page opened before the import cannot save over it. The plan
 * already holds their row locks; the digest stands in for each record's expectedRevision.
 */
async function countRevisions(em: EntityManager, kind: BulkImportKind, targetId: number | null, writtenIds: number[]): Promise<void> {
  if (writtenIds.length === 0) return;
  if (kind === BulkImportKind.MAPPINGS) {
    await em.query(`UPDATE articulation_agreement SET revision = revision + 1, updated_at = now() WHERE id = $1`, [targetId]);
    return;
  }
  await em.query(
    `UPDATE learner SET revision = revision + 1, updated_at = now() WHERE id IN (SELECT learner_id FROM ${SHAPES[kind].table} WHERE id = ANY($1::int[]))`,
    [writtenIds],
  );
}

export interface AppliedImport {
  plan: BulkImportPlan;
  createdIds: number[];
  updatedIds: number[];
}

/**
 * Applies the file in the transaction of `em`, all or nothing: the plan is made again under locks
 * on the records it depends on, refused whole if any row is rejected or (with `expectedDigest`)
 * if it is not the plan that was previewed, and then written in a few set-based statements per
 * 2,000 rows, each with its audit entries.
 */
export async function applyBulkImport(
  ctx: Context,
  em: EntityManager,
  kind: BulkImportKind,
  targetId: number | null,
  sheet: Sheet,
  options: { expectedDigest?: string | null; author: AuditAuthor; progress?: BulkImportProgress },
): Promise<AppliedImport> {
  const plan = await planBulkImport(ctx, em, kind, targetId, sheet, { lock: true, progress: options.progress });
  if (plan.rejected.length > 0) {
    throw new BulkImportRefusal('REJECTED_ROWS', `${plan.rejected.length} row${plan.rejected.length > 1 ? 's are' : ' is'} rejected (first on line ${plan.rejected[0].line}: ${plan.rejected[0].reason}): nothing was imported; correct the file and import it again`);
  }
  if (options.expectedDigest && options.expectedDigest !== plan.digest) {
    throw new BulkImportRefusal('CONFLICT', 'Someone else changed these records since your preview: preview the file again before applying it');
  }
  const toCreate = plan.rows.filter((row) => row.action === 'CREATE');
  const toUpdate = plan.rows.filter((row) => row.action === 'UPDATE');
  options.progress?.start(toCreate.length + toUpdate.length, 'Writing');
  const createdIds: number[] = [];
  const updatedIds: number[] = [];
  for (let at = 0; at < toCreate.length; at += CHUNK) {
    const chunk = toCreate.slice(at, at + CHUNK);
    createdIds.push(...(await insertRows(em, kind, targetId, chunk, options.author)));
    options.progress?.advance(chunk.length);
  }
  for (let at = 0; at < toUpdate.length; at += CHUNK) {
    const chunk = toUpdate.slice(at, at + CHUNK);
    updatedIds.push(...(await updateRows(em, kind, chunk, options.author)));
    options.progress?.advance(chunk.length);
  }
  // A changed award's signed credential no longer says what the award does: it is signed again on its next request.
  if (kind === BulkImportKind.AWARDS && updatedIds.length > 0) await em.query(`DELETE FROM award_credential WHERE award_id = ANY($1::int[])`, [updatedIds]);
  await countRevisions(em, kind, targetId, [...createdIds, ...updatedIds]);
  return { plan, createdIds, updatedIds };
}

/**
 * For a plan of mappings: whose applied credit in the agreement's program the rows to create and
 * update would change, computed by agreementImpact's own service, writing nothing.
 */
/** `viewer` decides whose learners count: an admin's, everyone; anyone else's, their own college's. */
export async function mappingImpact(em: EntityManager, plan: BulkImportPlan, asOf: string, viewer: Viewer): Promise<ImpactReport | null> {
  if (plan.kind !== BulkImportKind.MAPPINGS || plan.targetId === null || plan.programId === null) return null;
  const mappings = new Map(
    plan.rows
      .filter((row) => row.action !== 'UNCHANGED')
      .map((row) => [row.values.credential_id as number, {
        credits: row.values.credits as number,
        courseEquivalent: row.values.course_equivalent as string | null,
        minMasteryLevel: row.values.min_mastery_level as number | null,
      }]),
  );
  const scope: LearnerScope = viewer.role === Role.ADMIN || viewer.institutionId == null ? 'all' : { institutionId: viewer.institutionId };
  return agreementImpact(em, plan.targetId, plan.programId, { mappings }, asOf, scope);
}
