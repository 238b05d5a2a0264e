import { EntityManager } from 'typeorm';
import { todayIso } from '../../core/scalars';

export enum PublishCheck {
  MIN_TWO_CREDENTIALS = 'MIN_TWO_CREDENTIALS',
  CREDENTIALS_PUBLISHED_AND_ASSESSED = 'CREDENTIALS_PUBLISHED_AND_ASSESSED',
  STAGE_REQUIREMENTS_VALID = 'STAGE_REQUIREMENTS_VALID',
  NO_PREREQUISITE_CYCLE = 'NO_PREREQUISITE_CYCLE',
  CURRENT_ENDORSEMENT = 'CURRENT_ENDORSEMENT',
}

export interface CheckResult {
  check: PublishCheck;
  passed: boolean;
  message: string;
}

interface StageRow {
  pathway_id: number;
  stage_id: number;
  position: number;
  title: string;
  requirement: 'ALL' | 'AT_LEAST';
  required_count: number | null;
  min_credits: string | null;
  credential_id: number | null;
  credential_title: string | null;
  credential_status: string | null;
  credit_value: string | null;
  assessed: boolean | null;
}

/** Finds a cycle reachable from `starts` in a directed graph given as edges: the node ids on it, or null. */
export function findCycle(edges: [from: number, to: number][], starts: Iterable<number>): number[] | null {
  const next = new Map<number, number[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<number, 'open' | 'done'>();
  const path: number[] = [];
  const visit = (node: number): number[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return path.slice(path.indexOf(node));
    state.set(node, 'open');
    path.push(node);
    for (const target of next.get(node) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of starts) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * The publish checks of DOMAIN.md for many pathway versions in a fixed number of statements:
 * stages with their credentials, prerequisite edges reachable from those credentials, and
 * current endorsements.
 */
export async function publishReadiness(em: EntityManager, pathwayIds: readonly number[]): Promise<Map<number, CheckResult[]>> {
  const ids = [...pathwayIds];
  const stageRows: StageRow[] = await em.query(
    `SELECT s.pathway_id, s.id AS stage_id, s.position, s.title, s.requirement, s.required_count, s.min_credits,
            c.id AS credential_id, c.title AS credential_title, c.status AS credential_status, c.credit_value,
            EXISTS (SELECT 1 FROM assessment a WHERE a.credential_id = c.id) AS assessed
       FROM pathway_stage s
       LEFT JOIN stage_credential sc ON sc.stage_id = s.id
       LEFT JOIN credential c ON c.id = sc.credential_id
      WHERE s.pathway_id = ANY($1)
      ORDER BY s.pathway_id, s.position, sc.position`,
    [ids],
  );
  const credentialIds = [...new Set(stageRows.map((row) => row.credential_id).filter((id): id is number => id !== null))];
  const edges: { credential_id: number; prerequisite_id: number }[] = credentialIds.length
    ? await em.query(
        `WITH RECURSIVE reach(credential_id, prerequisite_id) AS (
           SELECT credential_id, prerequisite_id FROM credential_prerequisite WHERE credential_id = ANY($1)
           UNION SELECT p.credential_id, p.prerequisite_id FROM credential_prerequisite p JOIN reach r ON p.credential_id = r.prerequisite_id)
         SELECT credential_id, prerequisite_id FROM reach`,
        [credentialIds],
      )
    : [];
  const endorsed: { pathway_id: number }[] = await em.query(
    `SELECT DISTINCT pathway_id FROM endorsement
      WHERE pathway_id = ANY($1) AND revoked_at IS NULL AND hidden_at IS NULL AND (expires_on IS NULL OR expires_on >= $2)`,
    [ids, todayIso()],
  );
  const endorsedIds = new Set(endorsed.map((row) => row.pathway_id));
  const edgeList = edges.map((edge): [number, number] => [edge.credential_id, edge.prerequisite_id]);

  return new Map(
    ids.map((pathwayId) => {
      const rows = stageRows.filter((row) => row.pathway_id === pathwayId);
      const credentials = new Map(rows.filter((row) => row.credential_id !== null).map((row) => [row.credential_id as number, row]));
      const stages = [...new Set(rows.map((row) => row.stage_id))].map((stageId) => rows.filter((row) => row.stage_id === stageId));
      const unpublished = [...credentials.values()].filter((row) => row.credential_status !== 'PUBLISHED' || !row.assessed);
      const badStages = stages.filter((stageRows) => {
        const stage = stageRows[0];
        const inStage = stageRows.filter((row) => row.credential_id !== null);
        const credits = inStage.reduce((sum, row) => sum + Number(row.credit_value ?? 0), 0);
        if (inStage.length === 0) return true;
        if (stage.requirement === 'AT_LEAST' && (stage.required_count ?? 0) > inStage.length) return true;
        return stage.min_credits !== null && Number(stage.min_credits) > credits;
      });
      const cycle = findCycle(edgeList, credentials.keys());
      const results: CheckResult[] = [
        {
          check: PublishCheck.MIN_TWO_CREDENTIALS,
          passed: credentials.size >= 2,
          message: `A pathway needs at least two credentials; this one has ${credentials.size}.`,
        },
        {
          check: PublishCheck.CREDENTIALS_PUBLISHED_AND_ASSESSED,
          passed: unpublished.length === 0,
          message: unpublished.length
            ? `Not published or not assessed: ${unpublished.map((row) => row.credential_title).join(', ')}.`
            : 'Every credential is published and assessed.',
        },
        {
          check: PublishCheck.STAGE_REQUIREMENTS_VALID,
          passed: stages.length > 0 && badStages.length === 0,
          message: stages.length === 0
            ? 'The pathway has no stages.'
            : badStages.length
              ? `Stages whose requirement cannot be met by their credentials: ${badStages.map((s) => `${s[0].position}. ${s[0].title}`).join(', ')}.`
              : 'Every stage can be completed.',
        },
        {
          check: PublishCheck.NO_PREREQUISITE_CYCLE,
          passed: cycle === null,
          message: cycle ? `Prerequisites go round in a circle through credentials ${cycle.join(' → ')}.` : 'Prerequisites form no cycle.',
        },
        {
          check: PublishCheck.CURRENT_ENDORSEMENT,
          passed: endorsedIds.has(pathwayId),
          message: endorsedIds.has(pathwayId) ? 'Endorsed by an employer.' : 'No employer has a current endorsement of this version.',
        },
      ];
      return [pathwayId, results];
    }),
  );
}
