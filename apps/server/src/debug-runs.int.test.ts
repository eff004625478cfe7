import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { apiClient } from './testing/client';
import { dbTargets, startTestServer, type TestServer } from './testing/harness';
import { openRunEvents, readSse, type SseEvent } from './testing/sse';

// The build-and-debug loop through the real app (Temporal, PGlite and PostgreSQL, the OpenAI SDK
// against the loopback fake): run from a node and run one node reuse recorded outputs and pins
// with no provider call for them; pins are for editor runs only; a run's events stream over SSE,
// resume after a dropped connection, replay and close once it is finished, and carry the LLM's
// text while it is being written.

/** in → a (LLM) → b (LLM, reads a's text) → out */
const graph = (connectionId: string) => ({
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
    {
      id: 'a',
      type: 'llm.chat',
      params: { purpose: 'draft', prompt: 'Draft about {{ input.topic }}', llmConnectionId: connectionId },
      position: { x: 200, y: 0 },
    },
    {
      id: 'b',
      type: 'llm.chat',
      params: { purpose: 'report', prompt: 'Improve: {{ nodes.a.output.text }}', llmConnectionId: connectionId },
      position: { x: 400, y: 0 },
    },
    { id: 'out', type: 'output.results', params: { content: '{{ nodes.b.output.text }}' }, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'a' },
    { id: 'e2', source: 'a', target: 'b' },
    { id: 'e3', source: 'b', target: 'out' },
  ],
});

const FINAL = ['succeeded', 'failed', 'cancelled'];

