import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../core/database';
import type { AgreementStatus, EngineAgreement, EngineAward, EngineCredential, EngineProgram, EngineStage, RouteInput } from '../articulation/engine';

/** A program as the route engine sees it: its terms and its ACTIVE agreements. */
export interface CatalogueEntry {
  program: EngineProgram;
  agreements: EngineAgreement[];
}

/** Programs, and at least every credential their agreements name. */
export interface CatalogueSlice {
  entries: CatalogueEntry[];
  credentials: ReadonlyMap<number, EngineCredential>;
}

/** Where the programs' side of route data comes from (the program catalogue, or the database). */
export interface ProgramSource {
  programs(ids: number[]): Promise<CatalogueSlice>;
}

/**
 * Everything the route engine needs for one learner, loaded in a fixed number of statements
 * whatever the learner holds: awards, the programs they connect to, those programs' active
 * agreements with mappings and block pathways (newest published version), approved prior
 * learning, and the credentials all of these name.
 */
export interface LearnerRouteData {
  /** Null when no learner has the id. */
  learner: { institutionId: number | null } | null;
  awards: EngineAward[];
  programs: EngineProgram[];
  agreementsByProgram: Map<number, EngineAgreement[]>;
  priorLearningByProgram: Map<number, number>;
  credentials: ReadonlyMap<number, EngineCredential>;
}

interface AgreementRow {
  id: number;
  degree_program_id: number;
  status: AgreementStatus;
  effective_from: string;
  effective_to: string | null;
  recency_years: number | null;
  block_pathway_id: number | null;
  block_credits: string | null;
}

/** Programs with their ACTIVE agreements (and any agreements named in `alsoAgreementIds`, whatever their status). */
export async function loadProgramData(em: EntityManager, programIds: number[], alsoAgreementIds: number[] = []) {
  const programRows: { id: number; total_credits: number; residency_credits: number; prior_learning_cap: string }[] = programIds.length
    ? await em.query(`SELECT id, total_credits, residency_credits, prior_learning_cap FROM degree_program WHERE id = ANY($1)`, [programIds])
    : [];
  const agreementRows: AgreementRow[] = programIds.length
    ? await em.query(
        `SELECT id, degree_program_id, status, effective_from, effective_to, recency_years, block_pathway_id, block_credits
           FROM articulation_agreement WHERE degree_program_id = ANY($1) AND (status = 'ACTIVE' OR id = ANY($2)) ORDER BY id`,
        [programIds, alsoAgreementIds],
      )
    : [];
  const agreementIds = agreementRows.map((row) => row.id);
  const mappingRows: { agreement_id: number; credential_id: number; credits: string; course_equivalent: string | null; min_mastery_level: number | null }[] =
    agreementIds.length
      ? await em.query(
          `SELECT agreement_id, credential_id, credits, course_equivalent, min_mastery_level FROM credit_mapping WHERE agreement_id = ANY($1) ORDER BY id`,
          [agreementIds],
        )
      : [];
  const blockIds = [...new Set(agreementRows.map((row) => row.block_pathway_id).filter((id): id is number => id !== null))];
  const stageRows: { block_id: number; position: number; requirement: 'ALL' | 'AT_LEAST'; required_count: number | null; credential_id: number | null }[] =
    blockIds.length
      ? await em.query(
          `WITH newest AS (
             SELECT b.id AS block_id,
                    (SELECT p.id FROM pathway p WHERE p.lineage_id = b.lineage_id AND p.status = 'PUBLISHED' ORDER BY p.version DESC LIMIT 1) AS pathway_id
               FROM pathway b WHERE b.id = ANY($1))
           SELECT n.block_id, s.position, s.requirement, s.required_count, sc.credential_id
             FROM newest n JOIN pathway_stage s ON s.pathway_id = n.pathway_id
             LEFT JOIN stage_credential sc ON sc.stage_id = s.id
            ORDER BY n.block_id, s.position, sc.position, sc.id`,
          [blockIds],
        )
      : [];

  const stagesByBlock = new Map<number, EngineStage[]>();
  for (const row of stageRows) {
    const stages = stagesByBlock.get(row.block_id) ?? [];
    let stage = stages.find((s) => s.position === row.position);
    if (!stage) {
      stage = { position: row.position, requirement: row.requirement, requiredCount: row.required_count, credentialIds: [] };
      stages.push(stage);
    }
    if (row.credential_id !== null) stage.credentialIds.push(row.credential_id);
    stagesByBlock.set(row.block_id, stages);
  }

  const agreementsByProgram = new Map<number, EngineAgreement[]>();
  for (const row of agreementRows) {
    const agreement: EngineAgreement = {
      id: row.id,
      status: row.status,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
      recencyYears: row.recency_years,
      mappings: mappingRows
        .filter((m) => m.agreement_id === row.id)
        .map((m) => ({ credentialId: m.credential_id, credits: Number(m.credits), courseEquivalent: m.course_equivalent, minMasteryLevel: m.min_mastery_level })),
      block:
        row.block_pathway_id !== null && row.block_credits !== null
          ? { credits: Number(row.block_credits), pathwayId: row.block_pathway_id, stages: stagesByBlock.get(row.block_pathway_id) ?? [] }
          : null,
    };
    agreementsByProgram.set(row.degree_program_id, [...(agreementsByProgram.get(row.degree_program_id) ?? []), agreement]);
  }
  const programs: EngineProgram[] = programRows.map((row) => ({
    id: row.id,
    totalCredits: row.total_credits,
    residencyCredits: row.residency_credits,
    priorLearningCap: Number(row.prior_learning_cap),
  }));
  return { programs, agreementsByProgram };
}

