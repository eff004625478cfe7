import { applyMigrations, createRepositories, openDatabase } from '@bm/db';
import { createLlmService, type LlmConnectionRecord } from '@bm/llm';
import { createGuardedFetch, createOutboundPolicy } from '@bm/net';
import { createLogger, decryptSecret, loadKeyRing } from '@bm/secrets';
import type { AppConfig } from './config';
import { prismaLlmStore } from './llm-store';

/**
 * Everything the API and the worker share, built once per process: the database (migrated),
 * repositories, the master key ring, the outbound guard and the LLM service.
 */
export async function createServices(config: AppConfig) {
  const logger = createLogger({ level: config.logLevel, name: 'bot-manager' });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied } = await applyMigrations(db.raw);
    if (applied.length) logger.info({ applied }, 'database migrations applied');
  } catch (err) {
    await db.close();
    throw err;
  }
  const repos = createRepositories(db);
  const keyRing = await loadKeyRing({ dataDir: config.dataDir, env: config.env });
  const policy = createOutboundPolicy({ allowedPrivateHosts: config.allowedPrivateHosts });
  const fetch = createGuardedFetch(policy);
  // The key is decrypted here, in memory, only inside the call that uses it.
  const decrypt = (rec: LlmConnectionRecord) =>
    rec.apiKeyEncrypted && rec.keyId && rec.keyNonce
      ? decryptSecret(keyRing, { ciphertext: rec.apiKeyEncrypted, keyId: rec.keyId, nonce: rec.keyNonce }, rec.id)
      : undefined;
  const llm = createLlmService({ store: prismaLlmStore(repos), decrypt, fetch });
  return {
    config,
    logger,
    db,
    repos,
    keyRing,
    policy,
    fetch,
    llm,
    async close() {
      await db.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
