import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { buildApp } from '@bm/api';
import { connectTemporalClient, createRunScheduler } from '@bm/temporal/client';
import { uniqueTaskQueue } from '@bm/temporal/testing';
import { loadConfig } from './config';
import { freePort } from './dev-server';
import { createServices } from './services';
import { testTemporalAddress } from './testing/temporal';
import { apiClient } from './testing/client';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

/** Processes whose command line mentions `needle` (e.g. a data dir), other than this test's own. */
function processesWith(needle: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', needle], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l && !l.includes('pgrep'));
  } catch {
    return [];
  }
}

/** Runs the real entry point (what scripts/start.sh execs) and waits for the URL it prints. */
async function startMain(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, BOT_MANAGER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.TEMPORAL_ADDRESS;
  delete env.DATABASE_URL;
  if (process.env.BM_TEST_TEMPORAL_CLI) env.TEMPORAL_CLI = process.env.BM_TEST_TEMPORAL_CLI;
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 90_000);
    child.stdout.on('data', () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url, output: () => out };
}

const exitOf = (child: ReturnType<typeof spawn>) => new Promise<number | null>((r) => child.once('exit', r));

describe('the embedded app process', () => {
  it('starts its own Temporal dev server, restarts it if it dies, serves health and the UI, and leaves nothing behind on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bm-life-'));
    const { child, url, output } = await startMain(dataDir);

    // The Temporal dev server child persists under the data dir.
    expect(processesWith(path.join(dataDir, 'temporal.db')).length).toBe(1);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok', temporal: 'ok', worker: 'ok' });
    const page = await fetch(`${url}/bots`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    // A second app on the same data directory refuses to start, and the first one is unharmed.
    const env2: NodeJS.ProcessEnv = { ...process.env, BOT_MANAGER_DATA_DIR: dataDir, PORT: '0' };
    delete env2.DATABASE_URL;
    delete env2.TEMPORAL_ADDRESS;
    const second = spawn(process.execPath, ['--import', 'tsx', main], { env: env2, stdio: ['ignore', 'pipe', 'pipe'] });
    let secondOut = '';
    second.stderr.on('data', (d) => (secondOut += d));
    expect(await exitOf(second)).toBe(1);
    expect(secondOut).toMatch(/Another Bot Manager \(pid \d+\) is already using the data directory/);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // The dev server dies on its own: the app restarts it and everything reconnects.
    const [pid] = processesWith(path.join(dataDir, 'temporal.db'))[0]!.split(' ');
    process.kill(Number(pid), 'SIGKILL');
    let back = false;
    for (let i = 0; i < 120 && !back; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const h = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ status: string }>);
      back = h.status === 'ok';
    }
    expect(back, output()).toBe(true);
    expect(processesWith(path.join(dataDir, 'temporal.db'))).toHaveLength(1);
    const api = apiClient(url);
    await api.signup();
    const graph = {
      nodes: [{ id: 't', type: 'transform.template', params: { template: 'still here' }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    const bot = await api.post('/api/bots', { name: 'after restart', graph });
    const run = await api.waitForRun((await api.post(`/api/bots/${bot.body.id}/runs`, {})).body.runId, 60_000);
    expect(run.status).toBe('succeeded');

    child.kill('SIGTERM');
    expect(await exitOf(child), output()).toBe(0);
    expect(processesWith(dataDir)).toEqual([]);
  });

  it('after a SIGKILL, the next start replaces the orphaned Temporal dev server instead of adding one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bm-kill9-'));
    const first = await startMain(dataDir);
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    // Usually the child outlives a SIGKILLed parent (nothing tells it); either way there must never be two.
    const orphan = processesWith(path.join(dataDir, 'temporal.db'));
    expect(orphan.length).toBeLessThanOrEqual(1);

    const second = await startMain(dataDir);
    const now = processesWith(path.join(dataDir, 'temporal.db'));
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(orphan[0]);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child), second.output()).toBe(0);
    expect(processesWith(dataDir)).toEqual([]);
  });
});

describe('GET /api/health', () => {
  it('answers 503 naming the part that is down', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bm-health-'));
    const services = await createServices(loadConfig({ BOT_MANAGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const client = await connectTemporalClient({ address: await testTemporalAddress() });
    try {
      // Temporal is up, but no worker polls this task queue.
      let app = await buildApp({ services, scheduler: createRunScheduler(client, uniqueTaskQueue('health')), webhookUrl: (t) => t });
      let r = await app.inject({ method: 'GET', url: '/api/health' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'degraded', db: 'ok', temporal: 'ok', worker: 'down' });
      expect(r.json().details.worker).toMatch(/no worker/);
      expect(JSON.stringify(r.json())).not.toContain('127.0.0.1');
      await app.close();

      // Temporal unreachable.
      const deadClient = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 }) });
      app = await buildApp({ services, scheduler: createRunScheduler(deadClient), webhookUrl: (t) => t });
      r = await app.inject({ method: 'GET', url: '/api/health' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ db: 'ok', temporal: 'down', worker: 'down' });
      await app.close();

      // Database closed.
      app = await buildApp({ services, scheduler: createRunScheduler(client, uniqueTaskQueue('health')), webhookUrl: (t) => t });
      await services.db.close();
      r = await app.inject({ method: 'GET', url: '/api/health' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ db: 'down' });
      await app.close();
    } finally {
      await client.connection.close();
    }
  });
});
