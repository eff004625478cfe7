import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startTestServer, type TestServer } from './testing/harness';
import { apiClient } from './testing/client';

// Disabled nodes (`node.disabled`) on the real Temporal dev server, through the public API: a
// disabled node is not run (no LLM call), is recorded as skipped with NODE_DISABLED, passes its one
// input on to the nodes after it, and with several inputs leaves them to the join rule.

type Api = ReturnType<typeof apiClient>;
const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  params,
  position: pos,
  ...extra,
});
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });
const nodesOf = (r: { nodes: { nodeId: string }[] }) => Object.fromEntries(r.nodes.map((n: any) => [n.nodeId, n]));

describe('disabled nodes on Temporal', () => {
  const key = canary('sk-disabled');
  let fake: FakeProviderServer;
  let t: TestServer;
  let api: Api;
  let connectionId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [key] });
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
    api = t.api();
    await api.signup();
    const c = await api.post('/api/llm-connections', {
      provider: 'other',
      name: 'Fake',
      apiKey: key,
      baseUrl: fake.url,
      modelDefault: 'fake-1',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    connectionId = c.body.id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  async function createBot(graph: unknown) {
    const r = await api.post('/api/bots', { name: 'Disabled test', graph, llmConnectionId: connectionId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }
  async function run(botId: string, input?: unknown) {
    const r = await api.post(`/api/bots/${botId}/runs`, { input });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return api.waitForRun(r.body.runId);
  }

  it('makes no LLM call for a disabled LLM node and passes its input on to the node after it', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('greet', 'transform.template', { template: 'Hello {{ input.name }}' }),
        node('ask', 'llm.chat', { purpose: 'draft', prompt: 'Rewrite: {{ nodes.greet.output }}' }, { disabled: true }),
        // Reads the disabled node by connection and by reference: both get what it was given.
        node('after', 'transform.template', { template: 'Got: {{ nodes.ask.output }}' }),
      ],
      edges: [edge('in', 'greet'), edge('greet', 'ask'), edge('ask', 'after')],
    });
    const calls = fake.requests.length;
    const r = await run(bot, { name: 'Ann' });
    expect(r.status, JSON.stringify(r)).toBe('succeeded');
    expect(fake.requests.length).toBe(calls);
    const n = nodesOf(r);
    expect(n.ask).toMatchObject({ status: 'skipped', error: { code: 'NODE_DISABLED' } });
    expect(n.after).toMatchObject({ status: 'succeeded', output: 'Got: Hello Ann' });

    // Enabled again, the same graph calls the provider.
    const saved = await api.get(`/api/bots/${bot}`);
    const graph = saved.body.graph;
    graph.nodes = graph.nodes.map((x: any) => ({ ...x, disabled: x.id === 'ask' ? false : x.disabled }));
    const put = await api.patch(`/api/bots/${bot}`, { graph });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const again = await run(bot, { name: 'Ann' });
    expect(again.status).toBe('succeeded');
    expect(fake.requests.length).toBe(calls + 1);
    expect(nodesOf(again).ask.status).toBe('succeeded');
  });

  it('saves a disabled node whose params are unfinished, and skips what only it feeds when it has several inputs', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('a', 'transform.template', { template: 'a' }),
        node('b', 'transform.template', { template: 'b' }),
        // An empty prompt would be refused on an enabled node.
        node('both', 'llm.chat', { purpose: 'x', prompt: '' }, { disabled: true }),
        node('after', 'transform.template', { template: 'after' }),
        node('other', 'transform.template', { template: 'other' }),
      ],
      edges: [edge('in', 'a'), edge('in', 'b'), edge('a', 'both'), edge('b', 'both'), edge('both', 'after'), edge('a', 'other')],
    });
    const r = await run(bot);
    expect(r.status, JSON.stringify(r)).toBe('succeeded');
    const n = nodesOf(r);
    expect(n.both).toMatchObject({ status: 'skipped', error: { code: 'NODE_DISABLED' } });
    expect(n.after.status).toBe('skipped');
    expect(n.other).toMatchObject({ status: 'succeeded', output: 'other' });
  });

  it('refuses a disabled trigger with a clear 422', async () => {
    const r = await api.post('/api/bots', {
      name: 'Disabled trigger',
      graph: { nodes: [node('in', 'source.manual', {}, { disabled: true })], edges: [] },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details[0]).toMatchObject({ nodeId: 'in', code: 'DISABLED_NOT_ALLOWED' });
  });
});
