import { randomUUID } from 'node:crypto';
import { DataSource, DeepPartial } from 'typeorm';
import { AgreementStatus, ArticulationAgreement } from '../../../api/src/modules/articulation/articulation-agreement.entity';
import { CreditMapping } from '../../../api/src/modules/articulation/credit-mapping.entity';
import { AwardLevel, DegreeProgram } from '../../../api/src/modules/articulation/degree-program.entity';
import { Credential, CredentialStatus, DeliveryMode } from '../../../api/src/modules/credentials/credential.entity';
import { RubricLevel } from '../../../api/src/modules/credentials/rubric-level.entity';
import { Award } from '../../../api/src/modules/learners/award.entity';
import { Learner } from '../../../api/src/modules/learners/learner.entity';
import { PriorLearningClaim } from '../../../api/src/modules/learners/prior-learning-claim.entity';
import { Pathway, PathwayStatus } from '../../../api/src/modules/pathways/pathway.entity';
import { insert } from './index';

/*
 * Credentials and pathways are inserted as rows rather than through their modules' factories:
 * this spec tests articulation and learners, whatever those modules' rules become.
 */
export const insertCredential = (db: DataSource, institutionId: number, values: DeepPartial<Credential> = {}) =>
  insert(db, Credential, {
    title: 'Credential', issuerInstitutionId: institutionId, level: 2, workloadHours: 40, creditValue: 3,
    deliveryMode: DeliveryMode.HYBRID, status: CredentialStatus.PUBLISHED, ...values,
  });

/** Rubric levels 1..top for a credential. */
export async function insertRubric(db: DataSource, credentialId: number, top: number): Promise<RubricLevel[]> {
  const levels: RubricLevel[] = [];
  for (let level = 1; level <= top; level += 1) {
    levels.push(await insert(db, RubricLevel, { credentialId, level, name: `Level ${level}`, criteria: `Shows level ${level}` }));
  }
  return levels;
}

export const insertPathway = (db: DataSource, institutionId: number, values: DeepPartial<Pathway> = {}) =>
  insert(db, Pathway, { title: 'Pathway', ownerInstitutionId: institutionId, status: PathwayStatus.PUBLISHED, ...values });

export const makeProgram = (db: DataSource, institutionId: number, values: DeepPartial<DegreeProgram> = {}) =>
  insert(db, DegreeProgram, {
    institutionId, title: 'AAS Information Technology', awardLevel: AwardLevel.ASSOCIATE, cipCode: '11.0901',
    totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.75, ...values,
  });

/** An active, open-ended agreement issued by the program's own institution unless `values` says otherwise. */
export const makeAgreement = (db: DataSource, program: DegreeProgram, values: DeepPartial<ArticulationAgreement> = {}) =>
  insert(db, ArticulationAgreement, {
    title: 'Agreement', degreeProgramId: program.id, issuerInstitutionId: program.institutionId, status: AgreementStatus.ACTIVE,
    effectiveFrom: '2025-01-01', ...values,
  });

export const makeMapping = (db: DataSource, agreementId: number, credentialId: number, values: DeepPartial<CreditMapping> = {}) =>
  insert(db, CreditMapping, { agreementId, credentialId, credits: 3, ...values });

export const makeLearner = (db: DataSource, institutionId: number, values: DeepPartial<Learner> = {}) =>
  insert(db, Learner, { institutionId, givenName: 'Ana', familyName: 'Lopez', email: `${randomUUID().slice(0, 8)}@learners.test`, ...values });

export const makeAward = (db: DataSource, learnerId: number, credentialId: number, values: DeepPartial<Award> = {}) =>
  insert(db, Award, { learnerId, credentialId, awardedOn: '2025-06-01', ...values });

export const makeClaim = (db: DataSource, learnerId: number, degreeProgramId: number, values: DeepPartial<PriorLearningClaim> = {}) =>
  insert(db, PriorLearningClaim, { learnerId, degreeProgramId, title: 'Help desk lead, 3 years', evidence: 'Employer letter', creditsRequested: 6, ...values });
