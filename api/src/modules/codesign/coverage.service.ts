import { EntityManager } from 'typeorm';
import { AlignmentStrength } from '../credentials/alignment.entity';

export interface CoverageSource {
  credentialId: number;
  outcomeId: number;
  strength: AlignmentStrength;
}

export interface CompetencyCoverage {
  competencyId: number;
  by: CoverageSource[];
}

export interface CoverageResult {
  coreCount: number;
  coveredCount: number;
  ratio: number;
  covered: CompetencyCoverage[];
  /** Core competencies no EXACT or PARTIAL alignment reaches; RELATED sources are kept for display. */
  uncovered: CompetencyCoverage[];
}

const COUNTS = new Set<string>([AlignmentStrength.EXACT, AlignmentStrength.PARTIAL]);

/**
 * Coverage of DOMAIN.md for many pathway versions in one statement: the core competencies of
 * their destination occupations, each with the outcomes of the pathway's credentials aligned to
 * it. EXACT and PARTIAL cover; RELATED is shown but does not count. Competencies come in the
 * order of their codes, as people read them (AH-5.2 before AH-5.10).
 */
export async function coverage(em: EntityManager, pathwayIds: readonly number[]): Promise<Map<number, CoverageResult>> {
  const rows: { pathway_id: number; competency_id: number; credential_id: number | null; outcome_id: number | null; strength: AlignmentStrength | null }[] =
    await em.query(
      `WITH core AS (
         SELECT DISTINCT d.pathway_id, oc.competency_id
           FROM pathway_destination d JOIN occupation_competency oc ON oc.occupation_id = d.occupation_id AND oc.is_core
          WHERE d.pathway_id = ANY($1)),
       sources AS (
         SELECT DISTINCT s.pathway_id, sc.credential_id, lo.id AS outcome_id, a.competency_id, a.strength
           FROM pathway_stage s
           JOIN stage_credential sc ON sc.stage_id = s.id
           JOIN learning_outcome lo ON lo.credential_id = sc.credential_id
           JOIN alignment a ON a.outcome_id = lo.id
          WHERE s.pathway_id = ANY($1))
       SELECT core.pathway_id, core.competency_id, src.credential_id, src.outcome_id, src.strength
         FROM core JOIN competency c ON c.id = core.competency_id
         LEFT JOIN sources src ON src.pathway_id = core.pathway_id AND src.competency_id = core.competency_id
        ORDER BY core.pathway_id, c.code, core.competency_id, src.strength, src.credential_id, src.outcome_id`,
      [[...pathwayIds]],
    );
  const result = new Map<number, CoverageResult>();
  for (const pathwayId of pathwayIds) {
    const byCompetency = new Map<number, CoverageSource[]>();
    for (const row of rows) {
      if (row.pathway_id !== pathwayId) continue;
      const sources = byCompetency.get(row.competency_id) ?? [];
      if (row.credential_id !== null && row.outcome_id !== null && row.strength !== null) {
        sources.push({ credentialId: row.credential_id, outcomeId: row.outcome_id, strength: row.strength });
      }
      byCompetency.set(row.competency_id, sources);
    }
    const all = [...byCompetency.entries()].map(([competencyId, by]) => ({ competencyId, by }));
    const covered = all.filter((entry) => entry.by.some((source) => COUNTS.has(source.strength)));
    const uncovered = all.filter((entry) => !covered.includes(entry));
    result.set(pathwayId, {
      coreCount: all.length,
      coveredCount: covered.length,
      ratio: all.length === 0 ? 0 : Math.round((covered.length / all.length) * 10000) / 10000,
      covered,
      uncovered,
    });
  }
  return result;
}
