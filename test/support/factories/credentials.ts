import { DataSource, DeepPartial } from 'typeorm';
import { Alignment, AlignmentStrength } from '../../../api/src/modules/credentials/alignment.entity';
import { Assessment, AssessmentMethod } from '../../../api/src/modules/credentials/assessment.entity';
import { Credential, CredentialStatus, DeliveryMode } from '../../../api/src/modules/credentials/credential.entity';
import { LearningOutcome } from '../../../api/src/modules/credentials/learning-outcome.entity';
import { insert } from './index';

export const makeCredential = (db: DataSource, institutionId: number, values: DeepPartial<Credential> = {}) =>
  insert(db, Credential, {
    title: 'Credential', issuerInstitutionId: institutionId, level: 2, workloadHours: 40, creditValue: 3,
    deliveryMode: DeliveryMode.HYBRID, status: CredentialStatus.DRAFT, ...values,
  });

export const assess = (db: DataSource, credentialId: number) =>
  insert(db, Assessment, { credentialId, method: AssessmentMethod.TASK, description: 'Practical task' });

export async function alignOutcome(db: DataSource, credentialId: number, competencyId: number, strength = AlignmentStrength.EXACT) {
  const outcome = await insert(db, LearningOutcome, { credentialId, position: 1, statement: 'Does the thing' });
  await insert(db, Alignment, { outcomeId: outcome.id, competencyId, strength });
  return outcome;
}
