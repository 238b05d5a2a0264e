import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, JWK } from 'jose';
import { EntityManager } from 'typeorm';
import { IssuerRef, issuerUrl } from './identifiers';
import { IssuerKey } from './issuer-key.entity';
import { open, seal } from './key-vault';

export const SIGNING_ALGORITHM = 'EdDSA';

const columnOf = (issuer: IssuerRef) => (issuer.type === 'Institution' ? 'institution_id' : 'employer_id');
const findKey = (em: EntityManager, issuer: IssuerRef) =>
  em.findOneBy(IssuerKey, issuer.type === 'Institution' ? { institutionId: issuer.id } : { employerId: issuer.id });

/** Binds a sealed private key to its owner: the vault refuses it on any other issuer's row. */
const sealContext = (issuer: IssuerRef) => `${issuer.type}:${issuer.id}`;

export const ownerOf = (key: IssuerKey): IssuerRef =>
  key.institutionId !== null ? { type: 'Institution', id: key.institutionId } : { type: 'Employer', id: key.employerId as number };

/** The `kid` of a key: the issuer's profile URL with the key's thumbprint as fragment. */
export const keyIdOf = (key: IssuerKey) => `${issuerUrl(ownerOf(key))}#${key.thumbprint}`;

/**
 * The issuer's signing key, made on first need. Two first issues at once both try to insert; the
 * unique issuer column lets one win and the other waits for it and reads the winner's key.
 */
export async function issuerKeyFor(em: EntityManager, issuer: IssuerRef): Promise<IssuerKey> {
  const existing = await findKey(em, issuer);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  const privateJwk = privateKey.export({ format: 'jwk' }) as JWK;
  await em.query(
    `INSERT INTO issuer_key (${columnOf(issuer)}, thumbprint, public_jwk, encrypted_private_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (${columnOf(issuer)}) DO NOTHING`,
    [issuer.id, await calculateJwkThumbprint(publicJwk), publicJwk, seal(JSON.stringify(privateJwk), sealContext(issuer))],
  );
  return (await findKey(em, issuer))!;
}

export async function signingKeyOf(key: IssuerKey) {
  return importJWK(JSON.parse(open(key.encryptedPrivateKey, sealContext(ownerOf(key)))) as JWK, SIGNING_ALGORITHM);
}

export const verificationKeyOf = (key: IssuerKey) => importJWK({ ...key.publicJwk, alg: SIGNING_ALGORITHM }, SIGNING_ALGORITHM);

/** The public keys of an issuer as a JWK set, each with its `kid`. */
export const publicKeySet = (keys: IssuerKey[]) => ({ keys: keys.map((key) => ({ ...key.publicJwk, kid: keyIdOf(key), alg: SIGNING_ALGORITHM, use: 'sig' })) });
