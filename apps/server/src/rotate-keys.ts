// `pnpm --filter @bm/server rotate-keys`: re-encrypt every stored provider key under a new master key.
import { loadConfig, rotateStoredKeys } from '@bm/runtime';

try {
  const r = await rotateStoredKeys(loadConfig());
  console.log(`Master key ${r.newKeyId} is now current; re-encrypted ${r.reencrypted} of ${r.total} stored provider keys.`);
} catch (err) {
  console.error(`Key rotation failed: ${(err as Error).message}`);
  process.exit(1);
}
