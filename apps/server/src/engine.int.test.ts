import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, openAIResponses, type FakeProviderServer } from '@bm/testing';
import {
  startHttpFixture,
  startRssFixture,
  startSmtpSink,
  articleHtml,
  ARTICLE_TITLE,
  type HttpFixture,
  type RssFixture,
  type SmtpSink,
} from '@bm/testing/fixtures';
import { createRequire } from 'node:module';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { runWorkflowId } from '@bm/temporal/shared';
import { startTestServer, type TestServer } from './testing/harness';
import { apiClient } from './testing/client';

// The graph engine on the real Temporal dev server, through the public API: every node type in
// one multi-branch graph, retries, non-retryable failures, continue-on-failure, cancel, resume,
// schedules, webhook and token triggers.

type Api = ReturnType<typeof apiClient>;
const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}, settings?: Record<string, unknown>) => ({
  id,
  type,
  params,
  position: pos,
  ...(settings ? { settings } : {}),
});
const edge = (source: string, target: string, targetHandle?: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  ...(targetHandle ? { targetHandle } : {}),
});

describe('graph engine on Temporal', () => {
  const goodKey = canary('sk-good');
  let fake: FakeProviderServer;
  let web: HttpFixture;
  let feed: RssFixture;
  let smtp: SmtpSink;
  let t: TestServer;
  let api: Api;
  let connectionId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [goodKey] });
    web = await startHttpFixture({
      'GET /data.json': {
        json: {
          items: [
            { title: 'alpha', score: 3 },
            { title: 'beta', score: 9 },
          ],
        },
        delayMs: 700,
      },
      'GET /slow-article': { body: articleHtml(), contentType: 'text/html; charset=utf-8', delayMs: 700 },
      'POST /hook': { json: { received: true } },
      'POST /slack': { text: 'ok' },
      'GET /missing': { status: 404, json: { error: 'nope' } },
      'GET /very-slow': { json: {}, delayMs: 60_000 },
      'POST /flaky': { status: 400, json: { error: 'not yet' } },
      'GET /big.json': { json: { blob: 'x'.repeat(300 * 1024) } },
    });
    feed = await startRssFixture();
    smtp = await startSmtpSink();
    t = await startTestServer({
      env: {
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: [fake.port, web.port, feed.http.port].map((p) => `127.0.0.1:${p}`).join(','),
        BOT_MANAGER_SMTP_URL: smtp.url,
      },
    });
    api = t.api();
    await api.signup();
    const c = await api.post('/api/llm-connections', {
      provider: 'other',
      name: 'Fake',
      apiKey: goodKey,
      baseUrl: fake.url,
      modelDefault: 'fake-1',
    });
    connectionId = c.body.id;
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all([fake?.close(), web?.close(), feed?.close(), smtp?.close()]);
  });

  async function createBot(graph: unknown, extra: Record<string, unknown> = {}) {
    const r = await api.post('/api/bots', { name: 'Engine test', graph, llmConnectionId: connectionId, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }
  async function run(botId: string, input?: unknown, client: Api = api) {
    const r = await client.post(`/api/bots/${botId}/runs`, { input });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return api.waitForRun(r.body.runId);
  }
  const nodesOf = (r: any) => Object.fromEntries(r.nodes.map((n: any) => [n.nodeId, n]));

  it('runs a multi-branch graph using every node type, branches in parallel', async () => {
    const graph = {
      nodes: [
        node('in', 'source.manual'),
        node('http', 'source.http', { url: `${web.url}/data.json` }),
        node('rss', 'source.rss', { url: feed.rssUrl, limit: 10 }),
        node('page', 'source.webpage', { url: `${web.url}/slow-article` }),
        node('count', 'transform.jsonata', { expression: '{ "count": $count(body.items), "best": body.items[score > 5].title }' }),
        node('posts', 'transform.filter', { field: 'title', operator: 'contains', value: 'post' }),
        node('paras', 'transform.split', { source: '{{ nodes.page.output.text }}', mode: 'paragraphs', limit: 2 }),
        node('merge', 'transform.merge', { mode: 'object' }),
        node('llm', 'llm.chat', {
          purpose: 'report',
          prompt: 'Topic {{ input.topic }}; best={{ nodes.count.output.best }}; posts={{ nodes.posts.output.items[0].title }}',
        }),
        node('tpl', 'transform.template', {
          template: 'Report on {{ input.topic }}: {{ nodes.llm.output.text }} ({{ nodes.page.output.title }})',
        }),
        node('save', 'output.results', { title: 'Report {{ input.topic }}', content: '{{ nodes.tpl.output }}' }),
        node('hook', 'output.webhook', { url: `${web.url}/hook`, payload: '{{ nodes.merge.output }}' }),
        node('slack', 'output.slack', { webhookUrl: `${web.url}/slack`, text: '{{ nodes.tpl.output }}' }),
        node('mail', 'output.email', { to: 'team@example.com', subject: 'Report {{ input.topic }}', body: '{{ nodes.tpl.output }}' }),
      ],
      edges: [
        edge('in', 'http'),
        edge('in', 'rss'),
        edge('in', 'page'),
        edge('http', 'count'),
        edge('rss', 'posts'),
        edge('page', 'paras'),
        edge('count', 'merge'),
        edge('posts', 'merge'),
        edge('paras', 'merge'),
        edge('merge', 'llm'),
        edge('llm', 'tpl'),
        edge('tpl', 'save'),
        edge('merge', 'hook'),
        edge('tpl', 'slack'),
        edge('tpl', 'mail'),
      ],
    };
    const botId = await createBot(graph);
    const r = await run(botId, { topic: 'lighthouses' });
    expect(r.status, JSON.stringify(r.nodes.filter((n: any) => n.status !== 'succeeded'))).toBe('succeeded');
    const n = nodesOf(r);
    for (const id of Object.keys(n)) expect(n[id].status, id).toBe('succeeded');

    expect(n.count.output).toEqual({ count: 2, best: 'beta' });
    expect(n.posts.output.items.map((i: any) => i.title)).toEqual(['Third post', 'Second post', 'First post']);
    expect(n.page.output.title).toContain(ARTICLE_TITLE.split(' ')[0]);
    expect(n.page.output.text).not.toContain('SCRIPT RAN');
    expect(n.paras.output.items).toHaveLength(2);
    expect(Object.keys(n.merge.output).sort()).toEqual(['count', 'paras', 'posts']);
    expect(n.llm.output.text).toContain('best=beta; posts=Third post');
    expect(n.tpl.output).toMatch(/^Report on lighthouses: /);

    // Independent branches overlapped in time (both sources take ~700 ms).
    const span = (x: any): [number, number] => [Date.parse(x.startedAt), Date.parse(x.finishedAt)];
    const [hs, hf] = span(n.http);
    const [ps, pf] = span(n.page);
    expect(hs < pf && ps < hf).toBe(true);

    // Outputs reached the outside world.
    const hook = web.requests.find((q) => q.path === '/hook');
    expect(Object.keys(hook!.json as object).sort()).toEqual(['count', 'paras', 'posts']);
    expect((web.requests.find((q) => q.path === '/slack')!.json as any).text).toBe(n.tpl.output);
    // Secret params (the definitions' secretParams) are recorded as their origin only.
    expect(n.slack.input.webhookUrl).toBe(`${new URL(web.url).origin}/[redacted]`);
    expect(n.hook.input.url).toBe(`${new URL(web.url).origin}/[redacted]`);
    expect(n.slack.input.text).toBe(n.tpl.output);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Report lighthouses');
    expect(mail!.text).toContain('Report on lighthouses');
    const results = await api.get(`/api/bots/${botId}/results?q=lighthouses`);
    expect(results.body.results).toHaveLength(1);
    expect(results.body.results[0].content).toBe(n.tpl.output);

    // The interpreter is deterministic: its recorded history replays against the workflow code.
    const connection = await Connection.connect({ address: t.server.temporalAddress });
    const history = await new Client({ connection }).workflow.getHandle(runWorkflowId(r.id)).fetchHistory();
    await connection.close();
    await Worker.runReplayHistory({ workflowsPath: createRequire(import.meta.url).resolve('@bm/temporal/workflows') }, history);
  });

  const llmGraph = (extra: Record<string, unknown> = {}) => ({
    nodes: [
      node('in', 'source.manual'),
      node('llm', 'llm.chat', { purpose: 'analyze', prompt: 'Say hi to {{ input.name }}', ...extra }),
      node('out', 'output.results', { content: '{{ nodes.llm.output.text }}' }),
    ],
    edges: [edge('in', 'llm'), edge('llm', 'out')],
  });

  it('retries a transient provider failure to success', async () => {
    const botId = await createBot(llmGraph());
    fake.enqueue(openAIResponses.serverError());
    const r = await run(botId, { name: 'Ada' });
    expect(r.status).toBe('succeeded');
    expect(nodesOf(r).llm.attempts).toBe(2);
  });

  it('fails a rejected key once, with a message that says what to do', async () => {
    const bad = await api.post('/api/llm-connections', {
      provider: 'other',
      name: 'Bad key',
      apiKey: canary('sk-bad'),
      baseUrl: fake.url,
      modelDefault: 'fake-1',
    });
    const botId = await createBot(llmGraph(), { llmConnectionId: bad.body.id });
    const before = fake.requests.length;
    const r = await run(botId, { name: 'Ada' });
    expect(r.status).toBe('failed');
    const llm = nodesOf(r).llm;
    expect(llm.status).toBe('failed');
    expect(llm.attempts).toBe(1);
    expect(llm.error.code).toBe('KEY_REJECTED');
    expect(llm.error.message).toMatch(/was rejected \(401\)\. Update it in Settings → LLM Connections/);
    // Stored with its catalogue key and arguments, so the web shows it in the reader's language.
    expect(llm.error).toMatchObject({
      key: 'llm.KEY_REJECTED.rejected',
      params: { provider: 'other', hasConnection: 'yes', connection: 'Bad key', status: 401 },
    });
    expect(fake.requests.length - before).toBe(1);
    expect(nodesOf(r).out).toMatchObject({ status: 'skipped', error: { code: 'UPSTREAM_FAILED', key: 'run.upstreamFailed' } });
    // The run's error carries the node's key too (it travelled with the failure through Temporal).
    expect(r.error).toMatchObject({ nodeId: 'llm', code: 'KEY_REJECTED', key: 'llm.KEY_REJECTED.rejected', params: { status: 401 } });
  });

  it('continues past a failed node when it is marked continue-on-failure', async () => {
    const botId = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('http', 'source.http', { url: `${web.url}/missing` }, { continueOnFailure: true, retry: { maxAttempts: 1 } }),
        node('tpl', 'transform.template', { template: 'Fetch failed: {{ nodes.http.output.error.message }}' }),
      ],
      edges: [edge('in', 'http'), edge('http', 'tpl')],
    });
    const r = await run(botId);
    expect(r.status).toBe('succeeded');
    const n = nodesOf(r);
    expect(n.http.status).toBe('failed');
    expect(n.tpl.status).toBe('succeeded');
    expect(n.tpl.output).toMatch(/^Fetch failed: .*404/);
  });

  it('fails a node that overruns its timeout with a message that says what to change', async () => {
    const botId = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('slow', 'source.http', { url: `${web.url}/very-slow`, timeoutMs: 120_000 }, { timeoutMs: 1500, retry: { maxAttempts: 1 } }),
      ],
      edges: [edge('in', 'slow')],
    });
    const r = await run(botId);
    expect(r.status).toBe('failed');
    expect(nodesOf(r).slow).toMatchObject({ status: 'failed', error: { code: 'NODE_TIMEOUT' } });
    expect(nodesOf(r).slow.error.message).toMatch(/did not finish within its timeout \(1\.5 s\)\. Raise the timeout/);
    // With its catalogue key, on the node and on the run, so people read it in their language.
    expect(nodesOf(r).slow.error).toMatchObject({ key: 'run.nodeTimeout', params: { seconds: 1.5 } });
    expect(r.error).toMatchObject({ code: 'NODE_TIMEOUT', key: 'run.nodeTimeout', params: { seconds: 1.5 } });
  });

  it('never executes a run that was already closed when its workflow starts late', async () => {
    const botId = await createBot(llmGraph());
    const { repos } = t.server.services;
    const bot = (await repos.bots.get(botId))!;
    const version = (await repos.bots.version(botId, 1))!;
    const runId = repos.runs.newId();
    await repos.runs.create({
      id: runId,
      botId,
      botVersionId: version.id,
      version: 1,
      workspaceId: bot.workspaceId,
      userId: bot.createdById,
      trigger: 'manual',
      workflowId: runWorkflowId(runId),
    });
    // As when the start call timed out after Temporal had accepted it: the API recorded a failure.
    await repos.runs.finish(runId, 'failed', { code: 'TEMPORAL_UNAVAILABLE', message: 'x' });
    const connection = await Connection.connect({ address: t.server.temporalAddress });
    const client = new Client({ connection });
    const calls = fake.requests.length;
    const handle = await client.workflow.start('botRunWorkflow', {
      taskQueue: t.server.services.config.taskQueue!,
      workflowId: runWorkflowId(runId),
      args: [{ runId }],
    });
    expect(await handle.result()).toMatchObject({
      status: 'failed',
      failures: [{ code: 'RUN_FINISHED', key: 'run.alreadyFinished', params: { status: 'failed' } }],
    });
    await connection.close();
    const r = (await api.get(`/api/runs/${runId}`)).body;
    expect(r.status).toBe('failed');
    expect(r.error.code).toBe('TEMPORAL_UNAVAILABLE');
    expect(r.nodes.every((n: any) => n.status === 'pending')).toBe(true);
    expect(fake.requests.length).toBe(calls);
  });

  it('cancels a running run', async () => {
    const botId = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('slow', 'source.http', { url: `${web.url}/very-slow`, timeoutMs: 120_000 }),
        node('after', 'transform.template', { template: 'never' }),
      ],
      edges: [edge('in', 'slow'), edge('slow', 'after')],
    });
    const started = await api.post(`/api/bots/${botId}/runs`, {});
    const runId = started.body.runId;
    for (let i = 0; i < 100; i++) {
      const r = await api.get(`/api/runs/${runId}`);
      if (nodesOf(r.body).slow.status === 'running') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect((await api.post(`/api/runs/${runId}/cancel`)).status).toBe(202);
    const r = await api.waitForRun(runId, 30_000);
    expect(r.status).toBe('cancelled');
    expect(nodesOf(r).slow.status).toBe('cancelled');
    expect(nodesOf(r).after.status).toBe('cancelled');
    expect((await api.post(`/api/runs/${runId}/cancel`)).status).toBe(409);
  });

  it('resumes a failed run from the failed node, reusing completed outputs', async () => {
    const botId = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('llm', 'llm.chat', { purpose: 'draft', prompt: 'Draft for {{ input.name }}' }),
        node(
          'post',
          'source.http',
          { url: `${web.url}/flaky`, method: 'POST', body: '{{ nodes.llm.output }}' },
          { retry: { maxAttempts: 1 } },
        ),
        node('out', 'output.results', { content: '{{ nodes.llm.output.text }} / {{ nodes.post.output.status }}' }),
      ],
      edges: [edge('in', 'llm'), edge('llm', 'post'), edge('post', 'out')],
    });
    const first = await run(botId, { name: 'Grace' });
    expect(first.status).toBe('failed');
    expect(nodesOf(first).llm.status).toBe('succeeded');
    expect(nodesOf(first).post.status).toBe('failed');
    const llmCalls = fake.requests.length;

    web.route('POST /flaky', { json: { ok: true } });
    const resumed = await api.post(`/api/runs/${first.id}/resume`);
    expect(resumed.status).toBe(202);
    const second = await api.waitForRun(resumed.body.runId);
    expect(second.status).toBe('succeeded');
    expect(second.resumedFromId).toBe(first.id);
    const n = nodesOf(second);
    expect(n.llm.reused).toBe(true);
    expect(n.llm.output).toEqual(nodesOf(first).llm.output);
    expect(n.post.reused).toBe(false);
    expect(fake.requests.length).toBe(llmCalls);
    expect(n.out.output).toBeDefined();
    expect((await api.get(`/api/bots/${botId}/results`)).body.results).toHaveLength(1);
    expect((await api.post(`/api/runs/${second.id}/resume`)).status).toBe(409);
  });

  it('fires a schedule through Temporal Schedules, and pauses and deletes it', async () => {
    const botId = await createBot(llmGraph());
    const bad = await api.post(`/api/bots/${botId}/schedules`, { cron: 'every day at nine', timezone: 'UTC' });
    expect(bad.status).toBe(400);
    expect((await api.post(`/api/bots/${botId}/schedules`, { cron: '0 9 * * *', timezone: 'Mars/Olympus' })).status).toBe(400);

    const s = await api.post(`/api/bots/${botId}/schedules`, {
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Berlin',
      input: { name: 'Scheduler' },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body.nextRuns.length).toBeGreaterThan(0);
    // 09:00 in Berlin is 07:00 or 08:00 UTC (summer/winter time), never 09:00: the timezone is applied.
    expect([7, 8]).toContain(new Date(s.body.nextRuns[0]).getUTCHours());

    expect((await api.post(`/api/schedules/${s.body.id}/trigger`)).status).toBe(202);
    let runs: any[] = [];
    for (let i = 0; i < 150 && !runs.some((x) => x.status === 'succeeded'); i++) {
      runs = (await api.get(`/api/bots/${botId}/runs`)).body.runs;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded' });
    const detail = (await api.get(`/api/runs/${runs[0].id}`)).body;
    expect(nodesOf(detail).llm.output.text).toContain('Say hi to Scheduler');

    const paused = await api.patch(`/api/schedules/${s.body.id}`, { paused: true });
    expect(paused.body).toMatchObject({ paused: true, nextRuns: [] });
    expect((await api.del(`/api/schedules/${s.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/bots/${botId}/schedules`)).body.schedules).toEqual([]);
  });

  it('starts a run from the bot webhook with the payload as input', async () => {
    const botId = await createBot(llmGraph());
    const hook = await api.post(`/api/bots/${botId}/webhook`);
    expect(hook.body.url).toMatch(/\/api\/hooks\/[\w-]{20,}$/);
    const res = await fetch(hook.body.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Webhook' }),
    });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    const r = await api.waitForRun(runId);
    expect(r).toMatchObject({ status: 'succeeded', trigger: 'webhook', input: { name: 'Webhook' } });
    const me = (await api.get('/api/me')).body;
    expect((await t.server.services.repos.runs.get(runId))!.userId).toBe(me.user.id);

    // An editor who rotates the webhook makes it run as themselves: the owner's private key stays the owner's.
    const editor = apiClient(t.server.url);
    const ed = await editor.signup();
    await t.server.services.db.prisma.membership.create({
      data: { id: `mem_e_${ed.id}`, userId: ed.id, workspaceId: me.workspaces[0].id, role: 'editor' },
    });
    const rotated = await editor.post(`/api/bots/${botId}/webhook`);
    expect(rotated.status).toBe(200);
    const refused = await fetch(rotated.body.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as any).error.details[0]).toMatchObject({ nodeId: 'llm' });
    expect((await fetch(hook.body.url.replace(/[\w-]{6}$/, 'xxxxxx'), { method: 'POST' })).status).toBe(404);
    expect((await api.del(`/api/bots/${botId}/webhook`)).status).toBe(204);
    expect((await fetch(hook.body.url, { method: 'POST' })).status).toBe(404);
  });

  it('starts a run from a script with a personal API token', async () => {
    const botId = await createBot(llmGraph());
    const tok = await api.post('/api/tokens', { name: 'cron script' });
    expect(tok.status).toBe(201);
    const script = apiClient(t.server.url);
    script.useToken(tok.body.token);
    expect((await script.get('/api/me')).status).toBe(200);
    const r = await run(botId, { name: 'Script' }, script);
    expect(r).toMatchObject({ status: 'succeeded', trigger: 'api' });
    const other = apiClient(t.server.url);
    other.useToken('bm_not-a-real-token');
    expect((await other.get('/api/me')).status).toBe(401);
  });

  it('answers a start call with wait with the finished run, or 202 when it does not finish in time', async () => {
    const botId = await createBot(llmGraph());
    const done = await api.post(`/api/bots/${botId}/runs`, { input: { name: 'Waiter' }, wait: 20 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ botId, status: 'succeeded' });
    // The same body as GET /api/runs/:id.
    expect(done.body).toEqual((await api.get(`/api/runs/${done.body.id}`)).body);

    const slowBot = await createBot({
      nodes: [node('in', 'source.manual'), node('slow', 'source.http', { url: `${web.url}/data.json` })],
      edges: [edge('in', 'slow')],
    });
    const early = await api.post(`/api/bots/${slowBot}/runs`, { wait: 0.2 });
    expect(early.status).toBe(202);
    expect(Object.keys(early.body)).toEqual(['runId']);
    expect((await api.waitForRun(early.body.runId)).status).toBe('succeeded');

    const failed = await api.post(`/api/bots/${botId}/runs`, { wait: 31 });
    expect(failed.status).toBe(400);
  });

  it('keeps large outputs out of the run view and serves them by reference', async () => {
    const botId = await createBot({
      nodes: [node('in', 'source.manual'), node('big', 'source.http', { url: `${web.url}/big.json` })],
      edges: [edge('in', 'big')],
    });
    const r = await run(botId);
    const big = nodesOf(r).big;
    expect(big.output).toBeNull();
    expect(big.outputRef).toBe(`/api/runs/${r.id}/nodes/big/output`);
    const full = await api.get(big.outputRef);
    expect(full.body.output.body.blob).toHaveLength(300 * 1024);
  });

  it('refuses a bad graph with the node and the reason, and hides other workspaces', async () => {
    const cyclic = {
      nodes: [node('a', 'transform.template', { template: 'x' }), node('b', 'transform.template', { template: 'y' })],
      edges: [edge('a', 'b'), edge('b', 'a')],
    };
    const r = await api.post('/api/bots', { name: 'bad', graph: cyclic });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INVALID_GRAPH');
    expect(r.body.error.details.some((d: any) => /cycle/i.test(d.message))).toBe(true);
    const unknown = await api.post('/api/bots', { name: 'bad', graph: { nodes: [node('x', 'source.teleport')], edges: [] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ nodeId: 'x' });

    const botId = await createBot(llmGraph());
    const ran = await run(botId, { name: 'Owner' });
    const hook = await api.post(`/api/bots/${botId}/webhook`);
    const sched = await api.post(`/api/bots/${botId}/schedules`, { cron: '0 9 * * *' });
    const stranger = apiClient(t.server.url);
    await stranger.signup();
    for (const [method, url] of [
      ['GET', `/api/bots/${botId}`],
      ['POST', `/api/bots/${botId}/runs`],
      ['GET', `/api/bots/${botId}/runs`],
      ['GET', `/api/bots/${botId}/results`],
      ['GET', `/api/bots/${botId}/schedules`],
      ['POST', `/api/bots/${botId}/webhook`],
      ['GET', `/api/runs/${ran.id}`],
      ['GET', `/api/runs/${ran.id}/nodes/llm/output`],
      ['POST', `/api/runs/${ran.id}/cancel`],
      ['POST', `/api/runs/${ran.id}/resume`],
      ['PATCH', `/api/schedules/${sched.body.id}`],
      ['DELETE', `/api/schedules/${sched.body.id}`],
      ['GET', `/api/llm-connections/${connectionId}`],
      ['POST', `/api/llm-connections/${connectionId}/test`],
      ['GET', `/api/llm-connections/${connectionId}/models`],
      ['DELETE', `/api/llm-connections/${connectionId}`],
      ['DELETE', `/api/bots/${botId}`],
    ] as const) {
      const res =
        method === 'GET'
          ? await stranger.get(url)
          : method === 'DELETE'
            ? await stranger.del(url)
            : method === 'PATCH'
              ? await stranger.patch(url, { paused: true })
              : await stranger.post(url, {});
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await stranger.get('/api/bots')).body.bots).toEqual([]);
    expect((await stranger.get(`/api/bots?workspaceId=${(await api.get('/api/me')).body.workspaces[0].id}`)).status).toBe(404);

    // A viewer in the owner's workspace reads but cannot change or run, and never sees the webhook URL.
    const me = (await api.get('/api/me')).body;
    const viewer = apiClient(t.server.url);
    const v = await viewer.signup();
    await t.server.services.db.prisma.membership.create({
      data: { id: `mem_v_${v.id}`, userId: v.id, workspaceId: me.workspaces[0].id, role: 'viewer' },
    });
    const seen = await viewer.get(`/api/bots/${botId}`);
    expect(seen.status).toBe(200);
    expect(hook.body.url).toBeTruthy();
    expect(seen.body.webhookUrl).toBeNull();
    // Stored hashed: the URL was shown once (in the rotate answer); afterwards nobody reads it back.
    expect((await api.get(`/api/bots/${botId}`)).body).toMatchObject({ webhookUrl: null, webhookEnabled: true });
    const token = String(hook.body.url).split('/').pop()!;
    const stored = await t.server.services.db.prisma.bot.findUnique({ where: { id: botId } });
    expect(stored!.webhookToken).not.toContain(token);
    expect(stored!.webhookToken).toMatch(/^[0-9a-f]{64}$/);
    for (const res of [
      await viewer.post(`/api/bots/${botId}/runs`, {}),
      await viewer.patch(`/api/bots/${botId}`, { name: 'mine' }),
      await viewer.del(`/api/bots/${botId}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/editor role/);
    }
    // The owner's private connection stays invisible to the viewer; shared, it becomes usable.
    expect((await viewer.get(`/api/llm-connections/${connectionId}`)).status).toBe(404);
    await api.patch(`/api/llm-connections/${connectionId}`, { shared: true });
    expect((await viewer.get(`/api/llm-connections/${connectionId}`)).body.ownedByMe).toBe(false);
    await api.patch(`/api/llm-connections/${connectionId}`, { shared: false });
    await api.del(`/api/schedules/${sched.body.id}`);
  });
});
