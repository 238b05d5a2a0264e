import { EntityManager } from 'typeorm';
import { addDays } from '../../core/dates';
import { appliedCredits, EngineAgreement, EngineAward, EngineProgram } from '../articulation/engine';
import { credentialIdsOf, loadCredentials, loadProgramData } from './route-data';

/** A proposed change to one agreement; what is not given stays as it is. */
export interface AgreementChange {
  status?: EngineAgreement['status'];
  effectiveTo?: string | null;
  /** New credit values by credential id; a credential not yet mapped gets a new mapping. */
  credits?: Map<number, number>;
  /** Whole mappings by credential id, replacing or adding (a bulk import of a mapping table). */
  mappings?: Map<number, Omit<EngineAgreement['mappings'][number], 'credentialId'>>;
}

export interface LearnerImpact {
  learnerId: number;
  appliedBefore: number;
  appliedAfter: number;
  difference: number;
}

export interface ImpactReport {
  agreementId: number;
  programId: number;
  asOf: string;
  learnersConsidered: number;
  changes: LearnerImpact[];
}

function changed(agreement: EngineAgreement, change: AgreementChange): EngineAgreement {
  const mappings = agreement.mappings.map((mapping) => (change.credits?.has(mapping.credentialId) ? { ...mapping, credits: change.credits.get(mapping.credentialId)! } : mapping));
  for (const [credentialId, credits] of change.credits ?? []) {
    if (!mappings.some((mapping) => mapping.credentialId === credentialId)) mappings.push({ credentialId, credits, courseEquivalent: null, minMasteryLevel: null });
  }
  if (change.mappings) {
    const positions = new Map(mappings.map((mapping, index) => [mapping.credentialId, index]));
    for (const [credentialId, mapping] of change.mappings) {
      const index = positions.get(credentialId);
      if (index === undefined) mappings.push({ ...mapping, credentialId });
      else mappings[index] = { ...mapping, credentialId };
    }
  }
  return {
    ...agreement,
    status: change.status ?? agreement.status,
    effectiveTo: change.effectiveTo === undefined ? agreement.effectiveTo : change.effectiveTo,
    mappings,
  };
}

/**
 * Whose learners an impact report may consider: one institution's (its staff see only their own
 * learners, never how many learners elsewhere hold a credential), or everyone's (admins).
 */
export type LearnerScope = { institutionId: number } | 'all';

/**
 * Who gains or loses credit if an agreement changes, computed without writing: the learners in
 * scope who hold any credential the agreement (before or after) names, each routed into the
 * program both ways. Everything is loaded in a fixed number of statements, however many learners
 * there are.
 */
export async function agreementImpact(
  em: EntityManager,
  agreementId: number,
  programId: number,
  change: AgreementChange,
  asOf: string,
  scope: LearnerScope,
  before: AgreementChange = {},
): Promise<ImpactReport> {
  const { programs, agreementsByProgram } = await loadProgramData(em, [programId], [agreementId]);
  const program: EngineProgram | undefined = programs[0];
  const agreements = agreementsByProgram.get(programId) ?? [];
  const current = agreements.find((agreement) => agreement.id === agreementId);
  if (!program || !current) return { agreementId, programId, asOf, learnersConsidered: 0, changes: [] };

  const beforeAgreements = agreements.map((agreement) => (agreement.id === agreementId ? changed(agreement, before) : agreement));
  const afterAgreements = agreements.map((agreement) => (agreement.id === agreementId ? changed(agreement, change) : agreement));
  const named = new Set(credentialIdsOf([changed(current, change), current], []));

  const institutionId = scope === 'all' ? null : scope.institutionId;
  const holders = `SELECT DISTINCT h.learner_id FROM award h JOIN learner l ON l.id = h.learner_id
      WHERE h.credential_id = ANY($1) AND ($2::int IS NULL OR l.institution_id = $2)`;
  const awardRows: { id: number; learner_id: number; credential_id: number; awarded_on: string; mastery_level: number | null; revoked: boolean; revoked_on: string | null }[] = await em.query(
    `SELECT a.id, a.learner_id, a.credential_id, a.awarded_on, a.mastery_level, a.revoked_at IS NOT NULL AS revoked, a.revoked_on::text AS revoked_on
       FROM award a WHERE a.learner_id IN (${holders})
      ORDER BY a.learner_id, a.awarded_on, a.id`,
    [[...named], institutionId],
  );
  const priorRows: { learner_id: number; credits: string }[] = await em.query(
    `SELECT learner_id, sum(credits_approved) AS credits FROM prior_learning_claim
      WHERE degree_program_id = $3 AND status = 'APPROVED' AND learner_id IN (${holders})
      GROUP BY learner_id`,
    [[...named], institutionId, programId],
  );
  const prior = new Map(priorRows.map((row) => [row.learner_id, Number(row.credits)]));
  const awardsByLearner = new Map<number, EngineAward[]>();
  for (const row of awardRows) {
    const awards = awardsByLearner.get(row.learner_id) ?? [];
    awards.push({ id: row.id, credentialId: row.credential_id, awardedOn: row.awarded_on, masteryLevel: row.mastery_level, revoked: row.revoked, revokedOn: row.revoked_on });
    awardsByLearner.set(row.learner_id, awards);
  }
  const credentials = await loadCredentials(em, [...credentialIdsOf([...beforeAgreements, ...afterAgreements], []), ...awardRows.map((row) => row.credential_id)]);

  const changes: LearnerImpact[] = [];
  for (const [learnerId, awards] of awardsByLearner) {
    const base = { asOf, program, awards, approvedPriorLearningCredits: prior.get(learnerId) ?? 0, credentials };
    const appliedBefore = appliedCredits({ ...base, agreements: beforeAgreements });
    const appliedAfter = appliedCredits({ ...base, agreements: afterAgreements });
    if (appliedBefore !== appliedAfter) {
      changes.push({ learnerId, appliedBefore, appliedAfter, difference: Math.round((appliedAfter - appliedBefore) * 100) / 100 });
    }
  }
  changes.sort((a, b) => a.difference - b.difference || a.learnerId - b.learnerId);
  return { agreementId, programId, asOf, learnersConsidered: awardsByLearner.size, changes };
}

/** The day after an agreement ends, the learners who lose credit compared with it carrying on. */
export async function expiryImpact(em: EntityManager, agreementId: number, programId: number, effectiveTo: string, scope: LearnerScope): Promise<ImpactReport> {
  return agreementImpact(em, agreementId, programId, {}, addDays(effectiveTo, 1), scope, { effectiveTo: null });
}
