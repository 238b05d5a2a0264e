import { sideBySide } from '../../core/side-by-side';
import { EntityManager, In } from 'typeorm';
import { Alignment } from '../credentials/alignment.entity';
import { Assessment, AssessmentMethod } from '../credentials/assessment.entity';
import { Credential } from '../credentials/credential.entity';
import { LearningOutcome } from '../credentials/learning-outcome.entity';
import { RubricLevel } from '../credentials/rubric-level.entity';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Occupation } from '../occupations/occupation.entity';
import { Competency } from '../standards/competency.entity';
import { caseBaseUrl, competencyIdentifier } from '../standards/case-package';
import { achievementUrl, IssuerRef, issuerUrl } from './identifiers';

export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const LANGUAGE = 'en-US';

/** Everything an Open Badges Achievement is made of, for one credential. */
export interface AchievementSources {
  credential: Credential;
  issuer: Institution | Employer;
  outcomes: LearningOutcome[];
  alignments: Alignment[];
  assessments: Assessment[];
  rubric: RubricLevel[];
  occupations: Occupation[];
}

export const issuerOf = (row: { issuerInstitutionId: number | null; issuerEmployerId: number | null }): IssuerRef =>
  row.issuerInstitutionId !== null ? { type: 'Institution', id: row.issuerInstitutionId } : { type: 'Employer', id: row.issuerEmployerId as number };

const groupOf = <T>(rows: T[], key: (row: T) => number) => {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return (id: number) => groups.get(id) ?? [];
};

/**
 * Loads the sources of many credentials in a fixed number of statements, whatever their number.
 * The occupations a credential leads to are the destinations and off-ramps of the published
 * pathways it is part of: drafts are not yet a promise to anyone.
 */
