import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, JWK } from 'jose';
import { EntityManager, IsNull } from 'typeorm';
import { IssuerRef, issuerUrl } from './identifiers';
import { IssuerKey } from './issuer-key.entity';
import { open, seal } from './key-vault';
import { IssuerSigningOption } from './signing.entities';

/** OB 3.0 §8.2.3: RS256 is the algorithm every verifier must support; EdDSA is an issuer's option. */
export const SIGNING_ALGORITHMS = ['RS256', 'EdDSA'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];
export const DEFAULT_SIGNING_ALGORITHM: SigningAlgorithm = 'RS256';

const columnOf = (issuer: IssuerRef) => (issuer.type === 'Institution' ? 'institution_id' : 'employer_id');
const ownerWhere = (issuer: IssuerRef) => (issuer.type === 'Institution' ? { institutionId: issuer.id } : { employerId: issuer.id });
const findCurrentKey = (em: EntityManager, issuer: IssuerRef, algorithm: SigningAlgorithm) =>
  em.findOneBy(IssuerKey, { ...ownerWhere(issuer), algorithm, retiredAt: IsNull() });

/** How an issuer is named in the tables that hold one per issuer. */
export const issuerKeyOf = (issuer: IssuerRef) => `${issuer.type}:${issuer.id}`;

/** Binds a sealed private key to its owner: the vault refuses it on any other issuer's row. */
const sealContext = (issuer: IssuerRef) => issuerKeyOf(issuer);

export const ownerOf = (key: IssuerKey): IssuerRef =>
  key.institutionId !== null ? { type: 'Institution', id: key.institutionId } : { type: 'Employer', id: key.employerId as number };

/** The `kid` of a key: the issuer's profile URL with the key's thumbprint as fragment. */
export const keyIdOf = (key: IssuerKey) => `${issuerUrl(ownerOf(key))}#${key.thumbprint}`;

function generate(algorithm: SigningAlgorithm) {
  return algorithm === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
}

/** The algorithm the issuer signs new awards with. */
export async function signingAlgorithmOf(em: EntityManager, issuer: IssuerRef): Promise<SigningAlgorithm> {
  const option = await em.findOneBy(IssuerSigningOption, { issuer: issuerKeyOf(issuer) });
  return (option?.algorithm as SigningAlgorithm | undefined) ?? DEFAULT_SIGNING_ALGORITHM;
}

export async function setSigningAlgorithm(em: EntityManager, issuer: IssuerRef, algorithm: SigningAlgorithm): Promise<void> {
  await em.query(
    `INSERT INTO issuer_signing_option (issuer, algorithm) VALUES ($1, $2)
     ON CONFLICT (issuer) DO UPDATE SET algorithm = EXCLUDED.algorithm, updated_at = now()`,
    [issuerKeyOf(issuer), algorithm],
  );
}

/**
 * The issuer's current key for an algorithm, made on first need. Two first issues at once both try
 * to insert; the partial unique index lets one win and the other waits for it and reads the winner's key.
 */
export async function issuerKeyFor(em: EntityManager, issuer: IssuerRef, algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM): Promise<IssuerKey> {
  const existing = await findCurrentKey(em, issuer, algorithm);
  if (existing) return existing;
  const { publicKey, privateKey } = generate(algorithm);
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  const privateJwk = privateKey.export({ format: 'jwk' }) as JWK;
  await em.query(
    `INSERT INTO issuer_key (${columnOf(issuer)}, algorithm, thumbprint, public_jwk, encrypted_private_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (${columnOf(issuer)}, algorithm) WHERE retired_at IS NULL DO NOTHING`,
    [issuer.id, algorithm, await calculateJwkThumbprint(publicJwk), publicJwk, seal(JSON.stringify(privateJwk), sealContext(issuer))],
  );
  return (await findCurrentKey(em, issuer, algorithm))!;
}

/** The key that signs the issuer's next award, in the algorithm it chose. */
export async function currentSigningKey(em: EntityManager, issuer: IssuerRef): Promise<IssuerKey> {
  return issuerKeyFor(em, issuer, await signingAlgorithmOf(em, issuer));
}

/**
 * Retires the issuer's current key for an algorithm; the next award gets a new one. The retired key
 * stays in the issuer profile, so what it signed still verifies by its `kid`.
 */
export async function rotateIssuerKey(em: EntityManager, issuer: IssuerRef, algorithm: SigningAlgorithm): Promise<IssuerKey> {
  await em.query(`UPDATE issuer_key SET retired_at = now(), updated_at = now() WHERE ${columnOf(issuer)} = $1 AND algorithm = $2 AND retired_at IS NULL`, [issuer.id, algorithm]);
  return issuerKeyFor(em, issuer, algorithm);
}

export const algorithmOf = (key: IssuerKey) => key.algorithm as SigningAlgorithm;

export async function signingKeyOf(key: IssuerKey) {
  return importJWK(JSON.parse(open(key.encryptedPrivateKey, sealContext(ownerOf(key)))) as JWK, algorithmOf(key));
}

export const verificationKeyOf = (key: IssuerKey) => importJWK({ ...key.publicJwk, alg: algorithmOf(key) }, algorithmOf(key));

/** The public keys of an issuer as a JWK set, each with its `kid` and `alg`, retired ones included. */
export const publicKeySet = (keys: IssuerKey[]) => ({
  keys: keys.map((key) => ({ ...key.publicJwk, kid: keyIdOf(key), alg: algorithmOf(key), use: 'sig' })),
});

/** Every key the issuer ever had, current ones made if missing, so both algorithms are always published. */
export async function publishedKeys(em: EntityManager, issuer: IssuerRef): Promise<IssuerKey[]> {
  for (const algorithm of SIGNING_ALGORITHMS) await issuerKeyFor(em, issuer, algorithm);
  return em.find(IssuerKey, { where: ownerWhere(issuer), order: { id: 'ASC' } });
}
