import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { apiClient } from './testing/client';
import { llmBotGraph } from './testing/graphs';
import { startTestServer, type TestServer } from './testing/harness';

const usage = { inputTokens: 1000, outputTokens: 100, cachedTokens: 200 };

// What each call costs, through the real app: the provider's fake reports usage (with cached
// tokens) in its own wire format, the worker prices the call when it is made, and the API shows
// the cost on the node, the run and the usage roll-ups.
describe('the cost of LLM calls', () => {
  let fakes: Record<'openai' | 'anthropic' | 'google', FakeProviderServer>;
  let t: TestServer;
  const api = () => apiClient(t.server.url);
  let a: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    fakes = {
      openai: await startFakeOpenAI({ validKeys: ['sk-openai-test-key'] }),
      anthropic: await startFakeAnthropic({ validKeys: ['sk-ant-test-key'] }),
      google: await startFakeGemini({ validKeys: ['google-test-key'] }),
    };
    const hosts = Object.values(fakes)
      .map((f) => `127.0.0.1:${f.port}`)
      .join(',');
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: hosts } });
    a = api();
    await a.signup();
  });
  afterAll(async () => {
    await t?.close();
    for (const f of Object.values(fakes ?? {})) await f.close();
  });

  /** A bot on a new connection, run once with the fake answering `usage`; returns the finished run. */
  async function runOn(provider: keyof typeof fakes, apiKey: string, model: string, prices?: object) {
    const conn = await a.post('/api/llm-connections', {
      provider,
      name: `${provider} ${model}`,
      apiKey,
      baseUrl: fakes[provider].url,
      modelDefault: model,
      ...(prices ? { prices } : {}),
    });
    expect(conn.status).toBe(201);
    const bot = await a.post('/api/bots', { name: `on ${conn.body.name}`, graph: llmBotGraph(conn.body.id) });
    fakes[provider].enqueue({ reply: 'priced', usage });
    const run = await a.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' }, wait: 30 });
    expect([run.status, run.body.status]).toEqual([200, 'succeeded']);
    return { run: run.body, conn: conn.body, bot: bot.body };
  }
  const llmNode = (run: { nodes: { nodeId: string }[] }) => run.nodes.find((n) => n.nodeId === 'llm') as any;

  it('prices each provider’s call with cached input at its own rate, on the node and the run', async () => {
    // 800 uncached × 0.15 + 200 cached × 0.075 + 100 out × 0.6, per million.
    const o = await runOn('openai', 'sk-openai-test-key', 'gpt-4o-mini');
    expect(llmNode(o.run)).toMatchObject({
      usage: { inputTokens: 1000, outputTokens: 100, cachedTokens: 200 },
      price: { inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075, source: '@pydantic/genai-prices@0.1.8' },
    });
    expect(llmNode(o.run).costUsd).toBeCloseTo(0.000195, 10);
    expect(o.run.costUsd).toBeCloseTo(0.000195, 10);
    expect(o.run.nodes.find((n: { nodeId: string }) => n.nodeId === 'out').costUsd).toBeNull();

    // Anthropic reports cache reads beside input_tokens: 1 000 uncached × 3 + 200 × 0.3 + 100 × 15.
    const an = await runOn('anthropic', 'sk-ant-test-key', 'claude-sonnet-4-5');
    expect(llmNode(an.run).usage).toEqual({ inputTokens: 1200, outputTokens: 100, cachedTokens: 200 });
    expect(an.run.costUsd).toBeCloseTo(0.00456, 10);

    // Gemini counts cached tokens inside promptTokenCount: 800 × 0.3 + 200 × 0.03 + 100 × 2.5.
    const g = await runOn('google', 'google-test-key', 'gemini-2.5-flash');
    expect(g.run.costUsd).toBeCloseTo(0.000496, 10);

    // The runs list carries each run's cost too.
    const listed = await a.get(`/api/bots/${an.bot.id}/runs`);
    expect(listed.body.runs[0].costUsd).toBeCloseTo(0.00456, 10);
  });

  it('uses a connection’s own price over the price data, and prices unknown models at 0, flagged unpriced', async () => {
    const own = await runOn('openai', 'sk-openai-test-key', 'gpt-4o-mini', { 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 } });
    expect(llmNode(own.run).price).toEqual({ inputPerMTok: 1, outputPerMTok: 2, source: 'connection' });
    // 1 000 × 1 + 100 × 2 per million (no cached rate of its own: cached input at the input rate).
    expect(own.run.costUsd).toBeCloseTo(0.0012, 10);
    expect(own.conn.prices).toEqual({ 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 } });

    const unknown = await runOn('openai', 'sk-openai-test-key', 'gpt-from-the-future');
    expect(llmNode(unknown.run).price).toEqual({ inputPerMTok: 0, outputPerMTok: 0, source: 'unpriced' });
    expect(unknown.run.costUsd).toBe(0);
    // Lists say so too: its $0 is not a real $0.
    expect(unknown.run.unpricedCalls).toBe(1);
    expect(own.run.unpricedCalls).toBe(0);
    const listedUnknown = (await a.get(`/api/bots/${unknown.run.botId}/runs`)).body.runs[0];
    expect(listedUnknown).toMatchObject({ costUsd: 0, unpricedCalls: 1 });

    // Prices set later apply to later calls only: history is never rewritten.
    const changed = await a.patch(`/api/llm-connections/${unknown.conn.id}`, {
      prices: { 'gpt-from-the-future': { inputPerMTok: 10, outputPerMTok: 10 } },
    });
    expect(changed.status).toBe(200);
    expect((await a.get(`/api/runs/${unknown.run.id}`)).body.costUsd).toBe(0);
  });

  it('counts a call the provider billed although the node failed (JSON that does not parse)', async () => {
    const conn = await a.post('/api/llm-connections', {
      provider: 'openai',
      name: 'json',
      apiKey: 'sk-openai-test-key',
      baseUrl: fakes.openai.url,
      modelDefault: 'gpt-4o-mini',
    });
    const graph = llmBotGraph(conn.body.id);
    (graph.nodes[1]!.params as Record<string, unknown>).json = true;
    const bot = await a.post('/api/bots', { name: 'wants json', graph });
    fakes.openai.enqueue({ reply: 'this is not json', usage });
    const run = await a.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' }, wait: 30 });
    expect(run.body.status).toBe('failed');
    const node = llmNode(run.body);
    expect(node.error.code).toBe('INVALID_JSON');
    expect(node.costUsd).toBeCloseTo(0.000195, 10);
    expect(run.body.costUsd).toBeCloseTo(0.000195, 10);
  });

  it('rolls usage up per connection, model, bot, member and day for the current month', async () => {
    const byConnection = (await a.get('/api/usage?groupBy=connection')).body;
    expect(byConnection.rows).toHaveLength(6);
    expect(byConnection.total.costUsd).toBeCloseTo(0.000195 * 2 + 0.00456 + 0.000496 + 0.0012, 10);
    expect(byConnection.total).toMatchObject({ runs: 6, calls: 6, outputTokens: 600 });
    expect(byConnection.rows[0]).toMatchObject({ label: 'anthropic claude-sonnet-4-5' });
    const byModel = (await a.get('/api/usage?groupBy=model')).body.rows.map((r: { key: string; runs: number }) => [r.key, r.runs]);
    expect(byModel).toEqual(
      expect.arrayContaining([
        ['gpt-4o-mini', 3],
        ['claude-sonnet-4-5', 1],
      ]),
    );
    const unpricedRow = (await a.get('/api/usage?groupBy=model')).body.rows.find((r: { key: string }) => r.key === 'gpt-from-the-future');
    expect(unpricedRow).toMatchObject({ calls: 1, unpricedCalls: 1, costUsd: 0 });
    const byDay = (await a.get('/api/usage?groupBy=day')).body;
    const today = new Date().toISOString().slice(0, 10);
    expect(byDay.rows.map((r: { key: string }) => r.key)).toEqual([today]);
    expect(byDay.total.unpricedCalls).toBe(1);

    // Each day split by model in one roll-up: the parts add up to the day, and a run counts once in the total.
    const split = (await a.get('/api/usage?groupBy=day&series=model')).body;
    expect(split.rows.every((r: { key: string }) => r.key === today)).toBe(true);
    const parts = split.rows.map((r: { series: string; runs: number }) => [r.series, r.runs]);
    expect(parts).toEqual(
      expect.arrayContaining([
        ['gpt-4o-mini', 3],
        ['claude-sonnet-4-5', 1],
        ['gpt-from-the-future', 1],
      ]),
    );
    const sum = split.rows.reduce((n: number, r: { costUsd: number }) => n + r.costUsd, 0);
    expect(sum).toBeCloseTo(byDay.rows[0].costUsd, 10);
    expect(split.total).toEqual(byDay.total);
    const byBotSeries = (await a.get('/api/usage?groupBy=day&series=bot')).body.rows;
    expect(byBotSeries.every((r: { seriesLabel: string | null }) => typeof r.seriesLabel === 'string')).toBe(true);
    expect((await a.get('/api/usage?groupBy=bot&series=model')).status).toBe(400);
    expect((await a.get('/api/usage?groupBy=member')).body.rows).toHaveLength(1);
    const past = (await a.get('/api/usage?from=2020-01-01&to=2020-02-01')).body;
    expect([past.rows, past.total.costUsd]).toEqual([[], 0]);
    expect((await a.get('/api/usage?from=2020-02-01&to=2020-01-01')).status).toBe(400);
    expect((await a.get('/api/usage?groupBy=planet')).status).toBe(400);
  });

  it('serves the dated price table', async () => {
    const prices = (await a.get('/api/prices')).body;
    expect(prices).toMatchObject({ asOf: '2026-09-23', source: '@pydantic/genai-prices@0.1.8' });
    expect(prices.models).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: 'openai', model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 }),
      ]),
    );
  });
});
