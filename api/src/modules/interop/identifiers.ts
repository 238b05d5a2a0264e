import { createHash } from 'node:crypto';
import { config } from '../../core/config';
import { fromGlobalId, toGlobalId } from '../../core/ids';

/**
 * Where exported documents say they live. Their `id`s are URLs under this base, so they must not
 * change with the port a test server happens to get: the base comes from the environment.
 */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL || `http://localhost:${config.port}`).replace(/\/+$/, '');
}

export const achievementUrl = (credentialId: number) => `${publicBaseUrl()}/ob/achievements/${toGlobalId('Credential', credentialId)}`;
export const pathwayCtdlUrl = (pathwayId: number) => `${publicBaseUrl()}/ctdl/pathways/${toGlobalId('Pathway', pathwayId)}`;
export const awardCredentialUrl = (awardId: number) => `${publicBaseUrl()}/credentials/${toGlobalId('Award', awardId)}`;

export type IssuerType = 'Institution' | 'Employer';
export interface IssuerRef {
  type: IssuerType;
  id: number;
}

export const issuerUrl = (issuer: IssuerRef) => `${publicBaseUrl()}/ob/issuers/${toGlobalId(issuer.type, issuer.id)}`;

/** The row behind one of our URLs, or null when the URL is not ours or names another kind of thing. */
export function idFromUrl<T extends string>(url: unknown, pathPrefix: string, typeNames: readonly T[]): { type: T; id: number } | null {
  const prefix = `${publicBaseUrl()}${pathPrefix}`;
  if (typeof url !== 'string' || !url.startsWith(prefix)) return null;
  const decoded = fromGlobalId(url.slice(prefix.length));
  if (!decoded || !(typeNames as readonly string[]).includes(decoded.typeName)) return null;
  return { type: decoded.typeName as T, id: decoded.localId };
}

/** Fixed namespace for Pathforge's name-based UUIDs, so the same record always gets the same CTID. */
const PATHFORGE_NAMESPACE = Buffer.from('6f1c3a52d0e44b7e9a8f2c61b5d7e903', 'hex');

/** RFC 9562 UUIDv5: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(PATHFORGE_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A Credential Engine CTID derived from our own identifiers: stable across exports. */
export const ctidOf = (...parts: (string | number)[]) => `ce-${uuidV5(parts.join(':'))}`;
