// The web app as a user gets it, for the editor benchmark: the production build of apps/web (built
// into the bench's own scratch folder) served by the embedded server, and Debian's Chromium driving it.
// Built by path, not imported: bench may start apps/server, but nothing imports apps/web.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '@bm/server';
import { CHROMIUM_FLAGS, chromiumPath } from '@bm/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from './process';

export interface WebApp {
  url: string;
  context: BrowserContext;
  page: Page;
  browserVersion: string;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startWebApp(opts: { env: Record<string, string>; viewport: { width: number; height: number } }): Promise<WebApp> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-bench-editor-'));
  const webRoot = path.join(repoRoot, 'apps', 'web');
  const webDist = path.join(tmp, 'dist');
  await build({
    root: webRoot,
    configFile: path.join(webRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    // BENCH_EDITOR_MINIFY=0 keeps function names, for readable CPU profiles.
    build: { outDir: webDist, emptyOutDir: true, sourcemap: false, minify: process.env.BENCH_EDITOR_MINIFY !== '0' },
  });
  const server = await startServer({
    port: 0,
    dataDir: path.join(tmp, 'data'),
    temporalAddress: process.env.BM_TEST_TEMPORAL_ADDRESS || undefined,
    webDist,
    env: { TEMPORAL_TASK_QUEUE: `bench-editor-${Math.random().toString(36).slice(2, 8)}`, LOG_LEVEL: 'silent', ...opts.env },
  });
  const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, '--lang=en-US'],
    locale: 'en-US',
    viewport: opts.viewport,
  });
  // tsx compiles the bench with esbuild's keepNames, which wraps named functions in __name(…):
  // functions sent into the page with page.evaluate need it there too.
  await context.addInitScript('window.__name = (f) => f');
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const browserVersion = context.browser()?.version() ?? 'unknown';
  return {
    url: server.url,
    context,
    page,
    browserVersion,
    consoleErrors,
    async close() {
      await context.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
