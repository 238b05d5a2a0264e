import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { secretFromEnvironment } from '../../core/secrets';

const SECRET_NAME = 'CREDENTIAL_KEY_SECRET';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

let wrappingKey: Buffer | undefined;

/** The AES-256 key that wraps issuer keys, derived from the secret so the secret itself never keys a cipher. */
function key(): Buffer {
  wrappingKey ??= Buffer.from(hkdfSync('sha256', secretFromEnvironment(SECRET_NAME), Buffer.alloc(0), 'pathforge issuer keys v1', 32));
  return wrappingKey;
}

/**
 * AES-256-GCM with `context` (the owner of the key) as associated data, so a ciphertext copied
 * onto another issuer's row does not decrypt.
 */
export function seal(plaintext: string, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(), nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]);
}

export function open(sealed: Buffer, context: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key(), sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
