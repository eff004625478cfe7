import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPrivatePostgres } from '@bm/db/testing';
import { canary, openAIResponses, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startTemporalDevServer } from './dev-server';
import { startTestServer, type TestServer } from './testing/harness';

// A database or Temporal blip is waited out, not turned into failed runs: the real PostgreSQL
// server is stopped for 20 s, and the real Temporal dev server for 30 s, while runs are in flight.
// Every run must complete, each node recorded once, the LLM provider called once per LLM node —
// a node whose work already happened keeps its result while only the recording is retried.

const pos = { x: 0, y: 0 };
const graph = {
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: pos },
    { id: 'ask', type: 'llm.chat', params: { purpose: 'analyze', prompt: 'Summarise {{ input.n }}' }, position: pos },
    { id: 'tpl', type: 'transform.template', params: { template: 'Run {{ input.n }}: {{ nodes.ask.output.text }}' }, position: pos },
    { id: 'save', type: 'output.results', params: { title: 'n={{ input.n }}', content: '{{ nodes.tpl.output }}' }, position: pos },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'ask' },
    { id: 'e2', source: 'ask', target: 'tpl' },
    { id: 'e3', source: 'tpl', target: 'save' },
  ],
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function prepare(t: TestServer, fake: FakeProviderServer, key: string) {
  const api = t.api();
  await api.signup();
  const c = await api.post('/api/llm-connections', {
    provider: 'other',
    name: 'Fake',
    apiKey: key,
    baseUrl: fake.url,
    modelDefault: 'fake-1',
  });
  const bot = await api.post('/api/bots', { name: 'Outage', graph, llmConnectionId: c.body.id });
  expect(bot.status, JSON.stringify(bot.body)).toBe(201);
  return { api, botId: bot.body.id as string };
}

async function expectAllCompletedOnce(
  t: TestServer,
  fake: FakeProviderServer,
  api: TestServer['api'] extends () => infer A ? A : never,
  runIds: string[],
  logs: string[] = [],
) {
  const runs = await Promise.all(runIds.map((id) => api.waitForRun(id, 240_000)));
  const bad = runs
    .filter((r) => r.status !== 'succeeded')
    .map((r) => ({
      status: r.status,
      error: r.error,
      nodes: r.nodes.map((n: { nodeId: string; status: string; error: unknown }) => [n.nodeId, n.status, n.error]),
    }));
  // On a failure, the server log's database errors say what the run met.
  expect(
    bad,
    JSON.stringify(bad) +
      logs
        .filter((l) => l.includes('database error'))
        .slice(0, 3)
        .join('\n'),
  ).toEqual([]);
  for (const r of runs)
    expect(r.nodes.map((n: { nodeId: string; status: string }) => `${n.nodeId}:${n.status}`)).toEqual([
      'in:succeeded',
      'ask:succeeded',
      'tpl:succeeded',
      'save:succeeded',
    ]);
  // Each node recorded once, each LLM node's call made once, one result per run.
  const { prisma } = t.server.services.db;
  expect(await prisma.nodeRun.count({ where: { runId: { in: runIds } } })).toBe(runIds.length * 4);
  expect(fake.requests.filter((q) => q.path.endsWith('/chat/completions'))).toHaveLength(runIds.length);
  expect(await prisma.result.count({ where: { runId: { in: runIds } } })).toBe(runIds.length);
  return runs;
}

describe('infrastructure outages during runs', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    // After an outage a close can stall (a worker finishing a poll against a server that was away);
    // the runs were checked already, so cleanup is bounded rather than failing the suite.
    for (const close of closers.reverse()) await Promise.race([close().catch(() => {}), sleep(20_000)]);
  }, 300_000);

  it('PostgreSQL stopped for 20 s with 50 runs in flight: every run completes, nothing is done twice', async () => {
    const key = canary('sk-outage');
    const fake = await startFakeOpenAI({ validKeys: [key] });
    closers.push(() => fake.close());
    const pg = await startPrivatePostgres();
    closers.push(() => pg.close());
    const logs: string[] = [];
    const t = await startTestServer({
      databaseUrl: pg.url,
      env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}`, LOG_LEVEL: 'info' },
      logDestination: { write: (l) => void logs.push(l) },
    });
    closers.push(() => t.close());
    const { api, botId } = await prepare(t, fake, key);

    // Slow answers keep the LLM calls in flight when the database goes away.
    fake.enqueue(...Array.from({ length: 50 }, () => openAIResponses.slow(3_000)));
    const started = await Promise.all(Array.from({ length: 50 }, (_, n) => api.post(`/api/bots/${botId}/runs`, { input: { n } })));
    expect(started.map((s) => s.status)).toEqual(started.map(() => 202));
    const runIds = started.map((s) => s.body.runId as string);
    for (let i = 0; i < 100 && fake.requests.length < 10; i++) await sleep(100);

    await pg.stop();
    // Meanwhile the API says what is wrong, quickly and without internals.
    const refused = await api.post(`/api/bots/${botId}/runs`, { input: { n: -1 } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('DB_UNAVAILABLE');
    expect(JSON.stringify(refused.body)).not.toMatch(/prisma|invocation|\.ts:\d/i);
    await sleep(20_000);
    await pg.start();

    const runs = await expectAllCompletedOnce(t, fake, api, runIds, logs);
    expect(JSON.stringify(runs)).not.toMatch(/prisma|invocation/i);
  }, 420_000);

  it('Temporal stopped for 30 s mid-run: workers and the API reconnect, every run completes once', async () => {
    const key = canary('sk-temporal-outage');
    const fake = await startFakeOpenAI({ validKeys: [key] });
    closers.push(() => fake.close());
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'bm-temporal-')), 'temporal.db');
    let dev = await startTemporalDevServer({ dbFile, cli: process.env.BM_TEST_TEMPORAL_CLI });
    closers.push(() => dev.stop());
    const port = Number(dev.address.split(':')[1]);
    const t = await startTestServer({ temporalAddress: dev.address, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
    closers.push(() => t.close());
    const { api, botId } = await prepare(t, fake, key);

    fake.enqueue(...Array.from({ length: 12 }, () => openAIResponses.slow(4_000)));
    const started = await Promise.all(Array.from({ length: 12 }, (_, n) => api.post(`/api/bots/${botId}/runs`, { input: { n } })));
    const runIds = started.map((s) => s.body.runId as string);
    for (let i = 0; i < 100 && fake.requests.length < 6; i++) await sleep(100);

    await dev.stop();
    await sleep(30_000);
    dev = await startTemporalDevServer({ dbFile, port, cli: process.env.BM_TEST_TEMPORAL_CLI });
    closers.push(() => dev.stop());

    await expectAllCompletedOnce(t, fake, api, runIds);
    // And the API starts new runs again once Temporal is back.
    fake.enqueue(openAIResponses.slow(10));
    const again = await api.post(`/api/bots/${botId}/runs`, { input: { n: 99 } });
    expect(again.status).toBe(202);
    expect((await api.waitForRun(again.body.runId, 120_000)).status).toBe('succeeded');
  }, 420_000);
});
