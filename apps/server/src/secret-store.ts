import type { Repositories } from '@bm/db';
import { decryptSecret, type KeyRing } from '@bm/secrets';

/** The activity's view of workspace secrets: decrypted in memory for one node run (row id bound as AAD). */
export function secretResolver(repos: Repositories, ring: KeyRing) {
  return {
    async resolve(workspaceId: string, names: string[]): Promise<Record<string, string>> {
      const rows = await repos.secrets.byNames(workspaceId, names);
      return Object.fromEntries(
        rows.map((r) => [r.name, decryptSecret(ring, { ciphertext: r.valueEncrypted, keyId: r.keyId, nonce: r.keyNonce }, r.id)]),
      );
    },
  };
}
