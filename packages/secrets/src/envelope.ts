import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decodeBase64Strict } from './base64';
import { SecretUnreadableError } from './errors';
import { keyBytes, type KeyRing } from './key-ring';

/**
 * One encrypted value as stored in a row. All fields are standard base64 except keyId (hex).
 * `ciphertext` is the AES-256-GCM ciphertext followed by the 16-byte authentication tag.
 */
export interface SealedSecret {
  ciphertext: string;
  keyId: string;
  nonce: string;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'bm-secret/v1';

/**
 * Additional authenticated data: a format label, the key id and the caller's context (the row id).
 * A ciphertext copied to another row, relabelled with another key id or read as another format
 * fails authentication.
 */
function aadBytes(keyId: string, aad: string): Buffer {
  return Buffer.from(`${FORMAT}\n${keyId}\n${aad}`, 'utf8');
}

function requireAad(aad: string): void {
  if (typeof aad !== 'string' || aad === '') {
    throw new TypeError('Secret encryption needs a non-empty aad (the id of the row that stores the secret).');
  }
}

export function encryptSecret(ring: KeyRing, plaintext: string, aad: string): SealedSecret {
  requireAad(aad);
  const keyId = ring.currentKeyId;
  const key = keyBytes(ring, keyId);
  if (!key) throw new TypeError('encryptSecret: not a KeyRing created by @bm/secrets.');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadBytes(keyId, aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: body.toString('base64'), keyId, nonce: nonce.toString('base64') };
}

export function decryptSecret(ring: KeyRing, sealed: SealedSecret, aad: string): string {
  requireAad(aad);
  const keyId = typeof sealed?.keyId === 'string' ? sealed.keyId : undefined;
  const nonce = typeof sealed?.nonce === 'string' ? decodeBase64Strict(sealed.nonce) : null;
  const body = typeof sealed?.ciphertext === 'string' ? decodeBase64Strict(sealed.ciphertext) : null;
  if (keyId === undefined || nonce === null || nonce.length !== NONCE_BYTES || body === null || body.length < TAG_BYTES) {
    throw new SecretUnreadableError('MALFORMED', keyId, 'The stored secret is malformed (not a bm-secret/v1 value). Re-enter the secret.');
  }
  const key = keyBytes(ring, keyId);
  if (!key) {
    throw new SecretUnreadableError(
      'UNKNOWN_KEY',
      keyId,
      `The stored secret was encrypted with master key ${keyId}, which is not loaded. ` +
        'An administrator can provide that key through BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS (or restore it in the data directory key file); otherwise re-enter the secret.',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadBytes(keyId, aad));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // Deliberately no cause: OpenSSL's message adds nothing and callers log errors whole.
    throw new SecretUnreadableError(
      'AUTHENTICATION_FAILED',
      keyId,
      `The stored secret failed authentication under master key ${keyId}: it was altered or belongs to another record. Re-enter the secret.`,
    );
  }
}

/** True when the value is not under the ring's current key (i.e. a rotation left it behind). */
export function needsReencryption(ring: KeyRing, sealed: SealedSecret): boolean {
  return sealed.keyId !== ring.currentKeyId;
}

/** Decrypts with whichever key sealed it and encrypts again under the current key (fresh nonce). */
export function reencryptSecret(ring: KeyRing, sealed: SealedSecret, aad: string): SealedSecret {
  return encryptSecret(ring, decryptSecret(ring, sealed, aad), aad);
}
