import { DataSource } from 'typeorm';
import { ErrorCode, UserError, userError } from './errors';

/**
 * How people name an input field, where its camelCase name is not already their word. Validation
 * messages start with the field ("credits must not be less than 0"): the field's name is swapped
 * for these words, so the message reads "Credits must not be less than 0".
 */
const FIELD_WORDS: Record<string, string> = {
  minMasteryLevel: 'Minimum mastery level',
  courseEquivalent: 'Course equivalent',
  requiredCount: 'The number of credentials required',
  workloadHours: 'Workload hours',
  blockCredits: 'Block credits',
  totalCredits: 'Total credits',
  residencyCredits: 'Residency credits',
  priorLearningCap: 'Prior-learning cap',
  recencyYears: 'Recency in years',
  naicsCode: 'NAICS code',
  socCode: 'SOC code',
  websiteUrl: 'Website',
  displayName: 'Name',
  reviewDueOn: 'Review date',
  awardedOn: 'Award date',
  masteryLevel: 'Mastery level',
  creditsApproved: 'Credits approved',
};

/** A field name in words: "minMasteryLevel" → "Minimum mastery level", "credits" → "Credits". */
export function fieldInWords(property: string): string {
  if (FIELD_WORDS[property]) return FIELD_WORDS[property];
  const words = property.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A class-validator message that starts with the property's name, starting with its words instead. */
export function validationMessageInWords(property: string, message: string): string {
  return message.startsWith(`${property} `) ? `${fieldInWords(property)}${message.slice(property.length)}` : message;
}

/** How to name one record of a table by its title (or name, or code and statement). */
const TITLE_SQL: Record<string, string> = {
  competency: `SELECT concat_ws(' ', code, statement) AS label FROM competency WHERE id = $1`,
  learning_outcome: `SELECT statement AS label FROM learning_outcome WHERE id = $1`,
  credential: `SELECT title AS label FROM credential WHERE id = $1`,
  occupation: `SELECT title AS label FROM occupation WHERE id = $1`,
  employer: `SELECT name AS label FROM employer WHERE id = $1`,
  pathway: `SELECT title AS label FROM pathway WHERE id = $1`,
  pathway_stage: `SELECT title AS label FROM pathway_stage WHERE id = $1`,
  articulation_agreement: `SELECT title AS label FROM articulation_agreement WHERE id = $1`,
  competency_framework: `SELECT name AS label FROM competency_framework WHERE id = $1`,
};

interface Uniqueness {
  /** The table each key column's value names a row of; other columns are plain values. */
  refers: Record<string, string>;
  /** The sentence, given each key column's words: the referenced record's title, or the value itself. */
  say(words: Record<string, string>): string;
}

/** Each unique constraint a person can run into, said with the titles of the records it joins. */
const UNIQUENESS: Record<string, Uniqueness> = {
  uq_alignment__outcome_competency: {
    refers: { outcome_id: 'learning_outcome', competency_id: 'competency' },
    say: (w) => `${w.competency_id} is already aligned to the outcome "${w.outcome_id}"`,
  },
  uq_occupation_competency__pair: {
    refers: { occupation_id: 'occupation', competency_id: 'competency' },
    say: (w) => `${w.competency_id} is already linked to ${w.occupation_id}`,
  },
  uq_credit_mapping__agreement_credential: {
    refers: { agreement_id: 'articulation_agreement', credential_id: 'credential' },
    say: (w) => `${w.credential_id} already has a credit mapping in ${w.agreement_id}`,
  },
  uq_pathway_off_ramp__pair: {
    refers: { pathway_id: 'pathway', credential_id: 'credential' },
    say: (w) => `${w.credential_id} is already an off-ramp of ${w.pathway_id}`,
  },
  uq_pathway_partner__pair: {
    refers: { pathway_id: 'pathway', employer_id: 'employer' },
    say: (w) => `${w.employer_id} is already a partner in ${w.pathway_id}`,
  },
  uq_pathway_destination__pair: {
    refers: { pathway_id: 'pathway', occupation_id: 'occupation' },
    say: (w) => `${w.occupation_id} is already a destination of ${w.pathway_id}`,
  },
  uq_stage_credential__stage_credential: {
    refers: { stage_id: 'pathway_stage', credential_id: 'credential' },
    say: (w) => `${w.credential_id} is already in the stage ${w.stage_id}`,
  },
  uq_competency__framework_code: {
    refers: { framework_id: 'competency_framework' },
    say: (w) => `${w.framework_id} already has a competency coded ${w.code}`,
  },
  uq_rubric_level__credential_level: {
    refers: { credential_id: 'credential' },
    say: (w) => `${w.credential_id} already has a rubric level ${w.level}`,
  },
  uq_outcome_report__pathway_cohort: {
    refers: { pathway_id: 'pathway' },
    say: (w) => `${w.pathway_id} already has an outcomes report for the cohort ${w.cohort}`,
  },
  uq_pathway__lineage_version: {
    refers: {},
    say: () => 'Someone else started a new version of this pathway at the same moment: reload',
  },
};

/** Tables as people name them, for a single-column uniqueness such as an employer's name. */
const TABLE_WORDS: Record<string, string> = {
  app_user: 'account',
  employer: 'employer',
  institution: 'institution',
  occupation: 'occupation',
  learner: 'learner',
  competency_framework: 'framework',
};

interface PgUniqueViolation {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A unique violation in the user's words, naming the records it joins by their titles (read
 * after the transaction rolled back, so records made in it are named by their values instead).
 * Null when the error is no unique violation.
 */
export async function uniquenessInWords(error: unknown, db: DataSource, inputPath = 'input'): Promise<UserError | null> {
  const pg = ((error as { driverError?: PgUniqueViolation }).driverError ?? error) as PgUniqueViolation;
  if (!pg || pg.code !== '23505') return null;
  const match = /^Key \(([^)]+)\)=\((.*)\) already exists/.exec(pg.detail ?? '');
  const columns = match ? match[1].split(',').map((c) => c.trim().replace(/"/g, '')) : [];
  const values = match ? match[2].split(', ') : [];
  const last = columns[columns.length - 1];
  const field = last ? [inputPath, camel(last)] : null;
  const known = pg.constraint ? UNIQUENESS[pg.constraint] : undefined;
  if (known && values.length === columns.length) {
    const words: Record<string, string> = {};
    for (const [index, column] of columns.entries()) {
      const table = known.refers[column];
      words[column] = values[index];
      if (!table) continue;
      const rows: { label: string }[] = await db.query(TITLE_SQL[table], [Number(values[index])]).catch(() => []);
      words[column] = rows[0]?.label ?? `that ${fieldInWords(camel(column)).toLowerCase()}`;
    }
    return userError(field, known.say(words), ErrorCode.TAKEN);
  }
  const thing = (pg.table && TABLE_WORDS[pg.table]) ?? pg.table?.replace(/_/g, ' ') ?? 'record';
  const what = columns.map((column) => fieldInWords(camel(column)).toLowerCase()).join(' and ') || 'value';
  return userError(field, `Another ${thing} already has that ${what}`, ErrorCode.TAKEN);
}
