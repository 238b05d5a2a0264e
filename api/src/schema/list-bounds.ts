import { declareListBounds } from '../core/list-bounds';

/** The most rows of `table` that share one `column` value: what one parent can have. */
const perParent = (table: string, column: string) =>
  `SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM "${table}" WHERE "${column}" IS NOT NULL GROUP BY "${column}") g`;
const product = (...factors: string[]) => factors.map((factor) => `greatest((${factor}), 1)`).join(' * ');

const stagesPerPathway = perParent('pathway_stage', 'pathway_id');
const entriesPerStage = perParent('stage_credential', 'stage_id');
const credentialsPerPathway = `SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM stage_credential e JOIN pathway_stage s ON s.id = e.stage_id GROUP BY s.pathway_id) g`;
const alignmentsPerCredential = `SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM alignment a JOIN learning_outcome o ON o.id = a.outcome_id GROUP BY o.credential_id) g`;
const occupationsPerCompetency = perParent('occupation_competency', 'competency_id');
const destinationsPerPathway = perParent('pathway_destination', 'pathway_id');
const competenciesPerOccupation = perParent('occupation_competency', 'occupation_id');
const agreementsPerProgram = perParent('articulation_agreement', 'degree_program_id');
const awardsPerLearner = perParent('award', 'learner_id');

/**
 * The bound of every plain list field for the query cost (core/list-bounds.ts): stored relations
 * are measured in the data, as the most items any one parent has; lists the code builds are
 * bounded by what they are built from, or declared where no measure applies.
 */
declareListBounds({
  'Pathway.stages': { measure: stagesPerPathway },
  'Pathway.credentials': { measure: credentialsPerPathway },
  'Pathway.destinations': { measure: destinationsPerPathway },
  'Pathway.destinationLinks': { measure: destinationsPerPathway },
  'Pathway.partners': { measure: perParent('pathway_partner', 'pathway_id') },
  'Pathway.endorsements': { measure: perParent('endorsement', 'pathway_id') },
  'Pathway.offRamps': { measure: perParent('pathway_off_ramp', 'pathway_id') },
  'Pathway.outcomes': { measure: perParent('outcome_report', 'pathway_id') },
  'Pathway.comments': { measure: perParent('pathway_comment', 'pathway_id') },
  'Pathway.versions': { measure: perParent('pathway', 'lineage_id') },
  'PathwayStage.credentials': { measure: entriesPerStage },
  'PathwayStage.entries': { measure: entriesPerStage },
  'Credential.outcomes': { measure: perParent('learning_outcome', 'credential_id') },
  'Credential.assessments': { measure: perParent('assessment', 'credential_id') },
  'Credential.rubricLevels': { measure: perParent('rubric_level', 'credential_id') },
  'Credential.prerequisites': { measure: perParent('credential_prerequisite', 'credential_id') },
  'Credential.competencies': { measure: alignmentsPerCredential },
  'Credential.occupations': { measure: product(alignmentsPerCredential, occupationsPerCompetency) },
  'Credential.pathways': { measure: perParent('stage_credential', 'credential_id') },
  'LearningOutcome.alignments': { measure: perParent('alignment', 'outcome_id') },
  'Competency.children': { measure: perParent('competency', 'parent_id') },
  'Competency.occupations': { measure: occupationsPerCompetency },
  'CompetencyFramework.competencies': { measure: perParent('competency', 'framework_id') },
  'Occupation.competencies': { measure: competenciesPerOccupation },
  'Occupation.coreCompetencies': { measure: competenciesPerOccupation },
  'Occupation.pathways': { measure: perParent('pathway_destination', 'occupation_id') },
  'Institution.credentials': { measure: perParent('credential', 'issuer_institution_id') },
  'Institution.degreePrograms': { measure: perParent('degree_program', 'institution_id') },
  'Institution.pathways': { measure: perParent('pathway', 'owner_institution_id') },
  'Employer.partnerships': { measure: perParent('pathway_partner', 'employer_id') },
  'Employer.endorsements': { measure: perParent('endorsement', 'employer_id') },
  'DegreeProgram.agreements': { measure: agreementsPerProgram },
  'ArticulationAgreement.mappings': { measure: perParent('credit_mapping', 'agreement_id') },
  'Learner.awards': { measure: awardsPerLearner },
  'Learner.priorLearningClaims': { measure: perParent('prior_learning_claim', 'learner_id') },
  // Coverage lists the destinations' core competencies, each with the alignments that reach it.
  'Coverage.covered': { measure: product(destinationsPerPathway, competenciesPerOccupation) },
  'Coverage.relatedOnly': { measure: product(destinationsPerPathway, competenciesPerOccupation) },
  'Coverage.uncovered': { measure: product(destinationsPerPathway, competenciesPerOccupation) },
  'CompetencyCoverage.by': { measure: perParent('alignment', 'competency_id') },
  // A route lists the learner's awards and the credentials a what-if adds (at most 20).
  'ArticulationRoute.items': { measure: `(${awardsPerLearner}) + 20` },
  'ArticulationRoute.missingCredentials': { measure: product(agreementsPerProgram, credentialsPerPathway) },
  // Declared: a readiness report has one check per publish rule, a verification one per check.
  'PublishReadiness.checks': 10,
  'PublishReadiness.unmet': 10,
  'CredentialVerification.checks': 10,
  // Declared: the programs one learner's awards reach, the agreements ending within a window,
  // and the learners one agreement change re-routes are counted as the most a page shows.
  'Query.learnerRoutes': 50,
  'Query.expiringAgreementImpacts': 20,
  // The review queue shows at most 50 versions.
  'Query.pathwayReviewQueue': 50,
  'AgreementImpact.changes': 1000,
  'OccupationImportReport.rejectedRows': 1000,
  'BulkImportReport.rows': 1000,
  'BulkImportReport.rejectedRows': 1000,
});
