import { decryptSecret, type KeyRing } from '@bm/secrets';
import type { LlmConnectionRecord } from './call-llm';

/**
 * The `decrypt` dependency of createLlmService for connections sealed with @bm/secrets: the row id
 * is the additional authenticated data, so a key copied to another row does not open.
 * Returns undefined when the connection stores no key (a keyless local server).
 */
export function connectionKeyDecrypter(ring: KeyRing): (rec: LlmConnectionRecord) => string | undefined {
  return (rec) => {
    if (!rec.apiKeyEncrypted) return undefined;
    return decryptSecret(ring, { ciphertext: rec.apiKeyEncrypted, keyId: rec.keyId ?? '', nonce: rec.keyNonce ?? '' }, rec.id);
  };
}
