import { DataSource, EntityManager } from 'typeorm';
import { ArticulationAgreement } from '../modules/articulation/articulation-agreement.entity';
import { CreditMapping } from '../modules/articulation/credit-mapping.entity';
import { AwardLevel, DegreeProgram } from '../modules/articulation/degree-program.entity';
import { CommentKind, PathwayComment } from '../modules/codesign/pathway-comment.entity';
import { Alignment } from '../modules/credentials/alignment.entity';
import { Assessment, AssessmentMethod } from '../modules/credentials/assessment.entity';
import { Credential, CredentialStatus, EvidenceType } from '../modules/credentials/credential.entity';
import { CredentialPrerequisite } from '../modules/credentials/credential-prerequisite.entity';
import { LearningOutcome } from '../modules/credentials/learning-outcome.entity';
import { RubricLevel } from '../modules/credentials/rubric-level.entity';
import { Employer } from '../modules/employers/employer.entity';
import { Institution, InstitutionKind } from '../modules/institutions/institution.entity';
import { Award } from '../modules/learners/award.entity';
import { Learner } from '../modules/learners/learner.entity';
import { ClaimStatus, PriorLearningClaim } from '../modules/learners/prior-learning-claim.entity';
import { Occupation } from '../modules/occupations/occupation.entity';
import { OccupationCompetency } from '../modules/occupations/occupation-competency.entity';
import { OutcomeReport } from '../modules/outcomes/outcome-report.entity';
import { Endorsement, EndorsementCommitment } from '../modules/pathways/endorsement.entity';
import { Pathway, PathwayStatus } from '../modules/pathways/pathway.entity';
import { PathwayDestination } from '../modules/pathways/pathway-destination.entity';
import { PathwayOffRamp } from '../modules/pathways/pathway-off-ramp.entity';
import { PartnerRole, PathwayPartner } from '../modules/pathways/pathway-partner.entity';
import { PathwayStage, StageRequirement } from '../modules/pathways/pathway-stage.entity';
import { StageCredential } from '../modules/pathways/stage-credential.entity';
import { Competency } from '../modules/standards/competency.entity';
import { CompetencyFramework } from '../modules/standards/competency-framework.entity';
import { seedAccounts } from './accounts';
import { AGREEMENTS, CREDENTIALS, CredentialSpec, EMPLOYERS, INSTITUTIONS, LEARNERS, PathwaySpec, PATHWAYS, PROGRAMS, StageSpec, WORKED_OUTCOMES } from './catalogue';
import { FRAMEWORKS, OCCUPATIONS } from './reference-data';
import { seedWorkedExample } from './worked-example';

export { WORKED_EXAMPLE } from './worked-example';

