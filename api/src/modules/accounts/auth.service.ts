import { hash, verify } from '@node-rs/argon2';
import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { secretFromEnvironment } from '../../core/secrets';
import { Viewer } from '../../core/viewer';
import { Role, User } from './user.entity';

const ISSUER = 'pathforge';
const TOKEN_LIFETIME_SECONDS = Number(process.env.AUTH_TOKEN_TTL_SECONDS ?? 8 * 3600);

/** Imported once: importing the raw secret again for every request's token was a measurable share of a request. */
let secret: Promise<webcrypto.CryptoKey> | undefined;
function signingKey(): Promise<webcrypto.CryptoKey> {
  if (!secret) {
    const raw = new Uint8Array(secretFromEnvironment('AUTH_SECRET'));
    secret = webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }
  return secret;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Verifies against a dummy hash when there is no such user, so timing does not reveal accounts. */
const DUMMY_HASH = hash('no account has this password');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export async function issueToken(user: User): Promise<IssuedToken> {
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
  const token = await new SignJWT({ role: user.role, inst: user.institutionId, emp: user.employerId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await signingKey());
  return { token, expiresAt };
}

const ROLES = new Set<string>([Role.ADMIN, Role.INSTITUTION_STAFF, Role.EMPLOYER_PARTNER, Role.ADVISOR]);

/** The viewer a bearer token stands for, or null when it is forged, expired or malformed. */
export async function viewerFromToken(token: string): Promise<Viewer | null> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), { issuer: ISSUER, algorithms: ['HS256'] });
    const userId = Number(payload.sub);
    if (!Number.isInteger(userId) || typeof payload.role !== 'string' || !ROLES.has(payload.role)) return null;
    const orgId = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
    return { role: payload.role as Role, userId, institutionId: orgId(payload.inst), employerId: orgId(payload.emp) };
  } catch {
    return null;
  }
}

export async function findByEmail(db: DataSource, email: string): Promise<User | null> {
  return db.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
}
