/** "StageCredential" → "Stage credential". */
const typeWords = (typeName: string) => typeName.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);

/** The console resource that shows each audited record type. */
const RESOURCE_OF: Record<string, string> = {
  Pathway: 'pathways',
  Credential: 'credentials',
  Occupation: 'occupations',
  Employer: 'employers',
  Institution: 'institutions',
  DegreeProgram: 'degreePrograms',
  ArticulationAgreement: 'articulationAgreements',
  Learner: 'learners',
  CompetencyFramework: 'competencyFrameworks',
  Competency: 'competencies',
};

/** A child record is shown on its parent's page: the parent's column in the audited values, and its type. */
const PARENT_OF: Record<string, [column: string, typeName: string]> = {
  PathwayStage: ['pathwayId', 'Pathway'],
  PathwayPartner: ['pathwayId', 'Pathway'],
  PathwayDestination: ['pathwayId', 'Pathway'],
  PathwayOffRamp: ['pathwayId', 'Pathway'],
  PathwayComment: ['pathwayId', 'Pathway'],
  Endorsement: ['pathwayId', 'Pathway'],
  OutcomeReport: ['pathwayId', 'Pathway'],
  CreditMapping: ['agreementId', 'ArticulationAgreement'],
  LearningOutcome: ['credentialId', 'Credential'],
  Assessment: ['credentialId', 'Credential'],
  RubricLevel: ['credentialId', 'Credential'],
  Award: ['learnerId', 'Learner'],
  PriorLearningClaim: ['learnerId', 'Learner'],
  OccupationCompetency: ['occupationId', 'Occupation'],
};

/** Audited records no page of their own shows, whose parent the audited values do not name. */
const UNLINKED = ['StageCredential', 'Alignment', 'User'];

/** Record types an admin can pick in the filter, as people name them. */
export const RECORD_TYPE_CHOICES = [...Object.keys(RESOURCE_OF), ...Object.keys(PARENT_OF), ...UNLINKED]
  .map((id) => ({ id, name: typeWords(id) }))
  .sort((a, b) => a.name.localeCompare(b.name));

const globalId = (typeName: string, id: unknown) => btoa(`${typeName}:${String(id)}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export interface AuditedRecord {
  recordType: string;
  record: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Where the changed record (or the record it belongs to) is shown; null once it was deleted, or when no page shows it. */
export function recordLink(entry: AuditedRecord): { resource: string; id: string } | null {
  const values = entry.after ?? entry.before ?? {};
  if (RESOURCE_OF[entry.recordType]) return entry.action === 'DELETE' ? null : { resource: RESOURCE_OF[entry.recordType], id: entry.record };
  const parent = PARENT_OF[entry.recordType];
  if (!parent || values[parent[0]] === undefined || values[parent[0]] === null) return null;
  return { resource: RESOURCE_OF[parent[1]], id: globalId(parent[1], values[parent[0]]) };
}

/** What the record is called, from its own audited values. */
export function recordTitle(entry: AuditedRecord): string {
  const values = entry.after ?? entry.before ?? {};
  const named = values.title ?? values.name ?? values.displayName ?? values.statement ?? values.code;
  const type = typeWords(entry.recordType);
  return typeof named === 'string' && named ? `${type}: ${named}` : type;
}