export async function isEmpty(db: DataSource): Promise<boolean> {
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM institution`);
  return count === 0;
}

const RUBRIC = [
  { level: 1, name: 'Developing', criteria: 'Performs the outcomes with guidance; some errors need correcting.' },
  { level: 2, name: 'Proficient', criteria: 'Performs the outcomes independently to workplace standard.' },
  { level: 3, name: 'Advanced', criteria: 'Handles non-routine cases and explains choices to others.' },
];

/** Finds rows by a natural key, failing loudly when the catalogue names something missing. */
function lookup<T>(rows: Map<string, T>, key: string, what: string): T {
  const row = rows.get(key);
  if (!row) throw new Error(`Demo data names an unknown ${what}: ${key}`);
  return row;
}

class DemoSeeder {
  institutions = new Map<string, Institution>();
  employers = new Map<string, Employer>();
  occupations = new Map<string, Occupation>();
  competencies = new Map<string, Competency>();
  credentials = new Map<string, Credential>();
  pathways = new Map<string, Pathway>();
  programs = new Map<string, DegreeProgram>();

  constructor(private readonly em: EntityManager) {}

  async organisations(): Promise<void> {
    for (const spec of INSTITUTIONS) {
      this.institutions.set(spec.key, await this.em.save(this.em.create(Institution, { ...spec, kind: spec.kind as InstitutionKind })));
    }
    for (const spec of EMPLOYERS) {
      this.employers.set(spec.key, await this.em.save(this.em.create(Employer, { ...spec, websiteUrl: `https://${spec.key}.example.com` })));
    }
  }

  async standards(): Promise<void> {
    for (const spec of OCCUPATIONS) {
      const occupation = this.em.create(Occupation, {
        socCode: spec.socCode, onetSocCode: `${spec.socCode}.00`, title: spec.title, description: spec.description,
        medianAnnualWage: spec.wage, wageSource: 'BLS OEWS', wageYear: 2023, typicalEducation: spec.education, typicalEducationSource: 'BLS', jobZone: spec.jobZone, tasks: [...spec.tasks],
      });
      this.occupations.set(spec.socCode, await this.em.save(occupation));
    }
    for (const spec of FRAMEWORKS) {
      const { competencies, ...fields } = spec;
      const framework = await this.em.save(this.em.create(CompetencyFramework, fields));
      for (const item of competencies) {
        const competency = await this.em.save(this.em.create(Competency, { frameworkId: framework.id, code: item.code, statement: item.statement, type: item.type }));
        this.competencies.set(item.code, competency);
        const links = [...item.coreFor.map((soc) => ({ soc, isCore: true })), ...(item.relatedTo ?? []).map((soc) => ({ soc, isCore: false }))];
        await this.em.save(links.map(({ soc, isCore }) => this.em.create(OccupationCompetency, {
          occupationId: lookup(this.occupations, soc, 'occupation').id, competencyId: competency.id, isCore,
        })));
      }
    }
  }

  async outcomes(credential: Credential, outcomes: CredentialSpec['outcomes']): Promise<void> {
    for (const [index, [statement, alignments]] of outcomes.entries()) {
      const outcome = await this.em.save(this.em.create(LearningOutcome, { credentialId: credential.id, position: index + 1, statement }));
      await this.em.save(alignments.map(([code, strength]) => this.em.create(Alignment, {
        outcomeId: outcome.id, competencyId: lookup(this.competencies, code, 'competency').id, strength,
      })));
    }
  }

  async catalogue(): Promise<void> {
    for (const spec of CREDENTIALS) {
      const issuer = typeof spec.issuer === 'string'
        ? { issuerInstitutionId: lookup(this.institutions, spec.issuer, 'institution').id, issuerEmployerId: null }
        : { issuerInstitutionId: null, issuerEmployerId: lookup(this.employers, spec.issuer.employer, 'employer').id };
      const credential = await this.em.save(this.em.create(Credential, {
        ...issuer, title: spec.title, level: spec.level, workloadHours: spec.hours, creditValue: spec.credits, deliveryMode: spec.mode,
        cost: Math.round(spec.hours * 11.5), status: spec.draft ? CredentialStatus.DRAFT : CredentialStatus.PUBLISHED, nextReviewOn: spec.reviewOn,
        description: spec.outcomes.map(([statement]) => statement).join(' '),
        criteria: `Complete the ${spec.method.toLowerCase()} assessment at Proficient (level 2) or above.`,
        evidenceTypes: [EvidenceType.WORK_SAMPLE, spec.mode === 'WORK_BASED' ? EvidenceType.SUPERVISOR_ATTESTATION : EvidenceType.EXAM_RESULT],
      }));
      this.credentials.set(spec.title, credential);
      const assessments: [AssessmentMethod, string][] = [[spec.method, spec.assessment], ...(spec.secondAssessment ? [spec.secondAssessment] : [])];
      await this.em.save(assessments.map(([method, description]) => this.em.create(Assessment, { credentialId: credential.id, method, description })));
      await this.em.save(RUBRIC.map((level) => this.em.create(RubricLevel, { ...level, credentialId: credential.id })));
      await this.outcomes(credential, spec.outcomes);
    }
    for (const spec of CREDENTIALS) {
      for (const prerequisite of spec.prerequisites ?? []) {
        await this.em.save(this.em.create(CredentialPrerequisite, {
          credentialId: lookup(this.credentials, spec.title, 'credential').id, prerequisiteId: lookup(this.credentials, prerequisite, 'credential').id,
        }));
      }
    }
  }

  async stages(pathway: Pathway, stages: StageSpec[]): Promise<void> {
    for (const [index, spec] of stages.entries()) {
      const stage = await this.em.save(this.em.create(PathwayStage, {
        pathwayId: pathway.id, position: index + 1, title: spec.title,
        requirement: spec.atLeast ? StageRequirement.AT_LEAST : StageRequirement.ALL, requiredCount: spec.atLeast ?? null, minCredits: spec.minCredits ?? null,
      }));
      await this.em.save(spec.credentials.map((title, position) => this.em.create(StageCredential, {
        stageId: stage.id, credentialId: lookup(this.credentials, title, 'credential').id, position,
      })));
    }
  }

  async codesign(pathway: Pathway, spec: Omit<PathwaySpec, 'title' | 'owner' | 'status' | 'description' | 'reviewDueOn' | 'stages'>): Promise<void> {
    await this.em.save(spec.destinations.map((soc) => this.em.create(PathwayDestination, { pathwayId: pathway.id, occupationId: lookup(this.occupations, soc, 'occupation').id })));
    await this.em.save(spec.partners.map(([employer, role]) => this.em.create(PathwayPartner, { pathwayId: pathway.id, employerId: lookup(this.employers, employer, 'employer').id, role })));
    await this.em.save((spec.offRamps ?? []).map(([title, soc]) => this.em.create(PathwayOffRamp, {
      pathwayId: pathway.id, credentialId: lookup(this.credentials, title, 'credential').id, occupationId: lookup(this.occupations, soc, 'occupation').id,
    })));
    await this.em.save((spec.endorsements ?? []).map(([employer, commitment, statement, signatory]) => {
      const [signatoryName, signatoryTitle] = signatory.split(', ');
      return this.em.create(Endorsement, {
        pathwayId: pathway.id, employerId: lookup(this.employers, employer, 'employer').id, statement, commitment,
        signatoryName, signatoryTitle: signatoryTitle ?? null, endorsedOn: '2025-01-20', expiresOn: '2027-01-20',
      });
    }));
    await this.em.save((spec.outcomes ?? []).map(([cohort, enrolled, completed, placed, medianWageBefore, medianWageAfter]) =>
      this.em.create(OutcomeReport, { pathwayId: pathway.id, cohort, enrolled, completed, placed, medianWageBefore, medianWageAfter })));
    await this.em.save((spec.comments ?? []).map(([kind, body]) => this.em.create(PathwayComment, { pathwayId: pathway.id, kind: kind as CommentKind, body })));
  }

  async pathwaysAndWorkedExample(): Promise<void> {
    const lakeshore = lookup(this.institutions, 'lakeshore', 'institution');
    const example = await seedWorkedExample(this.em, lakeshore.id);
    for (const credential of example.credentials) {
      this.credentials.set(credential.title, credential);
      await this.outcomes(credential, WORKED_OUTCOMES[credential.title]);
    }
    this.pathways.set(example.pathway.title, example.pathway);
    this.programs.set(example.program.title, example.program);
    await this.codesign(example.pathway, {
      destinations: ['15-1232'],
      partners: [['brightline', PartnerRole.LEAD], ['meridian', PartnerRole.VALIDATOR]],
      offRamps: [['IT Support Fundamentals', '15-1232']],
      endorsements: [['brightline', EndorsementCommitment.HIRING_INTENT, 'We hire help desk technicians from this pathway every quarter.', 'Tom Reilly, COO']],
      outcomes: [['2025 spring', 48, 36, 24, 28400, 45200], ['2025 fall', 22, 15, 8, 29100, 46800]],
    });
    // A revision in progress: version 2 lets customer service stand in for the practicum.
    const revision = await this.em.save(this.em.create(Pathway, {
      lineageId: example.pathway.lineageId, version: 2, title: example.pathway.title, description: example.pathway.description,
      ownerInstitutionId: lakeshore.id, status: PathwayStatus.DRAFT, reviewDueOn: '2027-02-01',
    }));
    await this.stages(revision, [
      { title: 'IT Support Fundamentals', credentials: ['IT Support Fundamentals'] },
      { title: 'Network Basics', credentials: ['Network Basics'] },
      { title: 'Service desk experience', credentials: ['Help Desk Practicum', 'Customer Service Essentials'], atLeast: 1 },
    ]);
    await this.codesign(revision, {
      destinations: ['15-1232'], partners: [['brightline', PartnerRole.LEAD], ['meridian', PartnerRole.VALIDATOR]],
      comments: [['COMMENT', 'Should customer service count as service desk experience? Our validators should weigh in.']],
    });

    for (const spec of PATHWAYS) {
      const published = spec.status === PathwayStatus.PUBLISHED || spec.status === PathwayStatus.RETIRED;
      const pathway = await this.em.save(this.em.create(Pathway, {
        title: spec.title, description: spec.description, ownerInstitutionId: lookup(this.institutions, spec.owner, 'institution').id,
        status: spec.status, reviewDueOn: spec.reviewDueOn, publishedAt: published ? new Date('2025-01-25T12:00:00Z') : null,
      }));
      this.pathways.set(spec.title, pathway);
      await this.stages(pathway, spec.stages);
      await this.codesign(pathway, spec);
    }
  }

  async articulation(): Promise<void> {
    for (const { institution, ...spec } of PROGRAMS) {
      this.programs.set(spec.title, await this.em.save(this.em.create(DegreeProgram, {
        ...spec, institutionId: lookup(this.institutions, institution, 'institution').id, awardLevel: spec.awardLevel as AwardLevel,
      })));
    }
    for (const spec of AGREEMENTS) {
      const issuer = typeof spec.issuer === 'string'
        ? { issuerInstitutionId: lookup(this.institutions, spec.issuer, 'institution').id, issuerEmployerId: null }
        : { issuerInstitutionId: null, issuerEmployerId: lookup(this.employers, spec.issuer.employer, 'employer').id };
      const agreement = await this.em.save(this.em.create(ArticulationAgreement, {
        ...issuer, title: spec.title, degreeProgramId: lookup(this.programs, spec.program, 'program').id, status: spec.status,
        effectiveFrom: spec.from, effectiveTo: spec.to, recencyYears: spec.recencyYears, signedBy: spec.signedBy, signedOn: spec.from,
        blockPathwayId: spec.block ? lookup(this.pathways, spec.block[0], 'pathway').id : null, blockCredits: spec.block?.[1] ?? null,
      }));
      await this.em.save(spec.mappings.map(([title, credits, course, minLevel]) => this.em.create(CreditMapping, {
        agreementId: agreement.id, credentialId: lookup(this.credentials, title, 'credential').id, credits, courseEquivalent: course, minMasteryLevel: minLevel,
      })));
    }
  }

  async learners(): Promise<void> {
    for (const spec of LEARNERS) {
      const institution = lookup(this.institutions, spec.institution, 'institution');
      const domain = spec.institution === 'lakeshore' ? 'students.lakeshore.example' : 'students.riverbend.example';
      const learner = await this.em.save(this.em.create(Learner, {
        institutionId: institution.id, givenName: spec.givenName, familyName: spec.familyName, externalId: spec.externalId,
        email: `${spec.givenName}.${spec.familyName}@${domain}`.toLowerCase(),
      }));
      await this.em.save(spec.awards.map(([title, awardedOn, masteryLevel, revocationReason]) => this.em.create(Award, {
        learnerId: learner.id, credentialId: lookup(this.credentials, title, 'credential').id, awardedOn, masteryLevel,
        revokedAt: revocationReason ? new Date('2025-10-01T09:00:00Z') : null, revocationReason: revocationReason ?? null,
      })));
      await this.em.save((spec.claims ?? []).map(([program, title, requested, status, approved, reason]) => this.em.create(PriorLearningClaim, {
        learnerId: learner.id, degreeProgramId: lookup(this.programs, program, 'program').id, title, creditsRequested: requested,
        evidence: 'Service record, supervisor letter and a skills portfolio.', status: status as ClaimStatus, creditsApproved: approved,
        decisionReason: reason, decidedAt: status === 'SUBMITTED' ? null : new Date('2026-02-15T10:00:00Z'),
      })));
    }
  }
}

