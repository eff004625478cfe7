// `pnpm --filter @bm/server rotate-keys`: re-encrypt every stored provider key under a new master key.
import { loadConfig } from './config';
import { rotateStoredKeys } from './rotate-stored-keys';
import { lockDataDir } from './data-dir-lock';

try {
  const config = loadConfig();
  // The embedded database belongs to one process: refuse while the app is running on it.
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const r = await rotateStoredKeys(config);
    console.log(`Master key ${r.newKeyId} is now current; re-encrypted ${r.reencrypted} of ${r.total} stored provider keys.`);
  } finally {
    unlock();
  }
} catch (err) {
  console.error(`Key rotation failed: ${(err as Error).message}.`);
  process.exit(1);
}
