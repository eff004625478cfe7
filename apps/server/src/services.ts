import { applyMigrations, createRepositories, migrateStoredCredentials, openDatabase } from '@bm/db';
import { seedGallery } from '@bm/api/gallery';
import { connectionKeyDecrypter, createLlmService } from '@bm/llm';
import { createGuardedFetch, createOutboundPolicy } from '@bm/net';
import { createLogger, loadKeyRing } from '@bm/secrets';
import type { AppConfig } from './config';
import { prismaLlmStore } from './llm-store';
import { secretResolver } from './secret-store';

/** Far above any real completion or model list, far below what would hurt the process. */
export const MAX_LLM_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Everything the API and the worker share, built once per process: the database (migrated),
 * repositories, the master key ring, the outbound guard and the LLM service.
 */
export async function createServices(config: AppConfig, opts: { logDestination?: { write(line: string): void } } = {}) {
  const logger = createLogger({ level: config.logLevel, name: 'bot-manager', destination: opts.logDestination });
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
  // Once per database: credentials typed into node params move into workspace secrets.
  const moved = await migrateStoredCredentials(repos, keyRing);
  if (moved?.secrets) logger.info(moved, 'literal credentials in bots moved into workspace secrets');
  // The built-in templates: seeded on first start, upgraded in place when the app's definitions change.
  const gallery = await seedGallery(repos);
  if (gallery.created || gallery.upgraded || gallery.removed) logger.info(gallery, 'built-in templates seeded');
  const policy = createOutboundPolicy({ allowedPrivateHosts: config.allowedPrivateHosts });
  const fetch = createGuardedFetch(policy);
  // LLM SDKs read whole bodies into memory: a connection's (user-chosen) endpoint must not be able
  // to stream gigabytes into the API or worker process.
  const llmFetch = createGuardedFetch(policy, { maxResponseBytes: MAX_LLM_RESPONSE_BYTES });
  // Keys are decrypted in memory only, inside the call that uses them (row id bound as AAD).
  const llm = createLlmService({ store: prismaLlmStore(repos), decrypt: connectionKeyDecrypter(keyRing), fetch: llmFetch });
  return {
    config,
    logger,
    db,
    repos,
    keyRing,
    /** Workspace secrets, decrypted only inside the node activity that references them. */
    secrets: secretResolver(repos, keyRing),
    policy,
    fetch,
    llm,
    async close() {
      await db.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