async function seedInto(em: EntityManager): Promise<void> {
  const seeder = new DemoSeeder(em);
  await seeder.organisations();
  await seeder.standards();
  await seeder.catalogue();
  await seeder.pathwaysAndWorkedExample();
  await seeder.articulation();
  await seeder.learners();
  await seedAccounts(em, {
    institutionId: lookup(seeder.institutions, 'lakeshore', 'institution').id,
    employerId: lookup(seeder.employers, 'brightline', 'employer').id,
    validatorEmployerId: lookup(seeder.employers, 'meridian', 'employer').id,
  });
}

/** Loads the demo data into an empty database, in one transaction: all of it or none. */
export async function seedDemoData(db: DataSource): Promise<void> {
  await db.transaction(seedInto);
}

/**
 * Every table of the domain, read from the entity metadata so that a new entity is replaced and
 * counted without anyone remembering to list it here.
 */
function domainTables(db: DataSource): string[] {
  return db.entityMetadatas.map((metadata) => metadata.tableName).sort();
}

/** Replaces whatever is there with a fresh copy of the demo data, atomically. */
export async function replaceDemoData(db: DataSource): Promise<void> {
  const tables = domainTables(db).map((table) => `"${table}"`).join(', ');
  await db.transaction(async (em) => {
    await em.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    await seedInto(em);
  });
}

/** Rows per domain table, for the seed command's report and for tests. */
export async function countDemoRows(db: DataSource): Promise<Record<string, number>> {
  const [counts] = await db.query(`SELECT ${domainTables(db).map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(', ')}`);
  return counts;
}
