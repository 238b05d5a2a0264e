import { DataSource } from 'typeorm';
import { fromGlobalId } from '../../api/src/core/ids';
import { TestApi } from './api';

/** The revision of the record a row belongs to (or of the record itself), by the row's type. */
const REVISION_BEHIND: Record<string, string> = {
  Learner: 'SELECT revision FROM learner WHERE id = $1',
  Credential: 'SELECT revision FROM credential WHERE id = $1',
  ArticulationAgreement: 'SELECT revision FROM articulation_agreement WHERE id = $1',
  Award: 'SELECT l.revision FROM award a JOIN learner l ON l.id = a.learner_id WHERE a.id = $1',
  PriorLearningClaim: 'SELECT l.revision FROM prior_learning_claim c JOIN learner l ON l.id = c.learner_id WHERE c.id = $1',
  LearningOutcome: 'SELECT c.revision FROM learning_outcome o JOIN credential c ON c.id = o.credential_id WHERE o.id = $1',
  Alignment: 'SELECT c.revision FROM alignment a JOIN learning_outcome o ON o.id = a.outcome_id JOIN credential c ON c.id = o.credential_id WHERE a.id = $1',
  CreditMapping: 'SELECT g.revision FROM credit_mapping m JOIN articulation_agreement g ON g.id = m.agreement_id WHERE m.id = $1',
};

/**
 * The revision a page opened now would hold for an edit of `globalId` (a learner, credential or
 * agreement, or one of their rows); 1 for an ID that names nothing, so the server is the one to
 * refuse it.
 */
export async function currentRevision(db: DataSource, globalId: unknown): Promise<number> {
  const decoded = typeof globalId === 'string' ? fromGlobalId(globalId) : null;
  const sql = decoded && REVISION_BEHIND[decoded.typeName];
  if (!decoded || !sql || !/^\d+$/.test(String(decoded.localId))) return 1;
  const rows: { revision: number }[] = await db.query(sql, [Number(decoded.localId)]);
  return rows[0]?.revision ?? 1;
}

/** The input with the current revision of the record it edits, unless it says one itself. */
export async function withCurrentRevision(db: DataSource, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if ('expectedRevision' in input) return input;
  const reference = input.learnerId ?? input.agreementId ?? input.outcomeId ?? input.id;
  return { ...input, expectedRevision: await currentRevision(db, reference) };
}

/**
 * Sends a mutation as the console does: based on what the database holds now. Variables either
 * have an `input` (an update, or a create of a row) or an `id` with `$expectedRevision` (a delete).
 */
export function editingClient(api: TestApi): TestApi['gql'] {
  return async (query, variables = {}, options) => {
    const input = variables.input as Record<string, unknown> | undefined;
    const sent = input
      ? { ...variables, input: await withCurrentRevision(api.db, input) }
      : { expectedRevision: await currentRevision(api.db, variables.id), ...variables };
    return api.gql(query, sent, options);
  };
}
