/** What the data provider needs to know of each resource: its type, list query and field selection. */
export interface ResourceDescription {
  type: string;
  list: string;
  fields: string;
  /** Fields the create and update inputs accept. */
  inputFields: string[];
  /** Updates carry the revision they were based on (optimistic concurrency). */
  versioned?: boolean;
}

export const RESOURCES: Record<string, ResourceDescription> = {
  employers: {
    type: 'Employer', list: 'employers',
    fields: 'id name naicsCode region description websiteUrl',
    inputFields: ['name', 'naicsCode', 'region', 'description', 'websiteUrl'],
  },
  institutions: {
    type: 'Institution', list: 'institutions',
    fields: 'id name kind region websiteUrl',
    inputFields: ['name', 'kind', 'region', 'websiteUrl'],
  },
  occupations: {
    type: 'Occupation', list: 'occupations',
    fields: 'id socCode onetSocCode title description medianAnnualWage wageSource wageYear typicalEducation jobZone tasks coreCompetencies { id code statement }',
    inputFields: ['socCode', 'onetSocCode', 'title', 'description', 'medianAnnualWage', 'wageSource', 'wageYear', 'typicalEducation', 'jobZone', 'tasks'],
  },
  credentials: {
    type: 'Credential', list: 'credentials',
    fields: 'id title description level workloadHours creditValue deliveryMode cost currency status criteria nextReviewOn assessed issuer { __typename ... on Institution { id name } ... on Employer { id name } } outcomes { id statement alignments { id strength competency { code statement } } } assessments { id method description } rubricLevels { id level name criteria }',
    inputFields: ['title', 'description', 'level', 'workloadHours', 'creditValue', 'deliveryMode', 'cost', 'currency', 'status', 'criteria', 'nextReviewOn'],
  },
  pathways: {
    type: 'Pathway', list: 'pathways', versioned: true,
    fields: 'id title description status version revision reviewDueOn updatedAt ownerInstitution { id name } destinations { id socCode title } partners { id role employer { id name } } stages { id position title requirement requiredCount minCredits credentials { id title level } } coverage { coreCount coveredCount ratio uncovered { id code statement } } publishReadiness { ready checks { check passed message } }',
    inputFields: ['title', 'description', 'reviewDueOn'],
  },
  degreePrograms: {
    type: 'DegreeProgram', list: 'degreePrograms',
    fields: 'id title awardLevel cipCode totalCredits residencyCredits priorLearningCap institution { id name }',
    inputFields: ['title', 'awardLevel', 'cipCode', 'totalCredits', 'residencyCredits', 'priorLearningCap'],
  },
  articulationAgreements: {
    type: 'ArticulationAgreement', list: 'articulationAgreements',
    fields: 'id title status effectiveFrom effectiveTo recencyYears blockCredits signedBy degreeProgram { id title } blockPathway { id title } mappings { id credits courseEquivalent minMasteryLevel credential { id title } }',
    inputFields: ['title', 'status', 'effectiveFrom', 'effectiveTo', 'recencyYears', 'signedBy'],
  },
  learners: {
    type: 'Learner', list: 'learners',
    fields: 'id givenName familyName email externalId institution { id name } awards { id awardedOn masteryLevel revoked credential { id title } } priorLearningClaims { id title status creditsRequested creditsApproved }',
    inputFields: ['givenName', 'familyName', 'email', 'externalId'],
  },
};
