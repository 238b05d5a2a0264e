import { EntityManager } from 'typeorm';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { Assessment } from './assessment.entity';
import { Credential, CredentialStatus } from './credential.entity';
import { CredentialPrerequisite } from './credential-prerequisite.entity';

/** Exactly one issuer: a college or an employer. */
export function assertOneIssuer(credential: Credential): void {
  if ((credential.issuerInstitutionId == null) === (credential.issuerEmployerId == null)) {
    throw UserInputFailure.of(['input', 'issuerInstitutionId'], 'Give exactly one issuer: an institution or an employer', ErrorCode.INVALID);
  }
}

/** DOMAIN.md: no participation badges; a credential without an assessment cannot be published. */
export async function assertAssessedIfPublished(em: EntityManager, credential: Credential): Promise<void> {
  if (credential.status !== CredentialStatus.PUBLISHED) return;
  const assessed = credential.id !== undefined && (await em.getRepository(Assessment).existsBy({ credentialId: credential.id }));
  if (!assessed) {
    throw UserInputFailure.of(['input', 'status'], 'Add an assessment before publishing: a credential must be assessed', ErrorCode.INVALID_STATE);
  }
}

/**
 * Replaces the prerequisites, refusing any that would make the graph loop: a prerequisite may not
 * (through its own prerequisites) require this credential.
 */
export async function replacePrerequisites(em: EntityManager, credentialId: number, prerequisiteIds: number[]): Promise<void> {
  const field = ['input', 'prerequisiteIds'];
  const unique = [...new Set(prerequisiteIds)];
  if (unique.includes(credentialId)) throw UserInputFailure.of(field, 'A credential cannot be its own prerequisite', ErrorCode.CYCLE);
  if (unique.length) {
    const [{ found, loops }] = await em.query(
      `WITH RECURSIVE reach(id) AS (
         SELECT unnest($1::int[])
         UNION SELECT p.prerequisite_id FROM credential_prerequisite p JOIN reach r ON p.credential_id = r.id)
       SELECT (SELECT count(*)::int FROM credential WHERE id = ANY($1)) AS found, bool_or(id = $2) AS loops FROM reach`,
      [unique, credentialId],
    );
    if (found !== unique.length) throw UserInputFailure.of(field, 'A prerequisite does not exist', ErrorCode.NOT_FOUND);
    if (loops) throw UserInputFailure.of(field, 'Those prerequisites would require this credential before itself', ErrorCode.CYCLE);
  }
  await em.getRepository(CredentialPrerequisite).delete({ credentialId });
  if (unique.length) await em.getRepository(CredentialPrerequisite).insert(unique.map((prerequisiteId) => ({ credentialId, prerequisiteId })));
}
