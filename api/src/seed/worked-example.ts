import { EntityManager } from 'typeorm';
import { AgreementStatus, ArticulationAgreement } from '../modules/articulation/articulation-agreement.entity';
import { CreditMapping } from '../modules/articulation/credit-mapping.entity';
import { AwardLevel, DegreeProgram } from '../modules/articulation/degree-program.entity';
import { Assessment, AssessmentMethod } from '../modules/credentials/assessment.entity';
import { Credential, CredentialStatus, DeliveryMode, EvidenceType } from '../modules/credentials/credential.entity';
import { RubricLevel } from '../modules/credentials/rubric-level.entity';
import { Award } from '../modules/learners/award.entity';
import { Learner } from '../modules/learners/learner.entity';
import { ClaimStatus, PriorLearningClaim } from '../modules/learners/prior-learning-claim.entity';
import { Pathway, PathwayStatus } from '../modules/pathways/pathway.entity';
import { PathwayStage, StageRequirement } from '../modules/pathways/pathway-stage.entity';
import { StageCredential } from '../modules/pathways/stage-credential.entity';

/** How to find the worked example of DOMAIN.md in the demo data. */
export const WORKED_EXAMPLE = {
  learnerEmail: 'ana.morales@students.lakeshore.example',
  programTitle: 'AAS Information Technology',
  pathwayTitle: 'IT Support',
  asOf: '2026-11-22',
} as const;

interface CredentialSpec {
  title: string;
  description: string;
  level: number;
  workloadHours: number;
  creditValue: number;
  deliveryMode: DeliveryMode;
  method: AssessmentMethod;
  assessment: string;
}

/** The four credentials of the example, with the course each stands for and its credits. */
export const WORKED_CREDENTIALS: (CredentialSpec & { credits: number; course: string })[] = [
  {
    title: 'IT Support Fundamentals', credits: 3, course: 'CIS-105', level: 2, workloadHours: 45, creditValue: 3, deliveryMode: DeliveryMode.HYBRID,
    description: 'Hardware, operating systems and troubleshooting method for first-line IT support.',
    method: AssessmentMethod.SIMULATION, assessment: 'Timed troubleshooting simulation on a faulty workstation image.',
  },
  {
    title: 'Network Basics', credits: 4, course: 'CIS-120', level: 2, workloadHours: 60, creditValue: 4, deliveryMode: DeliveryMode.IN_PERSON,
    description: 'TCP/IP addressing, switching, Wi-Fi and small-office network troubleshooting.',
    method: AssessmentMethod.TASK, assessment: 'Build, address and fault-find a small office network in the lab.',
  },
  {
    title: 'Help Desk Practicum', credits: 3, course: 'CIS-198', level: 3, workloadHours: 80, creditValue: 3, deliveryMode: DeliveryMode.WORK_BASED,
    description: 'Supervised work on a live service desk: tickets, escalation, documentation.',
    method: AssessmentMethod.OBSERVATION, assessment: 'Supervisor observation across 40 resolved tickets, with a ticket-quality review.',
  },
  {
    title: 'Customer Service Essentials', credits: 3, course: 'CIS-105', level: 1, workloadHours: 30, creditValue: 3, deliveryMode: DeliveryMode.ONLINE,
    description: 'Listening, de-escalation and clear written communication with customers.',
    method: AssessmentMethod.PORTFOLIO, assessment: 'Portfolio of recorded calls and written replies scored on the rubric.',
  },
];

const RUBRIC = [
  { level: 1, name: 'Developing', criteria: 'Completes routine tasks with guidance.' },
  { level: 2, name: 'Proficient', criteria: 'Completes tasks independently to workplace standard.' },
  { level: 3, name: 'Advanced', criteria: 'Handles non-routine problems and guides others.' },
];

export interface WorkedExampleIds {
  credentials: Credential[];
  pathway: Pathway;
  program: DegreeProgram;
  agreement: ArticulationAgreement;
  learner: Learner;
}

/**
 * DOMAIN.md's worked example, exactly: the AAS in Information Technology (60 credits, 15 in
 * residence, prior learning capped at 75%), its one agreement (active 2025-01-01 to 2027-12-31,
 * recency 5 years) with four mappings and 2 block credits for the three-stage IT Support
 * pathway, and Ana's four awards and 6 approved prior-learning credits.
 */
