import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

// `Retry-After: 0` (or an HTTP date in the past) means "retry now": the node's normal backoff
// applies and the retry happens — it must not turn into no retry at all.
describe('Retry-After from a service', () => {
  let web: HttpFixture;
  let t: TestServer;
  let api: ReturnType<TestServer['api']>;
  const calls = { now: 0, past: 0 };

  beforeAll(async () => {
    web = await startHttpFixture({
      'GET /now': () => (++calls.now === 1 ? { status: 503, headers: { 'retry-after': '0' }, text: 'busy' } : { json: { ok: 'now' } }),
      'GET /past': () =>
        ++calls.past === 1
          ? { status: 429, headers: { 'retry-after': new Date(Date.now() - 60_000).toUTCString() }, text: 'slow down' }
          : { json: { ok: 'past' } },
    });
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: web.host } });
    api = t.api();
    await api.signup();
  });
  afterAll(async () => {
    await t?.close();
    await web?.close();
  });

  it.each(['now', 'past'] as const)('retries after Retry-After %s with the node backoff, and succeeds', async (path) => {
    const settings = { retry: { maxAttempts: 3, initialIntervalMs: 300, backoffCoefficient: 2, maximumIntervalMs: 5_000 } };
    const graph = {
      nodes: [
        { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
        { id: 'get', type: 'source.http', params: { url: `${web.url}/${path}` }, position: { x: 0, y: 0 }, settings },
      ],
      edges: [{ id: 'e', source: 'in', target: 'get' }],
    };
    const bot = await api.post('/api/bots', { name: `Retry ${path}`, graph });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const run = await api.waitForRun((await api.post(`/api/bots/${bot.body.id}/runs`, { input: {} })).body.runId);
    const get = run.nodes.find((n: { nodeId: string }) => n.nodeId === 'get');
    expect({ status: run.status, attempts: get.attempts }, JSON.stringify(get.error)).toEqual({ status: 'succeeded', attempts: 2 });
    expect(get.output.body).toEqual({ ok: path });
  });
});
