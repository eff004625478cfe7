import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createKeyRing,
  decryptSecret,
  encryptSecret,
  keyHint,
  keyIdOf,
  needsReencryption,
  reencryptSecret,
  SecretUnreadableError,
  type SealedSecret,
} from './index';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const ring = createKeyRing(keyA);
const PLAIN = 'sk-proj-canaryCANARYcanary0123456789';

function unreadable(fn: () => unknown): SecretUnreadableError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(SecretUnreadableError);
  const err = caught as SecretUnreadableError;
  expect(err.code).toBe('SECRET_UNREADABLE');
  // Never plaintext or key material in what gets logged or shown.
  const shown = `${err.message} ${String(err.stack)} ${JSON.stringify(err)}`;
  expect(shown).not.toContain(PLAIN);
  expect(shown).not.toContain(keyA.toString('base64'));
  expect(shown).not.toContain(keyB.toString('base64'));
  return err;
}

/** Flips one bit of a base64 field. */
function flip(b64: string, byte = 0): string {
  const buf = Buffer.from(b64, 'base64');
  buf[byte]! ^= 0x01;
  return buf.toString('base64');
}

describe('encryptSecret / decryptSecret', () => {
  it('round-trips, with a fresh nonce each time', () => {
    const s1 = encryptSecret(ring, PLAIN, 'conn_1');
    const s2 = encryptSecret(ring, PLAIN, 'conn_1');
    expect(s1.keyId).toBe(keyIdOf(keyA));
    expect(s1.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(s1.nonce, 'base64')).toHaveLength(12);
    expect(Buffer.from(s1.ciphertext, 'base64')).toHaveLength(Buffer.byteLength(PLAIN) + 16);
    expect(s1.nonce).not.toBe(s2.nonce);
    expect(s1.ciphertext).not.toBe(s2.ciphertext);
    expect(s1.ciphertext).not.toContain(Buffer.from(PLAIN).toString('base64').slice(0, 12));
    expect(decryptSecret(ring, s1, 'conn_1')).toBe(PLAIN);
    expect(decryptSecret(ring, s2, 'conn_1')).toBe(PLAIN);
    expect(decryptSecret(ring, encryptSecret(ring, '', 'r'), 'r')).toBe('');
    expect(decryptSecret(ring, encryptSecret(ring, 'ünïcødé 🔑', 'r'), 'r')).toBe('ünïcødé 🔑');
  });

  it('does not decrypt a ciphertext under another row id', () => {
    const sealed = encryptSecret(ring, PLAIN, 'conn_1');
    expect(unreadable(() => decryptSecret(ring, sealed, 'conn_2')).reason).toBe('AUTHENTICATION_FAILED');
  });

  it('fails on tampered ciphertext, tag and nonce', () => {
    const sealed = encryptSecret(ring, PLAIN, 'conn_1');
    const ctLen = Buffer.from(sealed.ciphertext, 'base64').length;
    expect(unreadable(() => decryptSecret(ring, { ...sealed, ciphertext: flip(sealed.ciphertext, 0) }, 'conn_1')).reason).toBe(
      'AUTHENTICATION_FAILED',
    );
    expect(unreadable(() => decryptSecret(ring, { ...sealed, ciphertext: flip(sealed.ciphertext, ctLen - 1) }, 'conn_1')).reason).toBe(
      'AUTHENTICATION_FAILED',
    );
    expect(unreadable(() => decryptSecret(ring, { ...sealed, nonce: flip(sealed.nonce, 5) }, 'conn_1')).reason).toBe(
      'AUTHENTICATION_FAILED',
    );
    const truncated = Buffer.from(sealed.ciphertext, 'base64')
      .subarray(0, ctLen - 1)
      .toString('base64');
    expect(unreadable(() => decryptSecret(ring, { ...sealed, ciphertext: truncated }, 'conn_1')).reason).toBe('AUTHENTICATION_FAILED');
  });

  it('fails on an unknown or swapped key id', () => {
    const sealed = encryptSecret(ring, PLAIN, 'conn_1');
    const unknown = unreadable(() => decryptSecret(ring, { ...sealed, keyId: keyIdOf(keyB) }, 'conn_1'));
    expect(unknown.reason).toBe('UNKNOWN_KEY');
    expect(unknown.message).toContain(keyIdOf(keyB));
    expect(unknown.message).toContain('BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS');
    // Both keys loaded: relabelling the ciphertext with the other id still fails.
    const both = createKeyRing(keyA, [keyB]);
    expect(unreadable(() => decryptSecret(both, { ...sealed, keyId: keyIdOf(keyB) }, 'conn_1')).reason).toBe('AUTHENTICATION_FAILED');
    expect(decryptSecret(both, sealed, 'conn_1')).toBe(PLAIN);
  });

  it('reports malformed values as unreadable', () => {
    const sealed = encryptSecret(ring, PLAIN, 'conn_1');
    for (const bad of [
      { ...sealed, nonce: 'not base64!' },
      { ...sealed, nonce: Buffer.alloc(8).toString('base64') },
      { ...sealed, ciphertext: 'AAAA' },
      { ...sealed, keyId: undefined },
    ] as SealedSecret[]) {
      expect(unreadable(() => decryptSecret(ring, bad, 'conn_1')).reason).toBe('MALFORMED');
    }
  });

  it('requires an aad', () => {
    expect(() => encryptSecret(ring, PLAIN, '')).toThrow(/non-empty aad/);
  });

  it('a ring shows ids only', () => {
    const both = createKeyRing(keyA, [keyB, keyA]);
    expect(both.keyIds).toEqual([keyIdOf(keyA), keyIdOf(keyB)]);
    expect(JSON.stringify(both)).not.toContain(keyA.toString('base64'));
    expect(JSON.stringify(both)).not.toContain(keyA.toString('hex'));
    expect(() => createKeyRing(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('needsReencryption / reencryptSecret', () => {
  it('moves a value to the current key', () => {
    const old = encryptSecret(createKeyRing(keyA), PLAIN, 'conn_9');
    const rotated = createKeyRing(keyB, [keyA]);
    expect(needsReencryption(rotated, old)).toBe(true);
    const moved = reencryptSecret(rotated, old, 'conn_9');
    expect(moved.keyId).toBe(keyIdOf(keyB));
    expect(needsReencryption(rotated, moved)).toBe(false);
    expect(decryptSecret(createKeyRing(keyB), moved, 'conn_9')).toBe(PLAIN);
    expect(() => reencryptSecret(rotated, old, 'conn_10')).toThrow(SecretUnreadableError);
  });
});

describe('keyHint', () => {
  it.each([
    ['sk-proj-abcdefghijklmnop1234', '…1234'],
    ['  sk-ant-api03-xyzxyzxyzxyzWXYZ  ', '…WXYZ'],
    ['AIzaSyA-1234567890abcdefghijklmn', '…klmn'],
    ['123456789012', '…9012'],
    ['12345678901', '…'],
    ['abcd', '…'],
    ['', '…'],
  ])('keyHint(%j) = %j', (key, hint) => {
    expect(keyHint(key)).toBe(hint);
    expect(hint.replace('…', '').length).toBeLessThanOrEqual(4);
  });
});