export async function seedWorkedExample(em: EntityManager, institutionId: number): Promise<WorkedExampleIds> {
  const credentials: Credential[] = [];
  for (const spec of WORKED_CREDENTIALS) {
    const credential = await em.save(em.create(Credential, {
      title: spec.title, description: spec.description, issuerInstitutionId: institutionId, level: spec.level,
      workloadHours: spec.workloadHours, creditValue: spec.creditValue, deliveryMode: spec.deliveryMode, cost: spec.workloadHours * 12,
      status: CredentialStatus.PUBLISHED, criteria: `Pass the ${spec.method.toLowerCase()} assessment at Proficient or above.`,
      evidenceTypes: [EvidenceType.WORK_SAMPLE, EvidenceType.SUPERVISOR_ATTESTATION], nextReviewOn: '2027-06-30',
    }));
    await em.save(em.create(Assessment, { credentialId: credential.id, method: spec.method, description: spec.assessment }));
    await em.save(RUBRIC.map((level) => em.create(RubricLevel, { ...level, credentialId: credential.id })));
    credentials.push(credential);
  }
  const [fundamentals, networkBasics, helpDesk, customerService] = credentials;

  const pathway = await em.save(em.create(Pathway, {
    title: WORKED_EXAMPLE.pathwayTitle, ownerInstitutionId: institutionId, status: PathwayStatus.PUBLISHED, publishedAt: new Date('2025-02-01T12:00:00Z'),
    description: 'From first-line support to a help desk role in three stages, with credit toward the AAS in Information Technology.',
    reviewDueOn: '2027-02-01',
  }));
  for (const [index, credential] of [fundamentals, networkBasics, helpDesk].entries()) {
    const stage = await em.save(em.create(PathwayStage, { pathwayId: pathway.id, position: index + 1, title: credential.title, requirement: StageRequirement.ALL }));
    await em.save(em.create(StageCredential, { stageId: stage.id, credentialId: credential.id, position: 0 }));
  }

  const program = await em.save(em.create(DegreeProgram, {
    institutionId, title: WORKED_EXAMPLE.programTitle, awardLevel: AwardLevel.ASSOCIATE, cipCode: '11.0901',
    totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.75,
  }));
  const agreement = await em.save(em.create(ArticulationAgreement, {
    title: 'IT microcredentials into the AAS Information Technology', issuerInstitutionId: institutionId, degreeProgramId: program.id,
    status: AgreementStatus.ACTIVE, effectiveFrom: '2025-01-01', effectiveTo: '2027-12-31', signedBy: 'Dr. Renee Walsh, Provost', signedOn: '2024-12-10',
    recencyYears: 5, blockPathwayId: pathway.id, blockCredits: 2,
  }));
  await em.save(WORKED_CREDENTIALS.map((spec, index) => em.create(CreditMapping, {
    agreementId: agreement.id, credentialId: credentials[index].id, credits: spec.credits, courseEquivalent: spec.course, minMasteryLevel: null,
  })));

  const learner = await em.save(em.create(Learner, {
    institutionId, givenName: 'Ana', familyName: 'Morales', email: WORKED_EXAMPLE.learnerEmail, externalId: 'LCC-204518',
  }));
  const awards: [Credential, string][] = [
    [fundamentals, '2024-05-01'], [networkBasics, '2019-03-01'], [helpDesk, '2025-09-01'], [customerService, '2025-01-15'],
  ];
  await em.save(awards.map(([credential, awardedOn]) => em.create(Award, { learnerId: learner.id, credentialId: credential.id, awardedOn, masteryLevel: 2 })));
  await em.save([
    em.create(PriorLearningClaim, {
      learnerId: learner.id, degreeProgramId: program.id, title: 'Two years as IT technician at a school district',
      evidence: 'Employer letter and job description; CompTIA A+ certificate (2022).', creditsRequested: 4, status: ClaimStatus.APPROVED,
      creditsApproved: 4, decisionReason: 'Matches CIS-110 outcomes.', decidedAt: new Date('2026-03-02T15:00:00Z'),
    }),
    em.create(PriorLearningClaim, {
      learnerId: learner.id, degreeProgramId: program.id, title: 'Volunteer network administrator, community centre',
      evidence: 'Portfolio of network diagrams and a reference.', creditsRequested: 3, status: ClaimStatus.APPROVED,
      creditsApproved: 2, decisionReason: 'Partial match to CIS-130.', decidedAt: new Date('2026-03-02T15:00:00Z'),
    }),
  ]);
  return { credentials, pathway, program, agreement, learner };
}