export async function loadCredentials(em: EntityManager, ids: Iterable<number>): Promise<Map<number, EngineCredential>> {
  const unique = [...new Set(ids)];
  const rows: { id: number; title: string; workload_hours: string }[] = unique.length
    ? await em.query(`SELECT id, title, workload_hours FROM credential WHERE id = ANY($1)`, [unique])
    : [];
  return new Map(rows.map((row) => [row.id, { id: row.id, title: row.title, workloadHours: Number(row.workload_hours) }]));
}

export function credentialIdsOf(agreements: Iterable<EngineAgreement>, awards: EngineAward[], extra: number[] = []): number[] {
  const ids = [...awards.map((award) => award.credentialId), ...extra];
  for (const agreement of agreements) {
    ids.push(...agreement.mappings.map((mapping) => mapping.credentialId));
    for (const stage of agreement.block?.stages ?? []) ids.push(...stage.credentialIds);
  }
  return ids;
}

interface LearnerRow {
  learner: { institution_id: number | null } | null;
  awards: { id: number; credential_id: number; awarded_on: string; mastery_level: number | null; revoked: boolean; revoked_on: string | null }[];
  prior: { degree_program_id: number; credits: number }[];
  connected: number[];
}

/**
 * One learner's route data; `onlyProgramId` limits it to one program (route and what-if). The
 * learner's side is one statement: the learner's institution (for the access check), awards,
 * approved prior learning, and the programs whose active agreements map a credential the learner
 * holds or name a block pathway one of whose published stages holds it. The programs' side comes
 * from `programSource`.
 */
export async function loadLearnerRouteData(em: EntityManager, programSource: ProgramSource, learnerId: number, asOf: string, onlyProgramId?: number): Promise<LearnerRouteData> {
  const [row] = await preparedQuery<LearnerRow>(
    em,
    'pathforge_learner_route_data',
    `WITH held AS (
       SELECT id, credential_id, awarded_on, mastery_level, revoked_at IS NOT NULL AS revoked, revoked_on FROM award WHERE learner_id = $1)
     SELECT
       (SELECT json_build_object('institution_id', institution_id) FROM learner WHERE id = $1) AS learner,
       (SELECT coalesce(json_agg(held ORDER BY awarded_on, id), '[]') FROM held) AS awards,
       (SELECT coalesce(json_agg(json_build_object('degree_program_id', degree_program_id, 'credits', credits)), '[]')
          FROM (SELECT degree_program_id, sum(credits_approved) AS credits FROM prior_learning_claim
                 WHERE learner_id = $1 AND status = 'APPROVED' GROUP BY degree_program_id) claims) AS prior,
       CASE WHEN $3::int IS NOT NULL THEN ARRAY[$3::int] ELSE
         (SELECT coalesce(array_agg(DISTINCT a.degree_program_id), '{}') FROM articulation_agreement a
           WHERE a.status = 'ACTIVE' AND a.effective_from <= $2 AND (a.effective_to IS NULL OR a.effective_to >= $2)
             AND a.id IN (SELECT m.agreement_id FROM credit_mapping m WHERE m.credential_id IN (SELECT credential_id FROM held)
                          UNION
                          SELECT b.id FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id
                            JOIN pathway p ON p.id = s.pathway_id AND p.status = 'PUBLISHED'
                            JOIN pathway lineage ON lineage.lineage_id = p.lineage_id
                            JOIN articulation_agreement b ON b.block_pathway_id = lineage.id
                           WHERE sc.credential_id IN (SELECT credential_id FROM held))) END AS connected`,
    [learnerId, asOf, onlyProgramId ?? null],
  );
  const awards: EngineAward[] = row.awards.map((award) => ({
    id: award.id,
    credentialId: award.credential_id,
    awardedOn: award.awarded_on,
    masteryLevel: award.mastery_level,
    revoked: award.revoked,
    revokedOn: award.revoked_on,
  }));
  const priorLearningByProgram = new Map(row.prior.map((claim) => [claim.degree_program_id, Number(claim.credits)]));
  const programIds = onlyProgramId !== undefined ? [onlyProgramId] : [...new Set([...row.connected, ...priorLearningByProgram.keys()])];
  const { entries, credentials } = await programSource.programs(programIds);
  return {
    learner: row.learner && { institutionId: row.learner.institution_id },
    awards,
    programs: entries.map((entry) => entry.program),
    agreementsByProgram: new Map(entries.map((entry) => [entry.program.id, entry.agreements])),
    priorLearningByProgram,
    credentials,
  };
}

export function routeInput(data: LearnerRouteData, program: EngineProgram, asOf: string): RouteInput {
  return {
    asOf,
    program,
    agreements: data.agreementsByProgram.get(program.id) ?? [],
    awards: data.awards,
    approvedPriorLearningCredits: data.priorLearningByProgram.get(program.id) ?? 0,
    credentials: data.credentials,
  };
}
