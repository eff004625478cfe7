import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@bm/api';
import { createTestPostgresDatabase, postgresAvailable } from '@bm/db/testing';
import { connectTemporalClient, createRunScheduler } from '@bm/temporal/client';
import { uniqueTaskQueue } from '@bm/temporal/testing';
import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { loadConfig } from './config';
import { createServices, type Services } from './services';
import { apiClient } from './testing/client';
import { testTemporalAddress } from './testing/temporal';

// Nothing lost: a worker process SIGKILLed mid-node is replaced, and the run finishes with every
// node's result recorded exactly once. Separate API and worker processes share PostgreSQL, as in
// production (PGlite lives inside one process, so this needs the PostgreSQL the suite starts).
if (process.env.CI && !postgresAvailable()) throw new Error('CI must provide PostgreSQL (BM_TEST_PG_ADMIN_URL)');

const workerMain = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'main-worker.ts');

describe.runIf(postgresAvailable())('a worker killed mid-run', () => {
  let env: Record<string, string>;
  let services: Services;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let closeClient: () => Promise<void>;
  let web: HttpFixture;
  let dropDb: () => Promise<void>;
  const workers: ChildProcess[] = [];
  let url = '';

  function startWorker() {
    const child = spawn(process.execPath, ['--import', 'tsx', workerMain], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code, signal) => {
      if (code && code !== 0) console.error(`worker exited ${code} ${signal}: ${out.slice(-3000)}`);
    });
    workers.push(child);
    return child;
  }

  async function waitForWorker(api: ReturnType<typeof apiClient>) {
    for (let i = 0; i < 200; i++) {
      const h = await api.get('/api/health');
      if (h.body.worker === 'ok') return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('no worker came up');
  }

  beforeAll(async () => {
    web = await startHttpFixture({ 'GET /slow': { json: { value: 42 }, delayMs: 4000 } });
    const db = await createTestPostgresDatabase('kill');
    dropDb = db.drop;
    env = {
      DATABASE_URL: db.url,
      BOT_MANAGER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bm-kill-')),
      BOT_MANAGER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TEMPORAL_ADDRESS: await testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('kill'),
      BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${web.port}`,
      LOG_LEVEL: 'warn',
    };
    const config = loadConfig({ ...process.env, ...env, PORT: '0', LOG_LEVEL: 'silent' });
    services = await createServices(config);
    const client = await connectTemporalClient({ address: env.TEMPORAL_ADDRESS!, namespace: 'default' });
    closeClient = () => client.connection.close();
    app = await buildApp({ services, scheduler: createRunScheduler(client, config.taskQueue), webhookUrl: (t) => `${url}/api/hooks/${t}` });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await app?.close();
    await closeClient?.();
    await services?.close();
    await web?.close();
    await dropDb?.();
  });

  const graph = () => ({
    nodes: [
      { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
      { id: 'slow', type: 'source.http', params: { url: `${web.url}/slow` }, position: { x: 1, y: 0 } },
      { id: 'out', type: 'output.results', params: { content: 'value={{ nodes.slow.output.body.value }}' }, position: { x: 2, y: 0 } },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'slow' },
      { id: 'b', source: 'slow', target: 'out' },
    ],
  });
  let api: ReturnType<typeof apiClient>;
  let cancelledRunId = '';

  it('accepts a cancel while no worker is running; the run never starts', async () => {
    api = apiClient(url);
    await api.signup();
    const bot = await api.post('/api/bots', { name: 'Never', graph: graph() });
    cancelledRunId = (await api.post(`/api/bots/${bot.body.id}/runs`, {})).body.runId;
    expect((await api.get(`/api/runs/${cancelledRunId}`)).body.status).toBe('queued');
    expect((await api.post(`/api/runs/${cancelledRunId}/cancel`)).status).toBe(202);
  });

  it('finishes the run on a new worker with each node recorded exactly once', async () => {
    startWorker();
    await waitForWorker(api);
    const bot = await api.post('/api/bots', {
      name: 'Survivor',
      graph: graph(),
    });
    expect(bot.status).toBe(201);
    const { runId } = (await api.post(`/api/bots/${bot.body.id}/runs`, { input: { n: 1 } })).body;

    // Kill the worker while the slow node is in flight.
    for (let i = 0; i < 200 && web.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(web.requests).toHaveLength(1);
    workers[0]!.kill('SIGKILL');
    await new Promise((r) => workers[0]!.once('exit', r));

    startWorker();
    const run = await api.waitForRun(runId, 90_000);
    expect(run.status, JSON.stringify(run.nodes)).toBe('succeeded');
    const byId = Object.fromEntries(run.nodes.map((n: any) => [n.nodeId, n]));
    expect(byId.slow.attempts).toBe(2);
    expect(byId.in.attempts).toBe(1);
    expect(byId.out.output).toBeDefined();
    expect(web.requests).toHaveLength(2);

    expect(byId.out.attempts).toBe(1);
    const results = await api.get(`/api/bots/${bot.body.id}/results`);
    expect(results.body.results).toHaveLength(1);
    expect(results.body.results[0].content).toBe('value=42');

    // The run cancelled while no worker ran ended cancelled, and none of its nodes did anything.
    const cancelled = await api.waitForRun(cancelledRunId, 30_000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.nodes.map((n: any) => n.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  }, 150_000);
});
