import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { EntityManager } from 'typeorm';
import { Award } from '../learners/award.entity';
import { Learner } from '../learners/learner.entity';
import { achievementOf, AchievementSources, issuerOf, issuerProfile, loadAchievementSources, OB_CONTEXT, resultDescriptionId, rubricLevelId } from './achievement.export';
import { awardCredentialUrl, issuerUrl } from './identifiers';

/**
 * The `typ` of an OpenBadgeCredential's JWS header. OB 3.0 §8.2.3 (Create the JOSE Header) says "JWT" (when present); the
 * later VC-JOSE-COSE says "vc+jwt" for its own securing, which OB 3.0 verifiers do not expect.
 */
export const OPEN_BADGE_JWT_TYPE = 'JWT';
import { IssuerRef } from './identifiers';
import { algorithmOf, currentSigningKey, issuerKeyOf, keyIdOf, signingKeyOf } from './issuer-keys.service';
import { statusEntryOf, statusIndexOf } from './status-list.service';

export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

/** Awards are calendar days; a credential is valid from the start of that day, UTC. */
export const validFromOf = (award: Award) => `${award.awardedOn}T00:00:00Z`;

/**
 * The learner is named by a salted hash of their email address, as Open Badges recommends: the
 * learner proves it by showing the address, and the credential leaks no contact details.
 */
function hashedEmail(email: string): Record<string, unknown> {
  const salt = randomBytes(16).toString('hex');
  return {
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    identityHash: `sha256$${createHash('sha256').update(`${email}${salt}`, 'utf8').digest('hex')}`,
    salt,
  };
}

/**
 * The learner's subject id towards an issuer (`urn:uuid:`), made once: random, never derived from
 * their email, and shared by every award that issuer signs for them.
 */
export async function learnerSubjectId(em: EntityManager, learnerId: number, issuer: IssuerRef): Promise<string> {
  const key = issuerKeyOf(issuer);
  await em.query(
    `INSERT INTO learner_subject (learner_id, issuer, subject_id) VALUES ($1, $2, $3) ON CONFLICT (learner_id, issuer) DO NOTHING`,
    [learnerId, key, randomUUID()],
  );
  const [row] = await em.query(`SELECT subject_id FROM learner_subject WHERE learner_id = $1 AND issuer = $2`, [learnerId, key]);
  return `urn:uuid:${row.subject_id}`;
}

export interface AwardSubject {
  subjectId: string;
  statusIndex: number;
}

/** The Open Badges 3.0 AchievementCredential of an award, before signing. */
export function awardCredentialDocument(award: Award, learner: Learner, sources: AchievementSources, subject: AwardSubject): Record<string, unknown> {
  const { credential, rubric } = sources;
  const reached = rubric.find((level) => level.level === award.masteryLevel);
  return {
    '@context': OB_CONTEXT,
    id: awardCredentialUrl(award.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: credential.title,
    issuer: issuerProfile(sources.issuer, issuerOf(credential)),
    validFrom: validFromOf(award),
    awardedDate: validFromOf(award),
    credentialSubject: {
      id: subject.subjectId,
      type: ['AchievementSubject'],
      identifier: [hashedEmail(learner.email)],
      achievement: achievementOf(sources),
      creditsEarned: credential.creditValue,
      ...(reached
        ? { result: [{ type: ['Result'], resultDescription: resultDescriptionId(credential.id), achievedLevel: rubricLevelId(credential.id, reached.level) }] }
        : {}),
    },
    ...(award.evidenceUrl ? { evidence: [{ id: award.evidenceUrl, type: ['Evidence'] }] } : {}),
    credentialStatus: statusEntryOf(issuerOf(credential), subject.statusIndex),
  };
}

/**
 * Signs the award's credential with its issuer's current key, as a VC-JWT whose payload is the
 * credential itself with the registered claims mapped from it (OB 3.0 §8.2.4.1 JWT Payload Format: iss, jti, nbf, sub),
 * and stores it. `replace`
 * re-issues after the award changed; otherwise a credential someone else issued first is kept.
 */
export async function issueAwardCredential(em: EntityManager, award: Award, options: { replace: boolean }): Promise<string> {
  const [sources] = await loadAchievementSources(em, [award.credentialId]);
  const learner = await em.findOneByOrFail(Learner, { id: award.learnerId });
  const issuer = issuerOf(sources!.credential);
  const key = await currentSigningKey(em, issuer);
  const subject = { subjectId: await learnerSubjectId(em, learner.id, issuer), statusIndex: await statusIndexOf(em, issuer, award.id) };
  const document = awardCredentialDocument(award, learner, sources!, subject);
  const jwt = await new SignJWT(document)
    .setProtectedHeader({ alg: algorithmOf(key), typ: OPEN_BADGE_JWT_TYPE, kid: keyIdOf(key) })
    .setIssuer(issuerUrl(issuer))
    .setSubject(subject.subjectId)
    .setJti(document.id as string)
    .setNotBefore(Math.floor(Date.parse(validFromOf(award)) / 1000))
    .setIssuedAt()
    .sign(await signingKeyOf(key));
  await em.query(
    `INSERT INTO award_credential (award_id, issuer_key_id, jwt) VALUES ($1, $2, $3)
     ON CONFLICT (award_id) DO ${options.replace ? 'UPDATE SET issuer_key_id = EXCLUDED.issuer_key_id, jwt = EXCLUDED.jwt, updated_at = now()' : 'NOTHING'}`,
    [award.id, key.id, jwt],
  );
  const [stored] = await em.query(`SELECT jwt FROM award_credential WHERE award_id = $1`, [award.id]);
  return stored.jwt;
}