export async function loadAchievementSources(em: EntityManager, credentialIds: readonly number[]): Promise<(AchievementSources | null)[]> {
  const ids = [...credentialIds];
  const credentials = await em.findBy(Credential, { id: In(ids) });
  const institutionIds = credentials.flatMap((c) => (c.issuerInstitutionId === null ? [] : [c.issuerInstitutionId]));
  const employerIds = credentials.flatMap((c) => (c.issuerEmployerId === null ? [] : [c.issuerEmployerId]));
  const [institutions, employers, outcomes, assessments, rubric, alignments, leadsTo] = await sideBySide(em, [
    () => em.findBy(Institution, { id: In(institutionIds) }),
    () => em.findBy(Employer, { id: In(employerIds) }),
    () => em.find(LearningOutcome, { where: { credentialId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }),
    () => em.find(Assessment, { where: { credentialId: In(ids) }, order: { id: 'ASC' } }),
    () => em.find(RubricLevel, { where: { credentialId: In(ids) }, order: { level: 'ASC' } }),
    () => em.find(Alignment, {
      where: { outcome: { credentialId: In(ids) } },
      relations: { outcome: true, competency: { framework: true } },
      order: { outcome: { position: 'ASC' }, id: 'ASC' },
    }),
    () => em.query(
      `SELECT DISTINCT sc.credential_id AS "credentialId", d.occupation_id AS "occupationId"
         FROM stage_credential sc
         JOIN pathway_stage s ON s.id = sc.stage_id
         JOIN pathway p ON p.id = s.pathway_id AND p.status = 'PUBLISHED'
         JOIN pathway_destination d ON d.pathway_id = p.id
        WHERE sc.credential_id = ANY($1)
       UNION
       SELECT r.credential_id, r.occupation_id
         FROM pathway_off_ramp r
         JOIN pathway p ON p.id = r.pathway_id AND p.status = 'PUBLISHED'
        WHERE r.credential_id = ANY($1)`,
      [ids],
    ) as Promise<{ credentialId: number; occupationId: number }[]>,
  ]);
  const occupations = await em.find(Occupation, { where: { id: In(leadsTo.map((row) => row.occupationId)) }, order: { socCode: 'ASC' } });
  const occupationsOf = groupOf(leadsTo, (row) => row.credentialId);
  const outcomesOf = groupOf(outcomes, (row) => row.credentialId);
  const assessmentsOf = groupOf(assessments, (row) => row.credentialId);
  const rubricOf = groupOf(rubric, (row) => row.credentialId);
  const alignmentsOf = groupOf(alignments, (row) => row.outcome!.credentialId);
  return ids.map((id) => {
    const credential = credentials.find((row) => row.id === id);
    if (!credential) return null;
    const issuer = credential.issuerInstitutionId !== null
      ? institutions.find((row) => row.id === credential.issuerInstitutionId)
      : employers.find((row) => row.id === credential.issuerEmployerId);
    const occupationIds = new Set(occupationsOf(id).map((row) => row.occupationId));
    return {
      credential,
      issuer: issuer!,
      outcomes: outcomesOf(id),
      assessments: assessmentsOf(id),
      rubric: rubricOf(id),
      alignments: alignmentsOf(id),
      occupations: occupations.filter((row) => occupationIds.has(row.id)),
    };
  });
}

/** The issuer as an Open Badges Profile; its `id` is where its public keys are published. */
export function issuerProfile(issuer: Institution | Employer, ref: IssuerRef): Record<string, unknown> {
  return {
    id: issuerUrl(ref),
    type: ['Profile'],
    name: issuer.name,
    ...(issuer.websiteUrl ? { url: issuer.websiteUrl } : {}),
    ...(issuer instanceof Employer && issuer.description ? { description: issuer.description } : {}),
  };
}

const METHOD_NAMES: Record<AssessmentMethod, string> = {
  TASK: 'Task',
  SIMULATION: 'Simulation',
  PORTFOLIO: 'Portfolio',
  EXAM: 'Exam',
  OBSERVATION: 'Observation',
};

/** What a learner must do, in Markdown: the issuer's own words, then how it is assessed and what it proves. */
function criteriaNarrative(sources: AchievementSources): string {
  const parts = [sources.credential.criteria ?? `Pass the assessments of ${sources.credential.title}.`];
  if (sources.assessments.length > 0) {
    parts.push(['Assessed by:', ...sources.assessments.map((a) => `- ${METHOD_NAMES[a.method]}: ${a.description}`)].join('\n'));
  }
  if (sources.outcomes.length > 0) {
    parts.push(['The learner can:', ...sources.outcomes.map((o, index) => `${index + 1}. ${o.statement}`)].join('\n'));
  }
  return parts.join('\n\n');
}

export const onetUrl = (occupation: Occupation) => `https://www.onetonline.org/link/summary/${occupation.onetSocCode ?? `${occupation.socCode}.00`}`;

function competencyUrl(competency: Competency): string {
  const given = competency.caseExtras?.item?.uri;
  return typeof given === 'string' && /^https?:\/\//.test(given) ? given : `${caseBaseUrl()}/CFItems/${competencyIdentifier(competency)}`;
}

function alignments(sources: AchievementSources): Record<string, unknown>[] {
  const seen = new Set<number>();
  const toCompetencies = sources.alignments.filter((a) => !seen.has(a.competencyId) && seen.add(a.competencyId)).map((a) => {
    const competency = a.competency!;
    return {
      type: ['Alignment'],
      targetName: competency.statement,
      targetCode: competency.code,
      targetFramework: competency.framework!.name,
      // A CASE CFItem's own published URI when an import brought one; otherwise the URL we serve it
      // at (GET /ims/case/v1p1/CFItems/{identifier}), so a verifier can resolve it.
      targetType: competency.caseIdentifier ? 'CFItem' : 'ceasn:Competency',
      targetUrl: competencyUrl(competency),
    };
  });
  const toOccupations = sources.occupations.map((occupation) => ({
    type: ['Alignment'],
    targetName: occupation.title,
    targetCode: occupation.socCode,
    targetFramework: 'Standard Occupational Classification (SOC) 2018',
    targetType: 'ext:SOCOccupation',
    targetUrl: onetUrl(occupation),
  }));
  return [...toCompetencies, ...toOccupations];
}

export const resultDescriptionId = (credentialId: number) => `${achievementUrl(credentialId)}#mastery`;
export const rubricLevelId = (credentialId: number, level: number) => `${achievementUrl(credentialId)}#mastery-level-${level}`;

function resultDescriptions(sources: AchievementSources): Record<string, unknown>[] {
  const { credential, rubric } = sources;
  if (rubric.length === 0) return [];
  return [{
    id: resultDescriptionId(credential.id),
    type: ['ResultDescription'],
    name: 'Mastery level',
    resultType: 'RubricCriterionLevel',
    allowedValue: rubric.map((level) => level.name),
    rubricCriterionLevel: rubric.map((level) => ({
      id: rubricLevelId(credential.id, level.level),
      type: ['RubricCriterionLevel'],
      name: level.name,
      description: level.criteria,
      level: String(level.level),
    })),
  }];
}

/** A credential as an Open Badges 3.0 Achievement (without @context, so it embeds in an award's credential). */
export function achievementOf(sources: AchievementSources): Record<string, unknown> {
  const { credential } = sources;
  const results = resultDescriptions(sources);
  return {
    id: achievementUrl(credential.id),
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: credential.title,
    description: credential.description ?? `${credential.title}: a level ${credential.level} microcredential of ${credential.workloadHours} hours.`,
    criteria: { narrative: criteriaNarrative(sources) },
    alignment: alignments(sources),
    creditsAvailable: credential.creditValue,
    ...(results.length > 0 ? { resultDescription: results } : {}),
    creator: issuerProfile(sources.issuer, issuerOf(credential)),
    inLanguage: LANGUAGE,
  };
}

/** The Achievement as a standalone JSON-LD document, as served at its URL. */
export const achievementDocument = (sources: AchievementSources) => ({ '@context': OB_CONTEXT, ...achievementOf(sources) });
