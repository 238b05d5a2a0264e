import { compactVerify, decodeJwt, decodeProtectedHeader, JWTPayload, ProtectedHeaderParameters } from 'jose';
import { DataSource } from 'typeorm';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { Award } from '../learners/award.entity';
import { AwardCredential } from './award-credential.entity';
import { idFromUrl, IssuerRef } from './identifiers';
import { IssuerKey } from './issuer-key.entity';
import { algorithmOf, ownerOf, SIGNING_ALGORITHMS, verificationKeyOf } from './issuer-keys.service';
import { VerificationCheckName } from './verification.types';

export interface CheckResult {
  check: VerificationCheckName;
  passed: boolean;
  message: string;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const pass = (check: VerificationCheckName, message: string): CheckResult => ({ check, passed: true, message });
const fail = (check: VerificationCheckName, message: string): CheckResult => ({ check, passed: false, message });

interface Decoded {
  jwt: string;
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

function decode(document: unknown): Decoded | string {
  if (typeof document !== 'string' || !COMPACT_JWS.test(document)) return 'The document is not a compact VC-JWT (application/vc+jwt)';
  try {
    const header = decodeProtectedHeader(document);
    const payload = decodeJwt(document) as Decoded['payload'];
    if (!(SIGNING_ALGORITHMS as readonly unknown[]).includes(header.alg)) return `The signature algorithm must be one of ${SIGNING_ALGORITHMS.join(', ')}`;
    const types = Array.isArray(payload.type) ? payload.type : [];
    if (!types.includes('VerifiableCredential') || !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))) {
      return 'The payload is not an Open Badges credential';
    }
    // OB 3.0 §8.2.3: typ is "JWT" when present; credentials signed before that sent "vc+jwt".
    if (header.typ !== undefined && header.typ !== 'JWT' && header.typ !== 'vc+jwt') return `The typ header must be JWT, not ${header.typ}`;
    const subjectId = (payload.credentialSubject as { id?: unknown } | undefined)?.id;
    if ((payload.sub !== undefined || subjectId !== undefined) && payload.sub !== subjectId) return 'The sub claim does not name credentialSubject.id';
    return { jwt: document, header, payload };
  } catch {
    return 'The document is not a well-formed JWT';
  }
}

const issuerIdOf = (payload: Decoded['payload']): unknown =>
  typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id?: unknown } | undefined)?.id;

async function issuerCheck(db: DataSource, { header, payload }: Decoded, key: IssuerKey | null): Promise<CheckResult> {
  const issuerId = issuerIdOf(payload);
  const issuer = idFromUrl(issuerId, '/ob/issuers/', ['Institution', 'Employer'] as const);
  if (!issuer) return fail(VerificationCheckName.ISSUER, 'The issuer is not one of ours');
  const row = await db.getRepository<Institution | Employer>(issuer.type).findOneBy({ id: issuer.id });
  if (!row) return fail(VerificationCheckName.ISSUER, 'The issuer no longer exists');
  if (payload.iss !== issuerId) return fail(VerificationCheckName.ISSUER, 'The iss claim does not name the credential\'s issuer');
  const owner: IssuerRef | null = key ? ownerOf(key) : null;
  if (!owner || typeof header.kid !== 'string' || !header.kid.startsWith(`${issuerId}#`) || owner.type !== issuer.type || owner.id !== issuer.id) {
    return fail(VerificationCheckName.ISSUER, `The signing key is not a key of ${row.name}`);
  }
  return pass(VerificationCheckName.ISSUER, `Issued by ${row.name}, with its own key`);
}

async function signatureCheck({ jwt, header }: Decoded, key: IssuerKey | null): Promise<CheckResult> {
  if (!key) return fail(VerificationCheckName.SIGNATURE, 'No key of ours has the kid in the header');
  if (header.alg !== algorithmOf(key)) return fail(VerificationCheckName.SIGNATURE, `The key named by the kid signs with ${algorithmOf(key)}, not ${header.alg}`);
  try {
    await compactVerify(jwt, await verificationKeyOf(key));
    return pass(VerificationCheckName.SIGNATURE, 'The signature is valid');
  } catch {
    return fail(VerificationCheckName.SIGNATURE, 'The signature does not match the document');
  }
}

