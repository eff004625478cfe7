import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The standalone process entries (`start:api`, `start:worker`) load, and refuse the embedded
// database with a message that says what to do (they share PostgreSQL and a Temporal cluster).
describe('standalone process entries', () => {
  it.each([
    ['main-api.ts', 'A standalone API process needs DATABASE_URL'],
    ['main-worker.ts', 'A standalone worker needs DATABASE_URL'],
  ])('%s exits 2 without DATABASE_URL and TEMPORAL_ADDRESS', (entry, says) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, entry)], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toContain(says);
    expect(r.status).toBe(2);
  });
});
