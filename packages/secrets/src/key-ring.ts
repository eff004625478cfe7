import { createHash } from 'node:crypto';
import { MasterKeyError } from './errors';

export const MASTER_KEY_BYTES = 32;

/**
 * The master keys one process can use: the current one encrypts, all of them decrypt. The object
 * itself holds only ids, so logging or serialising a ring never leaks key material; the keys live
 * in a module-private WeakMap.
 */
export interface KeyRing {
  readonly currentKeyId: string;
  /** Every key id this ring can decrypt, current first. */
  readonly keyIds: readonly string[];
}

const material = new WeakMap<KeyRing, ReadonlyMap<string, Buffer>>();

/** First 16 hex chars of SHA-256 of the key: stable, not secret, identifies the key in stored rows. */
export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Builds a ring from raw 32-byte keys (duplicates are ignored). Useful for tests of other packages. */
export function createKeyRing(current: Uint8Array, previous: readonly Uint8Array[] = []): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...previous]) {
    if (k.byteLength !== MASTER_KEY_BYTES) throw new MasterKeyError(`A master key must be exactly ${MASTER_KEY_BYTES} bytes.`);
    const id = keyIdOf(k);
    if (!keys.has(id)) keys.set(id, Buffer.from(k));
  }
  const ring: KeyRing = Object.freeze({ currentKeyId: keyIdOf(current), keyIds: Object.freeze([...keys.keys()]) });
  material.set(ring, keys);
  return ring;
}

/** @internal The key bytes for an id, or undefined when the ring does not hold it. */
export function keyBytes(ring: KeyRing, keyId: string): Buffer | undefined {
  return material.get(ring)?.get(keyId);
}
