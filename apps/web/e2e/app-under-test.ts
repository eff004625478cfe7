// The real app an end-to-end test drives: the web built from source into the test's own folder
// (a shared apps/web/dist would race other tasks that build or serve it), served by the embedded
// server on the suite's Temporal dev server, in a task queue of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@bm/server';
import { startFakeOpenAI } from '@bm/testing';
import { build } from 'vite';
import { openBrowser } from './browser';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function startAppUnderTest(opts: {
  /** The test's scratch folder: the build goes to `<tmp>/dist`, the data to `<tmp>/data`. */
  tmp: string;
  /** Names the task queue (`test-web-<name>-…`). */
  name: string;
  env?: Record<string, string>;
  port?: number;
  mode?: string;
}) {
  const webDist = path.join(opts.tmp, 'dist');
  await build({
    root: webRoot,
    configFile: path.join(webRoot, 'vite.config.ts'),
    mode: opts.mode ?? 'production',
    logLevel: 'warn',
    build: { outDir: webDist, emptyOutDir: true, sourcemap: false },
  });
  return startServer({
    port: opts.port ?? 0,
    dataDir: path.join(opts.tmp, 'data'),
    temporalAddress: process.env.BM_TEST_TEMPORAL_ADDRESS || undefined,
    webDist,
    env: {
      TEMPORAL_TASK_QUEUE: `test-web-${opts.name}-${Math.random().toString(36).slice(2, 8)}`,
      LOG_LEVEL: 'silent',
      ...opts.env,
    },
  });
}

/**
 * A Chromium suite's whole setup: a scratch folder, a fake OpenAI that accepts `key`, the app under
 * test allowed to reach it, and a browser (1280×800 unless told). `close()` undoes all of it.
 */
export async function startAppWithFakeAndBrowser(opts: {
  name: string;
  key: string;
  consoleErrors: string[];
  viewport?: { width: number; height: number };
}) {
  const tmp = mkdtempSync(path.join(tmpdir(), `bm-web-${opts.name}-`));
  const fake = await startFakeOpenAI({ validKeys: [opts.key] });
  const server = await startAppUnderTest({ tmp, name: opts.name, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
  const { context, page } = await openBrowser(path.join(tmp, 'chromium-profile'), opts.consoleErrors, {
    viewport: opts.viewport ?? { width: 1280, height: 800 },
  });
  return {
    tmp,
    fake,
    server,
    context,
    page,
    async close() {
      await context.close();
      await server.close();
      await fake.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
