import { randomInt } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { EntityManager } from 'typeorm';
import { IssuerRef, issuerUrl } from './identifiers';
import { algorithmOf, currentSigningKey, issuerKeyOf, keyIdOf, signingKeyOf } from './issuer-keys.service';

/** The spec's minimum length (16 KiB), so a list does not reveal how many credentials an issuer holds. */
const MINIMUM_BITS = 131_072;

export const statusListUrl = (issuer: IssuerRef) => `${issuerUrl(issuer)}/status`;

/**
 * The W3C Bitstring Status List entry of an award, at its bit in the issuer's revocation list.
 */
export const statusEntryOf = (issuer: IssuerRef, listIndex: number) => ({
  id: `${statusListUrl(issuer)}#${listIndex}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(listIndex),
  statusListCredential: statusListUrl(issuer),
});

/**
 * The award's bit in its issuer's list, drawn at random the first time (Bitstring Status List §6.5:
 * sequential indexes let anyone correlate credentials) and kept from then on. A draw that hits a
 * taken bit draws again; the range doubles once the list is half full, so draws stay cheap.
 */
export async function statusIndexOf(em: EntityManager, issuer: IssuerRef, awardId: number): Promise<number> {
  const key = issuerKeyOf(issuer);
  for (;;) {
    const [existing] = await em.query(`SELECT list_index FROM status_list_entry WHERE award_id = $1`, [awardId]);
    if (existing) return existing.list_index;
    const [{ taken }] = await em.query(`SELECT count(*)::int AS taken FROM status_list_entry WHERE issuer = $1`, [key]);
    let size = MINIMUM_BITS;
    while (taken * 2 >= size) size *= 2;
    await em.query(
      `INSERT INTO status_list_entry (award_id, issuer, list_index) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [awardId, key, randomInt(size)],
    );
  }
}

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
    `SELECT s.list_index AS id FROM status_list_entry s JOIN award a ON a.id = s.award_id JOIN credential c ON c.id = a.credential_id
     WHERE c.${column} = $1 AND s.issuer = $2 AND a.revoked_at IS NOT NULL`,
    [issuer.id, issuerKeyOf(issuer)],
  );
  const key = await currentSigningKey(em, issuer);
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
    .setProtectedHeader({ alg: algorithmOf(key), typ: 'vc+jwt', kid: keyIdOf(key) })
    .setIssuer(issuerUrl(issuer))
    .setJti(id)
    .setNotBefore(validFrom)
    .setIssuedAt(validFrom)
    .sign(await signingKeyOf(key));
}
