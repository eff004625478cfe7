// Starts the real embedded server for an integration test: real Temporal (the suite's dev server),
// PGlite in a temp dir or a fresh PostgreSQL database, a task queue of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestPostgresDatabase, postgresAvailable } from '@bm/db/testing';
import { uniqueTaskQueue } from '@bm/temporal/testing';
import { startServer, type RunningServer } from '../index';
import { apiClient } from './client';
import { testTemporalAddress } from './temporal';

export type DbTarget = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when the README test command started one (CI always does). */
export function dbTargets(): DbTarget[] {
  if (process.env.CI && !postgresAvailable()) throw new Error('CI must provide PostgreSQL (BM_TEST_PG_ADMIN_URL)');
  return postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  databaseUrl: string;
  api: () => ReturnType<typeof apiClient>;
  /** `keepData`: leave the data directory for a server started on it next (a restart). */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(
  opts: {
    target?: DbTarget;
    env?: Record<string, string>;
    dataDir?: string;
    databaseUrl?: string;
    taskQueue?: string;
    /** A Temporal server of the test's own (default: the suite's). */
    temporalAddress?: string;
    logDestination?: { write(line: string): void };
  } = {},
): Promise<TestServer> {
  let databaseUrl = opts.databaseUrl ?? '';
  let drop: (() => Promise<void>) | undefined;
  if (opts.target === 'postgres' && !databaseUrl) {
    const db = await createTestPostgresDatabase('it');
    databaseUrl = db.url;
    drop = db.drop;
  }
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bm-it-'));
  const server = await startServer({
    port: 0,
    dataDir,
    temporalAddress: opts.temporalAddress ?? (await testTemporalAddress()),
    logDestination: opts.logDestination,
    env: {
      DATABASE_URL: databaseUrl,
      TEMPORAL_TASK_QUEUE: opts.taskQueue ?? uniqueTaskQueue('it'),
      LOG_LEVEL: opts.logDestination ? 'debug' : 'silent',
      ...opts.env,
    },
  });
  return {
    server,
    dataDir,
    databaseUrl,
    api: () => apiClient(server.url),
    async close(o = {}) {
      await server.close();
      await drop?.();
      // A directory made here goes with the server (each PGlite directory is ~40 MB).
      if (!opts.dataDir && !o.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
