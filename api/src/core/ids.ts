/**
 * Opaque global IDs: base64url("Type:localId"). Clients must treat them as opaque; the type
 * prefix lets `node(id)` find the row and lets inputs reject an ID of the wrong type.
 */
export function toGlobalId(typeName: string, localId: number | string): string {
  return Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  typeName: string;
  localId: number;
}

export function fromGlobalId(globalId: string): DecodedId | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):([1-9][0-9]{0,14})$/.exec(decoded);
  if (!match) return null;
  const localId = Number(match[2]);
  if (!Number.isSafeInteger(localId) || localId > 2147483647) return null;
  return { typeName: match[1], localId };
}