describe.each(dbTargets())('debug runs and live events (%s)', (target) => {
  let fake: FakeProviderServer;
  let t: TestServer;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let connectionId: string;
  /** The prompts the fake was sent, in order. */
  const prompts = () =>
    fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => (r.body as any).messages.at(-1).content as string);

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    t = await startTestServer({ target, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
    api = t.api();
    await api.signup();
    token = (await api.post('/api/tokens', { name: 'events reader' })).body.token;
    const conn = await api.post('/api/llm-connections', {
      provider: 'openai',
      name: 'fake',
      apiKey: 'sk-test',
      baseUrl: fake.url,
      modelDefault: 'gpt-4o-mini',
    });
    expect(conn.status).toBe(201);
    connectionId = conn.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  async function newBot() {
    const bot = await api.post('/api/bots', { name: 'debug', graph: graph(connectionId) });
    expect(bot.status).toBe(201);
    return bot.body.id as string;
  }
  async function start(botId: string, body: object, client = api) {
    const r = await client.post(`/api/bots/${botId}/runs`, { input: { topic: 'tea' }, wait: 30, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('succeeded');
    return r.body;
  }
  const node = (run: any, id: string) => run.nodes.find((n: any) => n.nodeId === id);

  it('runs from a node reusing the upstream outputs: no provider call for them, and the run says where each came from', async () => {
    const botId = await newBot();
    fake.reset();
    const first = await start(botId, {});
    expect(prompts()).toEqual(['Draft about tea', `Improve: ${node(first, 'a').output.text}`]);

    fake.reset();
    const fromB = await start(botId, { startAt: 'b' });
    // Only b asked the provider, with a's recorded answer.
    expect(prompts()).toEqual([`Improve: ${node(first, 'a').output.text}`]);
    expect(fromB).toMatchObject({ startAt: 'b', only: false });
    expect(node(fromB, 'a')).toMatchObject({
      status: 'succeeded',
      reused: true,
      reusedFrom: { runId: first.id },
      output: node(first, 'a').output,
      costUsd: null,
    });
    expect(node(fromB, 'in')).toMatchObject({ reused: true, reusedFrom: { runId: first.id } });
    expect(node(fromB, 'b')).toMatchObject({ status: 'succeeded', reused: false });
    expect(node(fromB, 'b').reusedFrom).toBeUndefined();
    expect(node(fromB, 'out')).toMatchObject({ status: 'succeeded', reused: false });

    // "Run this node": b alone; out is not part of the run.
    fake.reset();
    const onlyB = await start(botId, { startAt: 'b', only: true });
    expect(prompts()).toHaveLength(1);
    expect(node(onlyB, 'b')).toMatchObject({ status: 'succeeded', reused: false });
    expect(node(onlyB, 'out').status).toBe('pending');
    // The latest output of a is still the first run's (reused copies keep their origin).
    expect(node(onlyB, 'a').reusedFrom).toEqual({ runId: first.id });

    // A chosen run, by id; a run of another bot is refused.
    const chosen = await start(botId, { startAt: 'out', reuseRunId: fromB.id });
    expect(node(chosen, 'b').reusedFrom).toEqual({ runId: fromB.id });
    const other = await newBot();
    const refused = await api.post(`/api/bots/${other}/runs`, { startAt: 'b', reuseRunId: first.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'DEBUG_RUN' });
  });

  it('refuses to run from a node whose input exists nowhere, naming the node', async () => {
    const botId = await newBot();
    fake.reset();
    const r = await api.post(`/api/bots/${botId}/runs`, { startAt: 'b' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('DEBUG_RUN');
    expect(r.body.error.message).toContain('"a"');
    expect(r.body.error.details[0]).toMatchObject({ nodeId: 'a', code: 'UPSTREAM_OUTPUT_MISSING' });
    expect((await api.post(`/api/bots/${botId}/runs`, { startAt: 'nope' })).status).toBe(422);
    expect(prompts()).toEqual([]);
  });

  it('uses pinned data in editor runs only — never in token or webhook runs — and pins never touch versions', async () => {
    const botId = await newBot();
    const pinned = { text: 'PINNED DRAFT', model: 'pinned', usage: { inputTokens: 0, outputTokens: 0 } };
    expect((await api.put(`/api/bots/${botId}/pins/a`, { output: pinned })).status).toBe(200);
    const bot = (await api.get(`/api/bots/${botId}`)).body;
    expect(bot.version).toBe(1);
    expect(bot.graph.nodes.find((n: any) => n.id === 'a').pinnedOutput).toEqual(pinned);
    // Not in the version, nor in the bots list.
    expect((await api.get(`/api/bots/${botId}/versions/1`)).body.graph.nodes.find((n: any) => n.id === 'a')).not.toHaveProperty(
      'pinnedOutput',
    );
    expect((await api.get('/api/bots')).body.bots.find((b: any) => b.id === botId).graph.nodes[1]).not.toHaveProperty('pinnedOutput');

    // The editor (a signed-in session) runs with the pin: a is not run, b reads the pin.
    fake.reset();
    const editorRun = await start(botId, { usePinned: true });
    expect(prompts()).toEqual(['Improve: PINNED DRAFT']);
    expect(node(editorRun, 'a')).toMatchObject({ reused: true, reusedFrom: 'pinned', output: pinned });
    // ...and run from b with the pin upstream (no run ever recorded a's output).
    fake.reset();
    const fromB = await start(botId, { startAt: 'b', usePinned: true });
    expect(prompts()).toEqual(['Improve: PINNED DRAFT']);
    expect(node(fromB, 'a').reusedFrom).toBe('pinned');

    // A script's token run ignores usePinned: every node runs.
    const script = apiClient(t.server.url);
    script.useToken(token);
    fake.reset();
    const tokenRun = await start(botId, { usePinned: true }, script);
    expect(prompts()).toEqual(['Draft about tea', expect.stringMatching(/^Improve: (?!PINNED)/)]);
    expect(node(tokenRun, 'a').reused).toBe(false);
    // Nor does a token run from a node pick the pin up through an earlier editor run: it reuses the token run's own a.
    fake.reset();
    const tokenFromB = await start(botId, { startAt: 'b', usePinned: true }, script);
    expect(prompts()).toEqual([`Improve: ${node(tokenRun, 'a').output.text}`]);
    expect(node(tokenFromB, 'a').reusedFrom).toEqual({ runId: tokenRun.id });

    // A webhook run: the body is the input, pins play no part.
    const hook = await api.post(`/api/bots/${botId}/webhook`);
    fake.reset();
    const res = await fetch(hook.body.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'hooks', usePinned: true }),
    });
    expect(res.status).toBe(202);
    const hookRun = await api.waitForRun(((await res.json()) as any).runId);
    expect(hookRun.status).toBe('succeeded');
    expect(prompts()).toEqual(['Draft about hooks', expect.stringMatching(/^Improve: (?!PINNED)/)]);

    // A save that only pins or unpins makes no version; unpinning with null; removed nodes lose their pins.
    const g = bot.graph;
    const saved = await api.patch(`/api/bots/${botId}`, {
      graph: { ...g, nodes: g.nodes.map((n: any) => (n.id === 'b' ? { ...n, pinnedOutput: { text: 'B' } } : n)) },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.graph.nodes.find((n: any) => n.id === 'b').pinnedOutput).toEqual({ text: 'B' });
    const unpinned = await api.patch(`/api/bots/${botId}`, {
      graph: { ...g, nodes: g.nodes.map((n: any) => (n.id === 'a' ? { ...n, pinnedOutput: null } : n)) },
    });
    expect(unpinned.body.version).toBe(1);
    expect(unpinned.body.graph.nodes.map((n: any) => [n.id, n.pinnedOutput])).toEqual([
      ['in', undefined],
      ['a', undefined],
      ['b', { text: 'B' }],
      ['out', undefined],
    ]);
    expect((await api.del(`/api/bots/${botId}/pins/b`)).status).toBe(204);
    expect((await api.get(`/api/bots/${botId}`)).body.graph.nodes.some((n: any) => 'pinnedOutput' in n)).toBe(false);
  });

  /** Every event of a stream until it closes (or `stopAfter` says to drop it). */
  async function collect(runId: string, lastEventId?: number, stopAfter?: (e: SseEvent, all: SseEvent[]) => boolean) {
    const ac = new AbortController();
    const res = await openRunEvents(t.server.url, runId, token, lastEventId, ac.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const all: SseEvent[] = [];
    try {
      for await (const e of readSse(res)) {
        all.push(e);
        if (stopAfter?.(e, all)) {
          ac.abort();
          break;
        }
      }
    } catch (err) {
      if (!ac.signal.aborted) throw err;
    }
    return all;
  }

  it('replays a finished run’s events and closes; Last-Event-ID resumes after the one given', async () => {
    const botId = await newBot();
    const run = await start(botId, {});
    const all = await collect(run.id);
    const persisted = all.filter((e) => e.id !== undefined);
    expect(persisted.map((e) => e.id)).toEqual(persisted.map((_, i) => i + 1));
    expect(persisted[0]).toMatchObject({ event: 'run', data: { status: 'running' } });
    expect(persisted.at(-1)).toMatchObject({ event: 'run', data: { status: 'succeeded' } });
    const nodeEvents = persisted.filter((e) => e.event === 'node').map((e) => [e.data.nodeId, e.data.status]);
    expect(nodeEvents).toEqual(
      expect.arrayContaining([
        ['a', 'running'],
        ['a', 'succeeded'],
        ['b', 'running'],
        ['b', 'succeeded'],
        ['out', 'succeeded'],
      ]),
    );
    expect(nodeEvents.findIndex((e) => e.join() === 'a,succeeded')).toBeLessThan(nodeEvents.findIndex((e) => e.join() === 'b,running'));
    // Resumed after event 3: exactly the rest.
    const rest = await collect(run.id, 3);
    expect(rest.filter((e) => e.id !== undefined)).toEqual(persisted.slice(3));
    // The reused nodes of a run from a node are announced as such.
    const fromB = await start(botId, { startAt: 'b' });
    const reused = (await collect(fromB.id)).filter((e) => e.event === 'node' && e.data.reusedFrom);
    expect(reused.map((e) => e.data)).toEqual(
      expect.arrayContaining([{ nodeId: 'a', status: 'succeeded', reusedFrom: { runId: run.id } }]),
    );
  });

  it('streams the LLM text before the node finishes, and a dropped connection resumes without missing an event', async () => {
    const botId = await newBot();
    fake.reset();
    // a answers at once; b writes slowly (20 pieces, 60 ms apart).
    fake.enqueue({ reply: 'draft' }, { reply: 'A slowly written answer that arrives in many small pieces over time.', chunkDelayMs: 60 });
    const started = await api.post(`/api/bots/${botId}/runs`, { input: { topic: 'tea' } });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;

    // First connection: dropped as soon as b is running.
    const before = await collect(runId, undefined, (e) => e.event === 'node' && e.data.nodeId === 'b' && e.data.status === 'running');
    const lastSeen = before.filter((e) => e.id !== undefined).at(-1)!.id!;
    // Reconnect from there and read to the end.
    const after = await collect(runId, lastSeen);
    const ids = [...before, ...after].filter((e) => e.id !== undefined).map((e) => e.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(after.filter((e) => e.id !== undefined).at(-1)).toMatchObject({ event: 'run', data: { status: 'succeeded' } });

    // The text came in pieces, all before b's "succeeded", and they add up to the answer.
    const bDone = after.findIndex((e) => e.event === 'node' && e.data.nodeId === 'b' && e.data.status === 'succeeded');
    const deltas = after.map((e, i) => ({ e, i })).filter(({ e }) => e.event === 'llm.delta' && e.data.nodeId === 'b');
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.every(({ i }) => i < bDone)).toBe(true);
    // (Best effort: a piece written while the client was reconnecting is not sent again.)
    const joined = deltas.map(({ e }) => e.data.text).join('');
    expect('A slowly written answer that arrives in many small pieces over time.'.endsWith(joined)).toBe(true);
    expect(joined.length).toBeGreaterThan(30);
    // Deltas are not stored: a replay has none.
    expect((await collect(runId)).some((e) => e.event === 'llm.delta')).toBe(false);
    const run = (await api.get(`/api/runs/${runId}`)).body;
    expect(FINAL).toContain(run.status);
    expect(node(run, 'b').output.text).toBe('A slowly written answer that arrives in many small pieces over time.');
  });

  it('follows the permission of the run: a stranger gets 404', async () => {
    const botId = await newBot();
    const run = await start(botId, {});
    const stranger = apiClient(t.server.url);
    await stranger.signup();
    expect((await stranger.get(`/api/runs/${run.id}/events`)).status).toBe(404);
  });
});
