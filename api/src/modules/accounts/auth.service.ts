import { hash, verify } from '@node-rs/argon2';
import { webcrypto } from 'node:crypto';
import { JWTPayload, jwtVerify, SignJWT } from 'jose';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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
  const token = await new SignJWT({ role: user.role, inst: user.institutionId, emp: user.employerId, ver: user.tokenVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await signingKey());
  return { token, expiresAt };
}

const ROLES = new Set<string>([Role.ADMIN, Role.INSTITUTION_STAFF, Role.EMPLOYER_PARTNER, Role.ADVISOR]);

/**
 * The viewer a bearer token stands for, or null when it is forged, expired, without an expiry,
 * malformed, or no longer current: its account was deactivated, or its password, role,
 * institution or employer changed after the token was issued (the account's token version moved
 * on). That takes one indexed read of the account per signed-in request, on the primary.
 */
export async function viewerFromToken(token: string, db: DataSource): Promise<Viewer | null> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await signingKey(), { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
  } catch {
    return null;
  }
  const userId = Number(payload.sub);
  if (!Number.isInteger(userId) || typeof payload.role !== 'string' || !ROLES.has(payload.role) || typeof payload.ver !== 'number') return null;
  // A database that cannot answer is DATABASE_UNAVAILABLE or BUSY, not a bad token.
  if (!(await isCurrent(db, userId, payload.ver))) return null;
  const orgId = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  return { role: payload.role as Role, userId, institutionId: orgId(payload.inst), employerId: orgId(payload.emp) };
}

/**
 * Whether the account is active and still at token version `version`. Straight on the primary's
 * pool, outside the request's statement count (X-SQL-Statements counts what the operation reads).
 */
async function isCurrent(db: DataSource, userId: number, version: number): Promise<boolean> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<{ current: boolean }>({
    name: 'pathforge_token_current',
    text: 'SELECT token_version = $2 AND deactivated_at IS NULL AS current FROM app_user WHERE id = $1',
    values: [userId, version],
  });
  return rows[0]?.current === true;
}

export async function findByEmail(db: DataSource, email: string): Promise<User | null> {
  return db.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
}
