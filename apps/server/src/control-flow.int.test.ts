import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { APPROVAL_DECIDED_SIGNAL, runWorkflowId } from '@bm/temporal/shared';
import { uniqueTaskQueue } from '@bm/temporal/testing';
import { startSmtpSink, type SmtpSink } from '@bm/testing/fixtures';
import { startTestServer, type TestServer } from './testing/harness';
import { apiClient } from './testing/client';
import { testTemporalAddress } from './testing/temporal';

// Control flow on the real Temporal dev server, through the public API: branches and the join
// rule, error outputs, loops (1 000 items; a failing item under each policy), a durable wait
// across a restart of the whole server, approvals (decided, timed out), sub-bots (result,
// cancelled with their parent) and the on-failure bot.

type Api = ReturnType<typeof apiClient>;
const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}, settings?: Record<string, unknown>) => ({
  id,
  type,
  params,
  position: pos,
  ...(settings ? { settings } : {}),
});
const edge = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'out'}-${target}`,
  source,
  target,
  ...(sourceHandle ? { sourceHandle } : {}),
});
const nodesOf = (r: { nodes: { nodeId: string }[] }) => Object.fromEntries(r.nodes.map((n: any) => [n.nodeId, n]));
/** A body node that fails for one item (no retries: the failure is meant). */
const failAt = (id: string, bad: number) =>
  node(id, 'transform.jsonata', { expression: `$ = ${bad} ? $error("bad item ${bad}") : $ * 2` }, { retry: { maxAttempts: 1 } });

describe('control flow on Temporal', () => {
  let t: TestServer;
  let api: Api;
  let temporal: Client;
  let restartedIn: string | undefined;
  let smtp: SmtpSink;
  const taskQueue = uniqueTaskQueue('flow');
  const email = `flow-${Math.random().toString(36).slice(2)}@example.com`;
  const password = 'correct horse battery';

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // Approval links point at the public URL; the test reads the token from the mail and calls the API itself.
    t = await startTestServer({ taskQueue, env: { BOT_MANAGER_SMTP_URL: smtp.url, BOT_MANAGER_PUBLIC_URL: 'http://bot-manager.test' } });
    api = t.api();
    await api.signup(email, password);
    temporal = new Client({ connection: await Connection.connect({ address: await testTemporalAddress() }) });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await t?.close();
    await smtp?.close();
    if (restartedIn) rmSync(restartedIn, { recursive: true, force: true });
  });

  async function createBot(graph: unknown, extra: Record<string, unknown> = {}) {
    const r = await api.post('/api/bots', { name: 'Flow test', graph, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }
  async function start(botId: string, input?: unknown) {
    const r = await api.post(`/api/bots/${botId}/runs`, { input });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return r.body.runId as string;
  }
  const run = async (botId: string, input?: unknown, timeoutMs?: number) => api.waitForRun(await start(botId, input), timeoutMs);
  async function waitForNode(runId: string, nodeId: string, status: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await api.get(`/api/runs/${runId}`);
      if (nodesOf(r.body)[nodeId]?.status === status) return r.body;
      if (Date.now() > deadline) throw new Error(`${nodeId} not ${status}: ${JSON.stringify(nodesOf(r.body)[nodeId])}`);
      await new Promise((res) => setTimeout(res, 150));
    }
  }

  it('takes one way of flow.if, skips the other, and runs the join once either arrives', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('check', 'flow.if', { field: 'n', operator: 'gt', value: '5' }),
        node('big', 'transform.template', { template: 'big {{ input.n }}' }),
        node('small', 'transform.template', { template: 'small {{ input.n }}' }),
        node('join', 'transform.merge', { mode: 'append' }),
      ],
      edges: [
        edge('in', 'check'),
        edge('check', 'big', 'true'),
        edge('check', 'small', 'false'),
        edge('big', 'join'),
        edge('small', 'join'),
      ],
    });
    const high = await run(bot, { n: 9 });
    expect(high.status).toBe('succeeded');
    let n = nodesOf(high);
    expect(n.check.ports).toEqual(['true']);
    expect(n.check.output).toEqual({ n: 9 });
    expect(n.big).toMatchObject({ status: 'succeeded', output: 'big 9' });
    expect(n.small).toMatchObject({ status: 'skipped', error: { code: 'BRANCH_NOT_TAKEN' } });
    expect(n.join.status).toBe('succeeded');
    expect(n.join.output).toEqual({ items: ['big 9'] });

    const low = await run(bot, { n: 1 });
    n = nodesOf(low);
    expect(n.check.ports).toEqual(['false']);
    expect(n.big.status).toBe('skipped');
    expect(n.small).toMatchObject({ status: 'succeeded', output: 'small 1' });
    expect(n.join.output).toEqual({ items: ['small 1'] });
  });

  it('sends flow.switch to the first matching case, or to default when none matches', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('route', 'flow.switch', {
          cases: [
            { name: 'billing', field: 'kind', operator: 'equals', value: 'billing' },
            { name: 'bug', mode: 'jsonata', expression: '$contains(text, "crash")' },
          ],
        }),
        node('b', 'transform.template', { template: 'billing' }),
        node('g', 'transform.template', { template: 'bug' }),
        node('d', 'transform.template', { template: 'other: {{ input.text }}' }),
        node('after', 'transform.template', { template: 'after' }),
      ],
      edges: [
        edge('in', 'route'),
        edge('route', 'b', 'billing'),
        edge('route', 'g', 'bug'),
        edge('route', 'd', 'default'),
        edge('b', 'after'),
        edge('g', 'after'),
        edge('d', 'after'),
      ],
    });
    let n = nodesOf(await run(bot, { kind: 'question', text: 'hello' }));
    expect(n.route.ports).toEqual(['default']);
    expect(n.b.status).toBe('skipped');
    expect(n.g.status).toBe('skipped');
    expect(n.d).toMatchObject({ status: 'succeeded', output: 'other: hello' });
    expect(n.after.status).toBe('succeeded');
    n = nodesOf(await run(bot, { kind: 'x', text: 'it crashed' }));
    expect(n.route.ports).toEqual(['bug']);
    expect(n.g.status).toBe('succeeded');
    expect(n.d.status).toBe('skipped');
  });

  it('routes a failure out of the error output instead of failing the run', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('parse', 'transform.jsonata', { expression: '$error("no such field")' }, { errorOutput: true, retry: { maxAttempts: 1 } }),
        node('ok', 'transform.template', { template: 'fine' }),
        node('handled', 'transform.template', { template: 'handled: {{ nodes.parse.output.error.code }}' }),
      ],
      edges: [edge('in', 'parse'), edge('parse', 'ok'), edge('parse', 'handled', 'error')],
    });
    const r = await run(bot, {});
    expect(r.status).toBe('succeeded');
    const n = nodesOf(r);
    expect(n.parse).toMatchObject({ status: 'failed', ports: ['error'] });
    expect(n.ok.status).toBe('skipped');
    expect(n.handled).toMatchObject({ status: 'succeeded', output: 'handled: JSONATA_ERROR' });

    // Without an error output turned on, a connection from `error` is refused at save.
    const bad = await api.post('/api/bots', {
      name: 'x',
      graph: { nodes: [node('a', 'source.manual'), node('b', 'transform.template', { template: 'x' })], edges: [edge('a', 'b', 'error')] },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain('error output');
  });

  const loopBot = (onItemError: string, bad: number, count = 20, concurrency = 4) =>
    createBot({
      nodes: [
        node('in', 'source.manual'),
        node('each', 'flow.loop', { items: 'list', concurrency, onItemError, maxItems: 10_000 }),
        failAt('double', bad),
        node('all', 'flow.collect'),
        node('sum', 'transform.jsonata', { expression: '$count(items)' }),
      ],
      edges: [edge('in', 'each'), edge('each', 'double', 'item'), edge('double', 'all'), edge('all', 'sum')],
    }).then(async (id) => ({ id, input: { list: Array.from({ length: count }, (_, i) => i) } }));

  it('runs 1 000 items 8 at a time in batches of child workflows, each history well within the limits', async () => {
    const { id, input } = await loopBot('stop', -1, 1000, 8);
    const r = await run(id, input, 240_000);
    expect(r.status, JSON.stringify(r.error)).toBe('succeeded');
    const n = nodesOf(r);
    expect(n.each.output.count).toBe(1000);
    expect(n.all.output.items).toHaveLength(1000);
    expect(n.all.output.items[999]).toBe(1998);
    expect(n.all.output.failed).toEqual([]);
    expect(n.sum.output).toBe(1000);
    const parent = await temporal.workflow.getHandle(runWorkflowId(r.id)).describe();
    expect(parent.historyLength).toBeLessThan(300);
    const batch = await temporal.workflow.getHandle(`${runWorkflowId(r.id)}-loop-each-0`).describe();
    expect(batch.historyLength).toBeGreaterThan(100);
    expect(batch.historyLength).toBeLessThan(10_240);
    const items = await api.get(`/api/runs/${r.id}/items`);
    expect(items.body.loops[0].nodeId).toBe('each');
    expect(items.body.loops[0].items).toHaveLength(1000);
    const one = await api.get(`/api/runs/${r.id}/items/41`);
    expect(one.body.nodes).toEqual([expect.objectContaining({ nodeId: 'double', item: 41, status: 'succeeded', output: 82 })]);
  }, 300_000);

  it('stops a 20-item loop at a failing item with "stop"', async () => {
    const { id, input } = await loopBot('stop', 7);
    const r = await run(id, input);
    expect(r.status).toBe('failed');
    const n = nodesOf(r);
    expect(n.each).toMatchObject({ status: 'failed', error: { code: 'LOOP_ITEM_FAILED' } });
    expect(n.each.error.message).toContain('Item 8 failed');
    expect(n.all.status).toBe('skipped');
    const item = await api.get(`/api/runs/${r.id}/items/7`);
    expect(item.body.nodes[0]).toMatchObject({ status: 'failed', error: { code: 'JSONATA_ERROR' } });
  });

  it('leaves a failing item out with "skip" and puts its error in its place with "collect"', async () => {
    const skip = await loopBot('skip', 7);
    let r = await run(skip.id, skip.input);
    expect(r.status).toBe('succeeded');
    let all = nodesOf(r).all.output;
    expect(all.items).toHaveLength(19);
    expect(all.items).not.toContain(14);
    expect(all.failed).toEqual([{ index: 7, code: 'JSONATA_ERROR', message: expect.stringContaining('bad item 7') }]);

    const collect = await loopBot('collect', 7);
    r = await run(collect.id, collect.input);
    expect(r.status).toBe('succeeded');
    all = nodesOf(r).all.output;
    expect(all.items).toHaveLength(20);
    expect(all.items[7]).toEqual({ error: { code: 'JSONATA_ERROR', message: expect.stringContaining('bad item 7') } });
    expect(all.items[8]).toBe(16);
    const items = await api.get(`/api/runs/${r.id}/items`);
    expect(items.body.loops[0].items.filter((i: any) => i.status === 'failed')).toEqual([{ item: 7, status: 'failed' }]);
  });

  it('refuses a loop without a collect node at save', async () => {
    const r = await api.post('/api/bots', {
      name: 'x',
      graph: {
        nodes: [node('in', 'source.manual'), node('each', 'flow.loop'), node('t', 'transform.template', { template: 'x' })],
        edges: [edge('in', 'each'), edge('each', 't', 'item')],
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.map((d: any) => d.code)).toContain('LOOP_NO_COLLECT');
  });

  it('waits for an approval decided through the API path the signal takes, and takes the timeout way when nobody decides', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('ask', 'flow.approval', { message: 'Send "{{ input.text }}"?', payload: '{{ input }}', timeout: '3s' }),
        node('yes', 'transform.template', { template: 'sent {{ nodes.ask.output.text }}' }),
        node('no', 'transform.template', { template: 'not sent' }),
        node('late', 'transform.template', { template: 'too late' }),
      ],
      edges: [edge('in', 'ask'), edge('ask', 'yes', 'approved'), edge('ask', 'no', 'rejected'), edge('ask', 'late', 'timeout')],
    });
    // Nobody decides: after 3 s it goes out of `timeout`.
    const timedOut = await run(bot, { text: 'hi' });
    expect(timedOut.status).toBe('succeeded');
    let n = nodesOf(timedOut);
    expect(n.ask.ports).toEqual(['timeout']);
    expect(n.late.status).toBe('succeeded');
    expect(n.yes.status).toBe('skipped');

    // Decided (with an edited payload) while it waits: the run stays running, the node waiting.
    const runId = await start(bot, { text: 'draft' });
    const waiting = await waitForNode(runId, 'ask', 'waiting');
    expect(waiting.status).toBe('running');
    const repos = t.server.services.repos;
    const approval = await repos.approvals.get(runId, 'ask');
    expect(approval).toMatchObject({ status: 'pending', message: 'Send "draft"?', payload: { text: 'draft' } });
    await repos.approvals.decide(approval!.id, { decision: 'approve', payload: { text: 'edited' }, userId: null, via: 'api' });
    await temporal.workflow.getHandle(runWorkflowId(runId)).signal(APPROVAL_DECIDED_SIGNAL, { nodeId: 'ask' });
    const decided = await api.waitForRun(runId);
    n = nodesOf(decided);
    expect(n.ask).toMatchObject({ status: 'succeeded', ports: ['approved'], output: { text: 'edited' } });
    expect(n.yes.output).toBe('sent edited');
    expect(n.late.status).toBe('skipped');
  });

  it('lets an editor decide an approval through the API, refuses a viewer, and takes a decision through the signed link once', async () => {
    const ws = (await api.post('/api/workspaces', { name: 'Approvers' })).body.id as string;
    const viewer = t.api();
    const viewerId = (await viewer.signup()).id;
    await t.server.services.db.prisma.membership.create({
      data: { id: `mem_${viewerId}`, userId: viewerId, workspaceId: ws, role: 'viewer' },
    });
    const created = await api.post('/api/bots', {
      workspaceId: ws,
      name: 'Ask first',
      graph: {
        nodes: [
          node('in', 'source.manual'),
          node('ask', 'flow.approval', { message: 'Send {{ input.text }}?', emails: 'boss@example.com' }),
          node('sent', 'transform.template', { template: 'sent {{ nodes.ask.output }}' }),
          node('dropped', 'transform.template', { template: 'dropped' }),
        ],
        edges: [edge('in', 'ask'), edge('ask', 'sent', 'approved'), edge('ask', 'dropped', 'rejected')],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const bot = created.body.id as string;

    const first = await start(bot, { text: 'draft 1' });
    await waitForNode(first, 'ask', 'waiting');
    const refused = await viewer.post(`/api/runs/${first}/approvals/ask`, { decision: 'approve' });
    expect(refused.status).toBe(403);
    const ok = await api.post(`/api/runs/${first}/approvals/ask`, { decision: 'approve', payload: 'draft 1, edited' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    let n = nodesOf(await api.waitForRun(first));
    expect(n.ask).toMatchObject({ status: 'succeeded', ports: ['approved'], output: 'draft 1, edited' });
    expect(n.sent.output).toBe('sent draft 1, edited');
    expect((await api.post(`/api/runs/${first}/approvals/ask`, { decision: 'reject' })).status).toBe(409);

    const second = await start(bot, { text: 'draft 2' });
    await waitForNode(second, 'ask', 'waiting');
    const mails = await smtp.waitFor(2, 20_000);
    const link = /https?:\/\/bot-manager\.test\/approve\/([A-Za-z0-9_-]+)/.exec(mails[1]!.text);
    expect(link, mails[1]!.text).not.toBeNull();
    const anyone = apiClient(t.server.url);
    expect((await anyone.get(`/api/approval-links/${link![1]}`)).body).toMatchObject({ message: 'Send draft 2?' });
    expect((await anyone.post(`/api/approval-links/${link![1]}`, { decision: 'reject' })).status).toBe(200);
    n = nodesOf(await api.waitForRun(second));
    expect(n.ask.ports).toEqual(['rejected']);
    expect(n.dropped.status).toBe('succeeded');
    expect(n.sent.status).toBe('skipped');
    // One time only.
    expect((await anyone.post(`/api/approval-links/${link![1]}`, { decision: 'approve' })).status).toBe(404);
    const audit = await api.get(`/api/workspaces/${ws}/audit?action=approval.decided`);
    // A signed-in person decides "in the app"; an API token would say "api".
    expect(audit.body.events.map((e: any) => e.details.via).sort()).toEqual(['app', 'link']);
  });

  it('runs a sub-bot and outputs its result; cancelling the parent cancels the sub-bot', async () => {
    const child = await createBot({
      nodes: [node('in', 'source.manual'), node('shout', 'transform.template', { template: '{{ input.word }}!' })],
      edges: [edge('in', 'shout')],
    });
    const parent = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('call', 'flow.subbot', { botId: child, input: '{{ input }}' }),
        node('out', 'transform.template', { template: 'got {{ nodes.call.output }}' }),
      ],
      edges: [edge('in', 'call'), edge('call', 'out')],
    });
    const r = await run(parent, { word: 'hey' });
    expect(r.status, JSON.stringify(r.error)).toBe('succeeded');
    expect(nodesOf(r).out.output).toBe('got hey!');
    const childRuns = await api.get(`/api/bots/${child}/runs`);
    expect(childRuns.body.runs[0]).toMatchObject({ trigger: 'subbot', parentRunId: r.id, status: 'succeeded' });

    // A sub-bot that waits a minute; the parent is cancelled meanwhile.
    const slow = await createBot({
      nodes: [node('in', 'source.manual'), node('hold', 'flow.wait', { duration: '60s' })],
      edges: [edge('in', 'hold')],
    });
    const waitingParent = await createBot({
      nodes: [node('in', 'source.manual'), node('call', 'flow.subbot', { botId: slow })],
      edges: [edge('in', 'call')],
    });
    const runId = await start(waitingParent, {});
    await waitForNode(runId, 'call', 'waiting');
    const childRun = (await api.get(`/api/bots/${slow}/runs`)).body.runs[0];
    await waitForNode(childRun.id, 'hold', 'waiting');
    expect((await api.post(`/api/runs/${runId}/cancel`, {})).status).toBe(202);
    expect((await api.waitForRun(runId)).status).toBe('cancelled');
    const cancelledChild = await api.waitForRun(childRun.id);
    expect(cancelledChild.status).toBe('cancelled');
    expect(nodesOf(cancelledChild).hold.status).toBe('cancelled');

    // A bot may not call itself, through others either.
    const cycle = await api.patch(`/api/bots/${child}`, {
      graph: { nodes: [node('in', 'source.manual'), node('back', 'flow.subbot', { botId: parent })], edges: [edge('in', 'back')] },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.details.map((d: any) => d.code)).toContain('SUBBOT_CYCLE');
  });

  it('runs the on-failure bot with the failed run’s details', async () => {
    const handler = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('note', 'transform.template', { template: 'failed: {{ input.error.code }} in {{ input.botName }}' }),
      ],
      edges: [edge('in', 'note')],
    });
    const failing = await createBot(
      {
        nodes: [
          node('in', 'source.manual'),
          node('boom', 'transform.jsonata', { expression: '$error("boom")' }, { retry: { maxAttempts: 1 } }),
        ],
        edges: [edge('in', 'boom')],
      },
      { onFailure: { botId: handler } },
    );
    expect((await api.get(`/api/bots/${failing}`)).body.onFailure).toEqual({ botId: handler });
    const r = await run(failing, {});
    expect(r.status).toBe('failed');
    let handled: any;
    for (let i = 0; i < 100 && !handled; i++) {
      handled = (await api.get(`/api/bots/${handler}/runs`)).body.runs[0];
      if (!handled) await new Promise((res) => setTimeout(res, 200));
    }
    expect(handled).toMatchObject({ trigger: 'onFailure', parentRunId: r.id });
    const done = await api.waitForRun(handled.id);
    expect(nodesOf(done).note.output).toBe('failed: JSONATA_ERROR in Flow test');
    expect(done.input).toMatchObject({ runId: r.id, failedNodes: [expect.objectContaining({ nodeId: 'boom' })] });

    const wrong = await api.patch(`/api/bots/${failing}`, { onFailure: { botId: failing } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('ON_FAILURE_BOT_NOT_FOUND');
  });

  it('waits durably: a flow.wait survives a restart of the whole server', async () => {
    const bot = await createBot({
      nodes: [
        node('in', 'source.manual'),
        node('hold', 'flow.wait', { duration: '6s' }),
        node('after', 'transform.template', { template: 'later {{ input.x }}' }),
      ],
      edges: [edge('in', 'hold'), edge('hold', 'after')],
    });
    const runId = await start(bot, { x: 1 });
    await waitForNode(runId, 'hold', 'waiting');
    const { dataDir, databaseUrl } = t;
    await t.close({ keepData: true });
    // The same data and task queue: a new process (API + worker) picks the run up where it was.
    restartedIn = dataDir;
    t = await startTestServer({ dataDir, databaseUrl, taskQueue });
    api = t.api();
    expect((await api.post('/api/auth/login', { email, password })).status).toBe(200);
    const r = await api.waitForRun(runId, 60_000);
    expect(r.status).toBe('succeeded');
    expect(nodesOf(r).after.output).toBe('later 1');
  }, 120_000);
});