function validityCheck({ payload }: Decoded, now: Date): CheckResult {
  const validFrom = typeof payload.validFrom === 'string' ? Date.parse(payload.validFrom) : NaN;
  if (Number.isNaN(validFrom)) return fail(VerificationCheckName.VALIDITY, 'validFrom is missing or not a date-time');
  if (payload.nbf !== Math.floor(validFrom / 1000)) return fail(VerificationCheckName.VALIDITY, 'The nbf claim does not match validFrom');
  if (validFrom > now.getTime()) return fail(VerificationCheckName.VALIDITY, `Not valid before ${payload.validFrom}`);
  if (payload.validUntil !== undefined) {
    const validUntil = typeof payload.validUntil === 'string' ? Date.parse(payload.validUntil) : NaN;
    if (Number.isNaN(validUntil) || validUntil <= now.getTime()) return fail(VerificationCheckName.VALIDITY, 'Expired');
  }
  return pass(VerificationCheckName.VALIDITY, `Valid since ${payload.validFrom}`);
}

/** Revocation is read live from the award; a credential replaced by a re-issue no longer stands either. */
async function revocationCheck(db: DataSource, { jwt, payload }: Decoded): Promise<CheckResult> {
  const award = idFromUrl(payload.id, '/credentials/', ['Award'] as const);
  if (!award || payload.jti !== payload.id) return fail(VerificationCheckName.REVOCATION, 'The credential is not one of ours');
  const [row, stored] = await Promise.all([
    db.getRepository(Award).findOneBy({ id: award.id }),
    db.getRepository(AwardCredential).findOneBy({ awardId: award.id }),
  ]);
  if (!row) return fail(VerificationCheckName.REVOCATION, 'The issuer no longer holds this award');
  if (row.revokedAt) return fail(VerificationCheckName.REVOCATION, `The issuer revoked this award on ${row.revokedAt.toISOString().slice(0, 10)}`);
  // Compared by signature: a changed payload is the signature check's finding, not this one's.
  const signatureOf = (compact: string | undefined) => compact?.split('.')[2];
  if (signatureOf(stored?.jwt) !== signatureOf(jwt)) {
    return fail(VerificationCheckName.REVOCATION, 'This is not the credential the issuer holds for this award: it was replaced or never issued');
  }
  return pass(VerificationCheckName.REVOCATION, 'Not revoked');
}

/** Every check runs, so a verifier sees all that is wrong at once; verified means all passed. */
export async function verifyCredential(db: DataSource, document: unknown, now = new Date()): Promise<{ verified: boolean; checks: CheckResult[] }> {
  const decoded = decode(document);
  if (typeof decoded === 'string') {
    const notChecked = 'Not checked: the document could not be read';
    return {
      verified: false,
      checks: [
        fail(VerificationCheckName.FORMAT, decoded),
        ...[VerificationCheckName.SIGNATURE, VerificationCheckName.ISSUER, VerificationCheckName.VALIDITY, VerificationCheckName.REVOCATION].map((check) => fail(check, notChecked)),
      ],
    };
  }
  const thumbprint = typeof decoded.header.kid === 'string' ? decoded.header.kid.split('#').pop() : undefined;
  const key = thumbprint ? await db.getRepository(IssuerKey).findOneBy({ thumbprint }) : null;
  const checks = [
    pass(VerificationCheckName.FORMAT, 'An Open Badges 3.0 credential as a VC-JWT'),
    await signatureCheck(decoded, key),
    await issuerCheck(db, decoded, key),
    validityCheck(decoded, now),
    await revocationCheck(db, decoded),
  ];
  return { verified: checks.every((c) => c.passed), checks };
}
