import { EntityManager } from 'typeorm';
import { ErrorCode, UserInputFailure } from '../../core/errors';
import { issuerError } from '../institutions/issuer';
import { Assessment } from './assessment.entity';
import { Credential, CredentialStatus } from './credential.entity';
import { CredentialPrerequisite } from './credential-prerequisite.entity';

/** Exactly one issuer: a college or an employer. */
export function assertOneIssuer(credential: Credential): void {
  const error = issuerError(credential);
  if (error) throw new UserInputFailure([error]);
}

/** DOMAIN.md: no participation badges; a credential without an assessment cannot be published. */
export async function assertAssessedIfPublished(em: EntityManager, credential: Credential, assessmentsToCreate = 0): Promise<void> {
  if (credential.status !== CredentialStatus.PUBLISHED || assessmentsToCreate > 0) return;
  const assessed = credential.id !== undefined && (await em.getRepository(Assessment).existsBy({ credentialId: credential.id }));
  if (!assessed) {
    throw UserInputFailure.of(['input', 'status'], 'Add an assessment before publishing: a credential must be assessed', ErrorCode.INVALID_STATE);
  }
}

/**
 * Serialises prerequisite edits. Two edits that each pass the cycle check alone can close a loop
 * together (A→B while C→A is added and B→C exists), because neither transaction sees the other's
 * uncommitted rows; taken in turn, the second one sees the first.
 */
export async function lockPrerequisiteGraph(em: EntityManager): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock('credential_prerequisite'::regclass::oid::bigint)`);
}

/**
 * Replaces the prerequisites, refusing any that would make the graph loop: a prerequisite may not
 * (through its own prerequisites) require this credential.
 */
export async function replacePrerequisites(em: EntityManager, credentialId: number, prerequisiteIds: number[]): Promise<void> {
  const field = ['input', 'prerequisiteIds'];
  const unique = [...new Set(prerequisiteIds)];
  if (unique.includes(credentialId)) throw UserInputFailure.of(field, 'A credential cannot be its own prerequisite', ErrorCode.CYCLE);
  // The inserts below would take these key-share locks anyway. Taking them before the graph lock
  // means its holder never waits for a row that an edit queued behind it holds, which would deadlock.
  const found: unknown[] = unique.length ? await em.query('SELECT id FROM credential WHERE id = ANY($1) FOR KEY SHARE', [unique]) : [];
  if (found.length !== unique.length) throw UserInputFailure.of(field, 'A prerequisite does not exist', ErrorCode.NOT_FOUND);
  await lockPrerequisiteGraph(em);
  if (unique.length) {
    const [{ loops }]: { loops: boolean | null }[] = await em.query(
      `WITH RECURSIVE reach(id) AS (
         SELECT unnest($1::int[])
         UNION SELECT p.prerequisite_id FROM credential_prerequisite p JOIN reach r ON p.credential_id = r.id)
       SELECT bool_or(id = $2) AS loops FROM reach`,
      [unique, credentialId],
    );
    if (loops) throw UserInputFailure.of(field, 'Those prerequisites would require this credential before itself', ErrorCode.CYCLE);
  }
  await em.getRepository(CredentialPrerequisite).delete({ credentialId });
  if (unique.length) await em.getRepository(CredentialPrerequisite).insert(unique.map((prerequisiteId) => ({ credentialId, prerequisiteId })));
}

/**
 * Publishing freezes a pathway version with its credentials: a credential that a published
 * version contains stays published until every such version is retired.
 */
export async function assertNotWithdrawnFromPublishedPathway(em: EntityManager, credential: Credential, previous: Credential | null): Promise<void> {
  if (!previous || previous.status !== CredentialStatus.PUBLISHED || credential.status === CredentialStatus.PUBLISHED) return;
  const published: { title: string }[] = await em.query(
    `SELECT DISTINCT p.title FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id JOIN pathway p ON p.id = s.pathway_id
      WHERE sc.credential_id = $1 AND p.status = 'PUBLISHED' ORDER BY p.title`,
    [credential.id],
  );
  if (published.length) {
    throw UserInputFailure.of(['input', 'status'], `Published pathways use this credential: ${published.map((p) => p.title).join(', ')}. Retire or revise them first`, ErrorCode.INVALID_STATE);
  }
}
