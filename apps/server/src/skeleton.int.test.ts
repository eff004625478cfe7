import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { dbTargets, startTestServer, type TestServer } from './testing/harness';

// The walking skeleton through the public API: source.manual → llm.chat → transform.template →
// output.results, the LLM node calling a loopback OpenAI-compatible fake through the real SDK,
// executed by the real worker on a real Temporal dev server. Runs on PGlite and on PostgreSQL.

const graph = {
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
    {
      id: 'llm',
      type: 'llm.chat',
      params: { purpose: 'analyze', system: 'You are terse.', prompt: 'Summarise: {{ input.text }}' },
      position: { x: 200, y: 0 },
    },
    { id: 'tpl', type: 'transform.template', params: { template: 'Summary: {{ nodes.llm.output.text }}' }, position: { x: 400, y: 0 } },
    {
      id: 'out',
      type: 'output.results',
      params: { title: 'Daily summary', content: '{{ nodes.tpl.output }}' },
      position: { x: 600, y: 0 },
    },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'llm' },
    { id: 'e2', source: 'llm', target: 'tpl' },
    { id: 'e3', source: 'tpl', target: 'out' },
  ],
};

describe.each(dbTargets())('walking skeleton on %s', (target) => {
  let fake: FakeProviderServer;
  let t: TestServer;
  const key = canary('sk-skeleton');

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    t = await startTestServer({ target, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
  });

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('runs a bot end to end and records every node output and the result', async () => {
    const api = t.api();
    await api.signup();

    const conn = await api.post('/api/llm-connections', {
      provider: 'other',
      name: 'Loopback fake',
      apiKey: key,
      baseUrl: fake.url,
      modelDefault: 'fake-model-1',
    });
    expect(conn.status).toBe(201);
    expect(JSON.stringify(conn.body)).not.toContain(key);

    const bot = await api.post('/api/bots', { name: 'Skeleton', graph, llmConnectionId: conn.body.id });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    expect(bot.body.version).toBe(1);

    const started = await api.post(`/api/bots/${bot.body.id}/runs`, { input: { text: 'the quick brown fox' } });
    expect(started.status).toBe(202);
    const run = await api.waitForRun(started.body.runId);
    expect(run.status, JSON.stringify(run)).toBe('succeeded');

    const byId = Object.fromEntries(run.nodes.map((n: any) => [n.nodeId, n]));
    expect(Object.values(byId).map((n: any) => n.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(byId.in.output).toEqual({ text: 'the quick brown fox' });
    expect(byId.llm.output.model).toBe('fake-model-1');
    expect(byId.llm.output.text).toContain('Summarise: the quick brown fox');
    expect(byId.llm.usage.inputTokens).toBeGreaterThan(0);
    expect(byId.tpl.output).toBe(`Summary: ${byId.llm.output.text}`);

    // The provider got the user's prompt and the user's own key, through the real SDK.
    const call = fake.requests.find((r) => r.path.endsWith('/chat/completions'));
    expect(JSON.stringify(call?.body)).toContain('Summarise: the quick brown fox');
    expect(fake.lastApiKey).toBe(key);

    const results = await api.get(`/api/bots/${bot.body.id}/results`);
    expect(results.status).toBe(200);
    expect(results.body.results).toHaveLength(1);
    expect(results.body.results[0]).toMatchObject({ runId: run.id, title: 'Daily summary', content: byId.tpl.output });

    const health = await api.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok', worker: 'ok' });
  }, 120_000);
});
