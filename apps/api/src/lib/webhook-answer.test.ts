import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunEventBus, type RunEventBus } from '@bm/db';
import { createLogger } from '@bm/secrets';
import type { AppDeps } from '../deps';
import { startTestApp, type TestApp } from '../testing/app';
import { waitForWebhookAnswer, webhookResponseOf } from './webhook-answer';

// The wait itself, over real PGlite and the real in-process run event bus; the worker's side
// (recording a node, announcing it) is done here by hand with the same repository calls.

const pos = { x: 0, y: 0 };
const graph = {
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: pos },
    { id: 'reply', type: 'output.respond', params: { status: 201 }, position: pos },
  ],
  edges: [{ id: 'e', source: 'in', target: 'reply' }],
};

describe('waitForWebhookAnswer', () => {
  let t: TestApp;
  let bus: RunEventBus;
  let deps: AppDeps;
  let botId: string;
  let versionId: string;
  let user: Awaited<ReturnType<TestApp['signup']>>;

  beforeAll(async () => {
    t = await startTestApp();
    bus = createRunEventBus(t.db);
    deps = { services: { repos: t.repos, events: bus, db: t.db, logger: createLogger({ level: 'silent' }) } } as unknown as AppDeps;
    user = await t.signup();
    const bot = await t.app.inject({ method: 'POST', url: '/api/bots', cookies: user.cookies, payload: { name: 'b', graph } });
    expect(bot.statusCode, bot.body).toBe(201);
    botId = bot.json().id;
    versionId = (await t.repos.bots.version(botId, 1))!.id;
  });
  afterAll(async () => {
    await bus?.close();
    await t?.close();
  });

  async function newRun() {
    const id = t.repos.runs.newId();
    await t.repos.runs.create({
      id,
      botId,
      botVersionId: versionId,
      version: 1,
      workspaceId: user.workspaceId,
      userId: user.id,
      trigger: 'webhook',
      workflowId: `wf-${id}`,
    });
    await t.repos.runs.claim(id);
    return id;
  }
  const respond = (runId: string) =>
    t.repos.nodeRuns.succeed(runId, 'reply', 'output.respond', 1, {
      output: { status: 201, headers: { 'x-a': 'b' }, body: { ok: true } },
      outputBytes: 10,
    });

  it('reads the records once after subscribing: an answer recorded before the wait is not missed', async () => {
    const runId = await newRun();
    await respond(runId);
    const answer = await waitForWebhookAnswer(deps, runId, { mode: 'respondNode', timeoutMs: 10_000 }, new AbortController().signal);
    expect(answer).toEqual({ kind: 'respond', status: 201, headers: { 'x-a': 'b' }, body: { ok: true } });
  });

  it('is woken by the run event bus', async () => {
    const runId = await newRun();
    const started = Date.now();
    const waiting = waitForWebhookAnswer(deps, runId, { mode: 'respondNode', timeoutMs: 10_000 }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 200));
    await respond(runId);
    bus.publish({ runId, kind: 'event' });
    expect((await waiting).kind).toBe('respond');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up when the caller leaves, and at the timeout', async () => {
    const runId = await newRun();
    const gone = new AbortController();
    const started = Date.now();
    const waiting = waitForWebhookAnswer(deps, runId, { mode: 'lastNode', timeoutMs: 60_000 }, gone.signal);
    setTimeout(() => gone.abort(), 100);
    expect(await waiting).toEqual({ kind: 'started' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const timedOut = await waitForWebhookAnswer(deps, runId, { mode: 'lastNode', timeoutMs: 1_000 }, new AbortController().signal);
    expect(timedOut).toEqual({ kind: 'started' });
  });

  it("answers a finished run: its result, or that it failed; lastNode ignores the Respond node's early record", async () => {
    const ok = await newRun();
    await respond(ok);
    const waiting = waitForWebhookAnswer(deps, ok, { mode: 'lastNode', timeoutMs: 10_000 }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 100));
    await t.repos.runs.finish(ok, 'succeeded');
    bus.publish({ runId: ok, kind: 'event' });
    expect(await waiting).toEqual({ kind: 'result', output: { status: 201, headers: { 'x-a': 'b' }, body: { ok: true } } });

    const bad = await newRun();
    await t.repos.runs.finish(bad, 'failed', { code: 'HTTP_ERROR', message: 'secret internals' });
    expect(await waitForWebhookAnswer(deps, bad, { mode: 'respondNode' }, new AbortController().signal)).toEqual({
      kind: 'failed',
      status: 'failed',
    });
  });

  it('reads a stored setting leniently', () => {
    expect(webhookResponseOf(null)).toEqual({ mode: 'immediate' });
    expect(webhookResponseOf({ mode: 'lastNode', timeoutMs: 5_000 })).toEqual({ mode: 'lastNode', timeoutMs: 5_000 });
    expect(webhookResponseOf({ mode: 'sometime' })).toEqual({ mode: 'immediate' });
  });
});
