import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { EntityManager } from 'typeorm';
import { IssuerRef, issuerUrl } from './identifiers';
import { issuerKeyFor, keyIdOf, SIGNING_ALGORITHM, signingKeyOf } from './issuer-keys.service';

/** The spec's minimum length (16 KiB), so a list does not reveal how many credentials an issuer holds. */
const MINIMUM_BITS = 131_072;

export const statusListUrl = (issuer: IssuerRef) => `${issuerUrl(issuer)}/status`;

/**
 * The W3C Bitstring Status List entry of an award: its bit in the issuer's revocation list is the
 * award's own id, so the index is known when the credential is signed and never moves.
 */
export const statusEntryOf = (issuer: IssuerRef, awardId: number) => ({
  id: `${statusListUrl(issuer)}#${awardId}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(awardId),
  statusListCredential: statusListUrl(issuer),
});

/** GZIP of the bitstring, first index in the most significant bit of the first byte, as multibase base64url. */
export function encodeStatusList(revokedIndexes: number[]): string {
  const bits = Math.max(MINIMUM_BITS, Math.ceil((Math.max(-1, ...revokedIndexes) + 1) / 8) * 8);
  const bytes = Buffer.alloc(bits / 8);
  for (const index of revokedIndexes) bytes[index >> 3] |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The issuer's revocation list as a signed BitstringStatusListCredential (a VC-JWT), built from the awards as they are now. */
export async function signedStatusList(em: EntityManager, issuer: IssuerRef, now = new Date()): Promise<string> {
  const column = issuer.type === 'Institution' ? 'issuer_institution_id' : 'issuer_employer_id';
  const rows: { id: number }[] = await em.query(
    `SELECT a.id FROM award a JOIN credential c ON c.id = a.credential_id WHERE c.${column} = $1 AND a.revoked_at IS NOT NULL`,
    [issuer.id],
  );
  const key = await issuerKeyFor(em, issuer);
  const id = statusListUrl(issuer);
  const validFrom = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const document = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrl(issuer),
    validFrom: validFrom.toISOString().replace('.000Z', 'Z'),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(rows.map((row) => row.id)) },
  };
  return new SignJWT(document)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'vc+jwt', kid: keyIdOf(key) })
    .setIssuer(issuerUrl(issuer))
    .setJti(id)
    .setNotBefore(validFrom)
    .setIssuedAt(validFrom)
    .sign(await signingKeyOf(key));
}
