import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { dbTargets, startTestServer, type TestServer } from './testing/harness';

// A bot's webhook that waits for its run (issue #15 item 8) on the real Temporal dev server:
// answered with the Respond node's status, headers and body; with the last node's output; 202
// after the timeout; 502 RUN_FAILED when the run fails. PGlite's in-process run event bus and
// PostgreSQL's LISTEN/NOTIFY one both wake the waiting request.

const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: pos });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe.each(dbTargets())('webhook response modes (%s)', (target) => {
  let web: HttpFixture;
  let t: TestServer;
  let api: ReturnType<TestServer['api']>;

  beforeAll(async () => {
    web = await startHttpFixture({
      'GET /slow': { json: { late: true }, delayMs: 6_000 },
      'GET /missing': { status: 404, json: { error: 'nope' } },
    });
    t = await startTestServer({ target, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: web.host } });
    api = t.api();
    await api.signup();
  });
  afterAll(async () => {
    await t?.close();
    await web?.close();
  });

  /** A bot with a webhook that answers in `mode`; returns its id and URL. */
  async function hookedBot(graph: unknown, response: Record<string, unknown>) {
    const bot = await api.post('/api/bots', { name: 'Webhook API', graph });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const hook = await api.post(`/api/bots/${bot.body.id}/webhook`, { response });
    expect(hook.status, JSON.stringify(hook.body)).toBe(200);
    expect(hook.body.response).toEqual(response);
    return { botId: bot.body.id as string, url: hook.body.url as string };
  }
  const call = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it("answers with the Respond node's status, headers and body as soon as it has run", async () => {
    const graph = {
      nodes: [
        node('in', 'source.manual'),
        node('shape', 'transform.jsonata', { expression: '{ "greeting": "Hello " & name, "n": $count(items) }' }),
        node('reply', 'output.respond', { status: 201, headers: { 'X-Bot': 'yes' }, body: '{{ nodes.shape.output }}' }),
        // After the answer: the caller does not wait for it.
        node('after', 'source.http', { url: `${web.url}/slow` }),
      ],
      edges: [edge('in', 'shape'), edge('shape', 'reply'), edge('reply', 'after')],
    };
    const { botId, url } = await hookedBot(graph, { mode: 'respondNode' });
    const res = await call(url, { name: 'Ada', items: [1, 2, 3] });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-bot')).toBe('yes');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // Served from the app's origin: sandboxed whatever the bot answers.
    expect(res.headers.get('content-security-policy')).toMatch(/; sandbox$/);
    expect(await res.json()).toEqual({ greeting: 'Hello Ada', n: 3 });
    const runs = (await api.get(`/api/bots/${botId}/runs`)).body.runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'webhook', status: 'running' });
    expect((await api.waitForRun(runs[0].id)).status).toBe('succeeded');
  });

  it('answers text as text/plain, and as the content type the bot names', async () => {
    const graph = (headers: Record<string, string>) => ({
      nodes: [node('in', 'source.manual'), node('reply', 'output.respond', { headers, body: '<b>Hi {{ input.name }}</b>' })],
      edges: [edge('in', 'reply')],
    });
    const plain = await call((await hookedBot(graph({}), { mode: 'respondNode' })).url, { name: 'Ada' });
    expect([plain.status, plain.headers.get('content-type'), await plain.text()]).toEqual([
      200,
      'text/plain; charset=utf-8',
      '<b>Hi Ada</b>',
    ]);
    const html = await call((await hookedBot(graph({ 'Content-Type': 'text/html; charset=utf-8' }), { mode: 'respondNode' })).url, {
      name: 'Bo',
    });
    expect([html.status, html.headers.get('content-type'), await html.text()]).toEqual([200, 'text/html; charset=utf-8', '<b>Hi Bo</b>']);
  });

  it("answers 200 with the last node's output (lastNode, and respondNode without a Respond node)", async () => {
    const graph = {
      nodes: [node('in', 'source.manual'), node('a', 'transform.jsonata', { expression: '{ "sum": $sum(values) }' })],
      edges: [edge('in', 'a')],
    };
    for (const mode of ['lastNode', 'respondNode']) {
      const res = await call((await hookedBot(graph, { mode })).url, { values: [1, 2, 3] });
      expect(res.status, mode).toBe(200);
      expect(await res.json(), mode).toEqual({ sum: 6 });
    }
  });

  it('answers 202 { runId } when the run has not answered within timeoutMs', async () => {
    const graph = {
      nodes: [node('in', 'source.manual'), node('slow', 'source.http', { url: `${web.url}/slow` }), node('reply', 'output.respond')],
      edges: [edge('in', 'slow'), edge('slow', 'reply')],
    };
    const { url } = await hookedBot(graph, { mode: 'respondNode', timeoutMs: 1_000 });
    const started = Date.now();
    const res = await call(url, {});
    const waited = Date.now() - started;
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    expect(waited).toBeGreaterThanOrEqual(1_000);
    expect(waited).toBeLessThan(5_000);
    // The run goes on; its Respond node records the answer it would have given.
    const run = await api.waitForRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.nodes.find((n: any) => n.nodeId === 'reply').output).toEqual({
      status: 200,
      headers: {},
      body: { status: 200, headers: expect.any(Object), body: { late: true } },
    });
  });

  it('answers 502 RUN_FAILED with a plain message when the run fails first', async () => {
    const graph = {
      nodes: [node('in', 'source.manual'), node('get', 'source.http', { url: `${web.url}/missing` }), node('reply', 'output.respond')],
      edges: [edge('in', 'get'), edge('get', 'reply')],
    };
    const res = await call((await hookedBot(graph, { mode: 'respondNode' })).url, {});
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; message: string; runId: string } };
    expect(body.error).toEqual({
      code: 'RUN_FAILED',
      message: "The bot's run failed before it could answer. Its owner can see why in the run's details.",
      runId: expect.any(String),
    });
    // Nothing of the failure itself (the URL, the status) reaches the caller.
    expect(JSON.stringify(body)).not.toContain(web.url);
    expect((await api.waitForRun(body.error.runId)).status).toBe('failed');
  });

  it('changes the mode without a new URL, and refuses a bad one', async () => {
    const graph = { nodes: [node('in', 'source.manual')], edges: [] };
    const { botId, url } = await hookedBot(graph, { mode: 'lastNode' });
    const set = await api.patch(`/api/bots/${botId}/webhook`, { response: { mode: 'immediate' } });
    expect(set).toMatchObject({ status: 200, body: { enabled: true, response: { mode: 'immediate' } } });
    expect((await api.get(`/api/bots/${botId}`)).body.webhookResponse).toEqual({ mode: 'immediate' });
    expect((await call(url, {})).status).toBe(202);
    for (const response of [{ mode: 'later' }, { mode: 'lastNode', timeoutMs: 500 }, { mode: 'lastNode', timeoutMs: 120_001 }]) {
      const bad = await api.patch(`/api/bots/${botId}/webhook`, { response });
      expect(bad.status, JSON.stringify(response)).toBe(400);
      expect(bad.body.error.code).toBeTruthy();
    }
    expect((await api.get(`/api/bots/${botId}`)).body.webhookResponse).toEqual({ mode: 'immediate' });
  });
});
