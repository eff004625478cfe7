import { applyMigrations, createRepositories, openDatabase } from '@bm/db';
import { loadKeyRing, needsReencryption, reencryptSecret, rotateMasterKey, type SealedSecret } from '@bm/secrets';
import type { AppConfig } from './config';

/**
 * Re-encrypts every stored provider key and workspace secret under the current master key.
 * - Key from the environment: set the new key in BOT_MANAGER_ENCRYPTION_KEY and the old one in
 *   BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS, then run this.
 * - Generated key (data dir): this first generates a new current key, keeping the old one readable.
 * The embedded app holds its PGlite directory open: stop it first.
 */
export async function rotateStoredKeys(config: AppConfig): Promise<{ newKeyId: string; reencrypted: number; total: number }> {
  if (!config.env.BOT_MANAGER_ENCRYPTION_KEY) await rotateMasterKey({ dataDir: config.dataDir, env: config.env });
  const ring = await loadKeyRing({ dataDir: config.dataDir, env: config.env });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await applyMigrations(db.raw);
    const repos = createRepositories(db);
    // Provider keys and workspace secrets, one row at a time: an interruption leaves every row
    // readable under one of the ring's keys.
    const sealedRows = [
      ...(await repos.connections.listSealed()).map((r) => ({
        id: r.id,
        sealed: { ciphertext: r.apiKeyEncrypted!, keyId: r.keyId!, nonce: r.keyNonce! },
        save: (s: SealedSecret) => repos.connections.setSealed(r.id, s),
      })),
      ...(await repos.secrets.listSealed()).map((r) => ({
        id: r.id,
        sealed: { ciphertext: r.valueEncrypted, keyId: r.keyId, nonce: r.keyNonce },
        save: (s: SealedSecret) => repos.secrets.setSealed(r.id, s),
      })),
    ];
    let reencrypted = 0;
    for (const row of sealedRows) {
      if (!needsReencryption(ring, row.sealed)) continue;
      await row.save(reencryptSecret(ring, row.sealed, row.id));
      reencrypted++;
    }
    return { newKeyId: ring.currentKeyId, reencrypted, total: sealedRows.length };
  } finally {
    await db.close();
  }
}
