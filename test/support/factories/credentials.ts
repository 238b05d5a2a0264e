import { DataSource, DeepPartial } from 'typeorm';
import { Alignment, AlignmentStrength } from '../../../api/src/modules/credentials/alignment.entity';
import { Assessment, AssessmentMethod } from '../../../api/src/modules/credentials/assessment.entity';
import { Credential, CredentialStatus, DeliveryMode } from '../../../api/src/modules/credentials/credential.entity';
import { CredentialPrerequisite } from '../../../api/src/modules/credentials/credential-prerequisite.entity';
import { LearningOutcome } from '../../../api/src/modules/credentials/learning-outcome.entity';
import { RubricLevel } from '../../../api/src/modules/credentials/rubric-level.entity';
import { insert } from './index';

const credentialDefaults = (): DeepPartial<Credential> => ({
  title: 'Credential', level: 2, workloadHours: 40, creditValue: 3, deliveryMode: DeliveryMode.HYBRID, status: CredentialStatus.DRAFT,
});

export const makeCredential = (db: DataSource, institutionId: number, values: DeepPartial<Credential> = {}) =>
  insert(db, Credential, { ...credentialDefaults(), issuerInstitutionId: institutionId, ...values });

export const makeEmployerCredential = (db: DataSource, employerId: number, values: DeepPartial<Credential> = {}) =>
  insert(db, Credential, { ...credentialDefaults(), issuerEmployerId: employerId, ...values });

/** A published credential, assessed as the publish rule requires. */
export async function makePublishedCredential(db: DataSource, institutionId: number, values: DeepPartial<Credential> = {}): Promise<Credential> {
  const credential = await makeCredential(db, institutionId, { ...values, status: CredentialStatus.PUBLISHED });
  await assess(db, credential.id);
  return credential;
}

export const assess = (db: DataSource, credentialId: number, values: DeepPartial<Assessment> = {}) =>
  insert(db, Assessment, { credentialId, method: AssessmentMethod.TASK, description: 'Practical task', ...values });

export const makeOutcome = (db: DataSource, credentialId: number, values: DeepPartial<LearningOutcome> = {}) =>
  insert(db, LearningOutcome, { credentialId, position: 1, statement: 'Does the thing', ...values });

export const align = (db: DataSource, outcomeId: number, competencyId: number, strength = AlignmentStrength.EXACT) =>
  insert(db, Alignment, { outcomeId, competencyId, strength });

export const makeRubricLevel = (db: DataSource, credentialId: number, level: number, values: DeepPartial<RubricLevel> = {}) =>
  insert(db, RubricLevel, { credentialId, level, name: `Level ${level}`, criteria: 'Shows it unaided', ...values });

export const addPrerequisite = (db: DataSource, credentialId: number, prerequisiteId: number) =>
  insert(db, CredentialPrerequisite, { credentialId, prerequisiteId });
