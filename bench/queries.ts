import { toGlobalId } from '../api/src/core/ids';
import { Kind, parse, SelectionSetNode } from 'graphql';
import { Size } from './generate';

/**
 * The six benchmark queries, each in three forms: our GraphQL document, one hand-written SQL
 * statement that builds the same JSON (the physical limit), and PostGraphile 4's nearest document
 * where its generated schema can express the query. Each request picks its record with `pick`.
 */
export interface BenchQuery {
  key: string;
  title: string;
  /** Who asks: the public (college web sites) or a signed-in advisor's view (an admin here). */
  signedIn: boolean;
  graphql: string;
  /** Variables for a record number drawn by `pick`. */
  variables(n: number): Record<string, unknown>;
  pick(random: () => number): number;
  /** `$1` is the record number; the statement returns one text column, the response body. */
  limitSql: string | null;
  postgraphile: { query: string; variables(n: number): Record<string, unknown> } | null;
}

/** Global IDs and ISO timestamps built in SQL exactly as the API writes them. */
const gid = (type: string, column: string) => `rtrim(translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const list = (element: string, from: string, order: string) => `COALESCE((SELECT json_agg(${element} ORDER BY ${order}) ${from}), '[]'::json)`;

/** What a published pathway page shows (q1); the warm-up reads the same for every published version. */
export const PATHWAY_FIELDS = `id title description version status publishedAt
  ownerInstitution { id name region }
  destinations { id socCode title medianAnnualWage }
  partners { role employer { id name } }
  offRamps { credential { id title } occupation { id title } }
  stages { id position title requirement requiredCount credentials { id title level workloadHours creditValue deliveryMode } }`;

const pathwayJson = (p: string) => `json_build_object(
  'id', ${gid('Pathway', `${p}.id`)}, 'title', ${p}.title, 'description', ${p}.description, 'version', ${p}.version, 'status', ${p}.status,
  'publishedAt', ${iso(`${p}.published_at`)},
  'ownerInstitution', (SELECT json_build_object('id', ${gid('Institution', 'i.id')}, 'name', i.name, 'region', i.region) FROM institution i WHERE i.id = ${p}.owner_institution_id),
  'destinations', ${list(`json_build_object('id', ${gid('Occupation', 'o.id')}, 'socCode', o.soc_code, 'title', o.title, 'medianAnnualWage', o.median_annual_wage::float8)`,
    `FROM pathway_destination d JOIN occupation o ON o.id = d.occupation_id WHERE d.pathway_id = ${p}.id`, 'd.id')},
  'partners', ${list(`json_build_object('role', pp.role, 'employer', json_build_object('id', ${gid('Employer', 'e.id')}, 'name', e.name))`,
    `FROM pathway_partner pp JOIN employer e ON e.id = pp.employer_id WHERE pp.pathway_id = ${p}.id`, 'pp.id')},
  'offRamps', ${list(`json_build_object('credential', json_build_object('id', ${gid('Credential', 'rc.id')}, 'title', rc.title), 'occupation', json_build_object('id', ${gid('Occupation', 'ro.id')}, 'title', ro.title))`,
    `FROM pathway_off_ramp r JOIN credential rc ON rc.id = r.credential_id JOIN occupation ro ON ro.id = r.occupation_id WHERE r.pathway_id = ${p}.id`, 'r.id')},
  'stages', ${list(`json_build_object('id', ${gid('PathwayStage', 's.id')}, 'position', s.position, 'title', s.title, 'requirement', s.requirement, 'requiredCount', s.required_count,
      'credentials', ${list(`json_build_object('id', ${gid('Credential', 'c.id')}, 'title', c.title, 'level', c.level, 'workloadHours', c.workload_hours::float8,
          'creditValue', c.credit_value::float8, 'deliveryMode', c.delivery_mode)`,
        `FROM stage_credential sc JOIN credential c ON c.id = sc.credential_id WHERE sc.stage_id = s.id AND c.status = 'PUBLISHED'`, 'sc.position, sc.id')})`,
    `FROM pathway_stage s WHERE s.pathway_id = ${p}.id`, 's.position, s.id')})`;

const POSTGRAPHILE_PATHWAY = `id title description version status publishedAt
  institutionByOwnerInstitutionId { id name region }
  pathwayDestinationsByPathwayId { nodes { occupationByOccupationId { id socCode title medianAnnualWage } } }
  pathwayPartnersByPathwayId { nodes { role employerByEmployerId { id name } } }
  pathwayOffRampsByPathwayId { nodes { credentialByCredentialId { id title } occupationByOccupationId { id title } } }
  pathwayStagesByPathwayId(orderBy: POSITION_ASC) { nodes { id position title requirement requiredCount
    stageCredentialsByStageId(orderBy: POSITION_ASC) { nodes { credentialByCredentialId { id title level workloadHours creditValue deliveryMode } } } } }`;

const uniform = (count: number) => (random: () => number) => 1 + Math.floor(random() * count);

export function benchQueries(size: Size): BenchQuery[] {
  return [
    {
      key: 'q1',
      title: 'published pathway page',
      signedIn: false,
      graphql: `query($id: ID!) { pathway(id: $id) { ${PATHWAY_FIELDS} } }`,
      variables: (n) => ({ id: toGlobalId('Pathway', n) }),
      // Every tenth pathway is a draft: draw among the published ones.
      pick: (random) => {
        const n = uniform(size.pathways)(random);
        return n % 10 === 0 ? n - 1 || 1 : n;
      },
      limitSql: `SELECT json_build_object('data', json_build_object('pathway', (SELECT ${pathwayJson('p')} FROM pathway p WHERE p.id = $1 AND p.status = 'PUBLISHED')))::text`,
      postgraphile: { query: `query($id: Int!) { pathwayById(id: $id) { ${POSTGRAPHILE_PATHWAY} } }`, variables: (n) => ({ id: n }) },
    },
    {
      key: 'q2',
      title: 'pathways(first: 20) by occupation',
      signedIn: false,
      graphql: `query($occupation: ID!) { pathways(first: 20, filter: { occupationId: $occupation, status: PUBLISHED }) { totalCount nodes { ${PATHWAY_FIELDS} } } }`,
      variables: (n) => ({ occupation: toGlobalId('Occupation', n) }),
      pick: uniform(size.hotOccupations),
      limitSql: `WITH matching AS (
          SELECT p.* FROM pathway p WHERE p.status = 'PUBLISHED' AND p.id IN (SELECT pathway_id FROM pathway_destination WHERE occupation_id = $1)
        ), page AS (SELECT * FROM matching ORDER BY title, id LIMIT 20)
        SELECT json_build_object('data', json_build_object('pathways', json_build_object(
          'totalCount', (SELECT count(*) FROM matching),
          'nodes', ${list(pathwayJson('page'), 'FROM page', 'page.title, page.id')})))::text`,
      // PostGraphile filters only on a table's own columns: the occupation's first 20 destination
      // links, drafts included, stand in for the filtered page.
      postgraphile: {
        query: `query($occupation: Int!) { occupationById(id: $occupation) { pathwayDestinationsByOccupationId(first: 20) { totalCount nodes { pathwayByPathwayId { ${POSTGRAPHILE_PATHWAY} } } } } }`,
        variables: (n) => ({ occupation: n }),
      },
    },
    {
      key: 'q3',
      title: 'credential with competencies, frameworks, occupations, pathways',
      signedIn: false,
      graphql: `query($id: ID!) { credential(id: $id) { id title level
        competencies { id code statement framework { id name } }
        occupations { id socCode title }
        pathways { id title status } } }`,
      variables: (n) => ({ id: toGlobalId('Credential', n) }),
      pick: uniform(size.credentials),
      limitSql: `SELECT json_build_object('data', json_build_object('credential', (SELECT json_build_object('id', ${gid('Credential', 'c.id')}, 'title', c.title, 'level', c.level,
          'competencies', ${list(`json_build_object('id', ${gid('Competency', 'k.id')}, 'code', k.code, 'statement', k.statement, 'framework', json_build_object('id', ${gid('CompetencyFramework', 'f.id')}, 'name', f.name))`,
            `FROM competency k JOIN competency_framework f ON f.id = k.framework_id
              WHERE k.id IN (SELECT a.competency_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id WHERE lo.credential_id = c.id)`, 'k.id')},
          'occupations', ${list(`json_build_object('id', ${gid('Occupation', 'o.id')}, 'socCode', o.soc_code, 'title', o.title)`,
            `FROM occupation o WHERE o.id IN (SELECT oc.occupation_id FROM learning_outcome lo JOIN alignment a ON a.outcome_id = lo.id
              JOIN occupation_competency oc ON oc.competency_id = a.competency_id WHERE lo.credential_id = c.id)`, 'o.id')},
          'pathways', ${list(`json_build_object('id', ${gid('Pathway', 'p.id')}, 'title', p.title, 'status', p.status)`,
            `FROM pathway p WHERE p.status = 'PUBLISHED' AND p.id IN (SELECT s.pathway_id FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id WHERE sc.credential_id = c.id)`, 'p.id')})
        FROM credential c WHERE c.id = $1 AND c.status = 'PUBLISHED')))::text`,
      postgraphile: {
        query: `query($id: Int!) { credentialById(id: $id) { id title level
          learningOutcomesByCredentialId { nodes { alignmentsByOutcomeId { nodes { competencyByCompetencyId { id code statement
            competencyFrameworkByFrameworkId { id name }
            occupationCompetenciesByCompetencyId { nodes { occupationByOccupationId { id socCode title } } } } } } } }
          stageCredentialsByCredentialId { nodes { pathwayStageByStageId { pathwayByPathwayId { id title status } } } } } }`,
        variables: (n) => ({ id: n }),
      },
    },
    {
      key: 'q4',
      title: "institution's programs with agreements and credentials",
      signedIn: false,
      graphql: `query($id: ID!) { institution(id: $id) { id name degreePrograms { id title
        agreements { id title status mappings { credits courseEquivalent credential { id title } } } } } }`,
      variables: (n) => ({ id: toGlobalId('Institution', n) }),
      pick: uniform(size.institutions),
      limitSql: `SELECT json_build_object('data', json_build_object('institution', (SELECT json_build_object('id', ${gid('Institution', 'i.id')}, 'name', i.name,
          'degreePrograms', ${list(`json_build_object('id', ${gid('DegreeProgram', 'dp.id')}, 'title', dp.title,
              'agreements', ${list(`json_build_object('id', ${gid('ArticulationAgreement', 'ag.id')}, 'title', ag.title, 'status', ag.status,
                  'mappings', ${list(`json_build_object('credits', m.credits::float8, 'courseEquivalent', m.course_equivalent, 'credential', json_build_object('id', ${gid('Credential', 'mc.id')}, 'title', mc.title))`,
                    `FROM credit_mapping m JOIN credential mc ON mc.id = m.credential_id WHERE m.agreement_id = ag.id`, 'm.id')})`,
                `FROM articulation_agreement ag WHERE ag.degree_program_id = dp.id AND ag.status = 'ACTIVE'`, 'ag.effective_from, ag.id')})`,
            `FROM degree_program dp WHERE dp.institution_id = i.id`, 'dp.title, dp.id')})
        FROM institution i WHERE i.id = $1)))::text`,
      postgraphile: {
        query: `query($id: Int!) { institutionById(id: $id) { id name degreeProgramsByInstitutionId(orderBy: TITLE_ASC) { nodes { id title
          articulationAgreementsByDegreeProgramId(condition: { status: ACTIVE }) { nodes { id title status
            creditMappingsByAgreementId { nodes { credits courseEquivalent credentialByCredentialId { id title } } } } } } } } }`,
        variables: (n) => ({ id: n }),
      },
    },
    {
      key: 'q5',
      title: 'learnerRoutes for a random learner',
      signedIn: true,
      graphql: `query($learner: ID!) { learnerRoutes(learnerId: $learner, asOf: "2026-11-22") {
        degreeProgram { title } appliedCredits remainingCredits articulatedCredits blockCredits priorLearningCredits creditsCutByLimits
        items { status credits courseEquivalent credential { title } }
        missingCredentials { title }
        nextSteps(first: 10) { credential { title } creditsGained creditsPerHour } } }`,
      variables: (n) => ({ learner: toGlobalId('Learner', n) }),
      pick: uniform(size.learners),
      // The route engine's rules (recency, mastery, duplicates, caps, ranked next steps) are code, not one statement.
      limitSql: null,
      postgraphile: null,
    },
    {
      key: 'q6',
      title: 'occupation(id) { title }',
      signedIn: false,
      graphql: `query($id: ID!) { occupation(id: $id) { title } }`,
      variables: (n) => ({ id: toGlobalId('Occupation', n) }),
      pick: uniform(size.occupations),
      limitSql: `SELECT json_build_object('data', json_build_object('occupation', (SELECT json_build_object('title', o.title) FROM occupation o WHERE o.id = $1)))::text`,
      postgraphile: { query: `query($id: Int!) { occupationById(id: $id) { title } }`, variables: (n) => ({ id: n }) },
    },
  ];
}

/** Depth of a query's deepest field, the bound its SQL statements per request are held to. */
export function queryDepth(document: string): number {
  const depthOf = (set: SelectionSetNode | undefined): number =>
    set ? Math.max(0, ...set.selections.map((selection) => (selection.kind === Kind.FIELD ? 1 + depthOf(selection.selectionSet) : selection.kind === Kind.INLINE_FRAGMENT ? depthOf(selection.selectionSet) : 0))) : 0;
  const operation = parse(document).definitions[0];
  return operation.kind === Kind.OPERATION_DEFINITION ? depthOf(operation.selectionSet) : 0;
}
