import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_DECIDED_SIGNAL } from '@bm/temporal/shared';
import { uniqueTaskQueue } from '@bm/temporal/testing';
import { apiClient } from './testing/client';
import { startTestServer, type TestServer } from './testing/harness';

const approvalGraph = {
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
    { id: 'ok', type: 'flow.approval', params: { message: 'Send this reply?' }, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'in', target: 'ok' }],
};
const plainGraph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] };

/**
 * The people side of flow.approval, without the interpreter: approvals are seeded with the
 * repository, and each run's workflow is a real one on a task queue nobody polls, so Temporal
 * accepts (and records) the signal the API sends — or, for a run whose workflow does not exist,
 * refuses it, and the decision must be undone.
 */
describe('approvals: API, signed links, audit, plan', () => {
  let t: TestServer;
  let temporal: Client;
  const idle = uniqueTaskQueue('approvals-idle');
  let owner: ReturnType<typeof apiClient>;
  let editor: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  let ws: string;
  let botId: string;
  let editorId: string;
  const repos = () => t.server.services.repos;
  const prisma = () => t.server.services.repos.db.prisma;
  const workflows: string[] = [];

  /** A running run of the bot with a pending approval on node `ok`; `workflow: false` leaves it without a workflow. */
  async function pendingApproval(opts: { workflow?: boolean; linkToken?: string; payload?: unknown } = {}) {
    const version = await prisma().botVersion.findFirstOrThrow({ where: { botId } });
    const workflowId = `approval-test-${Math.random().toString(36).slice(2)}`;
    const run = await repos().runs.create({
      botId,
      botVersionId: version.id,
      version: version.version,
      workspaceId: ws,
      userId: editorId,
      trigger: 'manual',
      workflowId,
    });
    await prisma().run.update({ where: { id: run.id }, data: { status: 'running', startedAt: new Date() } });
    if (opts.workflow !== false) {
      await temporal.workflow.start('standInForBotRun', { taskQueue: idle, workflowId, args: [] });
      workflows.push(workflowId);
    }
    const approval = await repos().approvals.open({
      runId: run.id,
      nodeId: 'ok',
      workspaceId: ws,
      botId,
      message: 'Send this reply?',
      payload: opts.payload ?? { to: 'a@example.com', text: 'Hello' },
      linkToken: opts.linkToken,
    });
    return { runId: run.id, workflowId, approval };
  }

  /** The approvalDecided signals the run's workflow received, with their arguments. */
  async function signalsTo(workflowId: string) {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .map((e) => e.workflowExecutionSignaledEventAttributes)
      .filter((a) => a?.signalName === APPROVAL_DECIDED_SIGNAL)
      .map((a) => JSON.parse(Buffer.from(a!.input!.payloads![0]!.data!).toString('utf8')) as unknown);
  }

  const auditOf = async (runId: string) =>
    (await owner.get(`/api/workspaces/${ws}/audit?action=approval.decided`)).body.events.filter(
      (e: { details: { runId: string } }) => e.details.runId === runId,
    );

  beforeAll(async () => {
    const plans = join(mkdtempSync(join(tmpdir(), 'bm-plans-')), 'plans.json');
    writeFileSync(
      plans,
      JSON.stringify({
        defaultPlan: 'team',
        plans: [
          { id: 'team', name: 'Team' },
          { id: 'free', name: 'Free', features: { approvals: false } },
        ],
      }),
    );
    t = await startTestServer({ env: { BOT_MANAGER_PLANS: plans } });
    temporal = new Client({ connection: await Connection.connect({ address: t.server.temporalAddress }) });
    owner = t.api();
    const ownerUser = await owner.signup('owner@example.com');
    editor = t.api();
    editorId = (await editor.signup('editor@example.com', 'correct horse battery', 'Eddie Editor')).id;
    viewer = t.api();
    const viewerId = (await viewer.signup('viewer@example.com')).id;
    ws = (await owner.post('/api/workspaces', { name: 'Crew' })).body.id;
    for (const [userId, role] of [
      [editorId, 'editor'],
      [viewerId, 'viewer'],
    ] as const)
      await prisma().membership.create({ data: { id: `mem_${userId}`, userId, workspaceId: ws, role } });
    const bot = await owner.post('/api/bots', { workspaceId: ws, name: 'Reply drafter', graph: approvalGraph });
    expect(bot.status).toBe(201);
    botId = bot.body.id;
    expect(ownerUser.id).toBeTruthy();
  }, 120_000);

  afterAll(async () => {
    for (const id of workflows)
      await temporal?.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => {});
    await temporal?.connection.close();
    await t?.close();
  });

  it('an editor decides in the app: recorded first, then the workflow is told; a second decision is 409', async () => {
    const { runId, workflowId } = await pendingApproval();
    const edited = { to: 'a@example.com', text: 'Hello, edited' };
    const r = await editor.post(`/api/runs/${runId}/approvals/ok`, { decision: 'approve', payload: edited });
    expect(r.status).toBe(200);
    expect(r.body.approval).toMatchObject({
      runId,
      nodeId: 'ok',
      item: -1,
      botId,
      botName: 'Reply drafter',
      status: 'approved',
      decidedPayload: edited,
      decidedBy: { id: editorId, name: 'Eddie Editor' },
      decidedVia: 'app',
    });
    expect(r.body.approval.decidedAt).toBeTruthy();
    // Only ids travel through Temporal: the node, never the payload.
    expect(await signalsTo(workflowId)).toEqual([{ nodeId: 'ok' }]);

    const again = await owner.post(`/api/runs/${runId}/approvals/ok`, { decision: 'reject' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'APPROVAL_DECIDED', details: { status: 'approved' } });
    expect(again.body.error.message).toMatch(/already approved/);
    expect((await repos().approvals.get(runId, 'ok'))!.status).toBe('approved');
    expect(await signalsTo(workflowId)).toHaveLength(1);

    const [event] = await auditOf(runId);
    expect(event).toMatchObject({
      action: 'approval.decided',
      actor: { userId: editorId },
      target: { type: 'run', id: runId },
      details: { runId, nodeId: 'ok', decision: 'approve', via: 'app', edited: true },
    });
  });

  it('refuses a viewer (403) and leaves the approval pending; a node without an approval is 404', async () => {
    const { runId, workflowId } = await pendingApproval();
    const r = await viewer.post(`/api/runs/${runId}/approvals/ok`, { decision: 'approve' });
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await repos().approvals.get(runId, 'ok'))!.status).toBe('pending');
    expect(await signalsTo(workflowId)).toEqual([]);
    const none = await editor.post(`/api/runs/${runId}/approvals/in`, { decision: 'approve' });
    expect([none.status, none.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await editor.post(`/api/runs/${runId}/approvals/ok`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
  });

  it('decides with an API token (via "api"), and answers 409 with the status for a timed-out one', async () => {
    const token = (await editor.post('/api/tokens', { name: 'script' })).body.token as string;
    const script = t.api();
    script.useToken(token);
    const { runId } = await pendingApproval();
    const r = await script.post(`/api/runs/${runId}/approvals/ok`, { decision: 'reject' });
    expect(r.status).toBe(200);
    expect(r.body.approval).toMatchObject({ status: 'rejected', decidedVia: 'api', decidedBy: { id: editorId } });
    expect((await auditOf(runId))[0].details).toMatchObject({ decision: 'reject', via: 'api', edited: false });

    const late = await pendingApproval();
    await repos().approvals.settle(late.runId, 'ok', -1, true);
    const tooLate = await script.post(`/api/runs/${late.runId}/approvals/ok`, { decision: 'approve' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error).toMatchObject({ code: 'APPROVAL_DECIDED', details: { status: 'timeout' } });
    expect(tooLate.body.error.message).toMatch(/timed out/);
  });

  it('a signed link shows the request and decides it once, without a session; reuse is refused', async () => {
    const token = randomBytes(32).toString('base64url');
    const { runId, workflowId } = await pendingApproval({ linkToken: token, payload: 'Dear customer, …' });
    const anyone = t.api();
    const view = await anyone.get(`/api/approval-links/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ botName: 'Reply drafter', message: 'Send this reply?', payload: 'Dear customer, …', expiresAt: null });

    const decided = await anyone.post(`/api/approval-links/${token}`, { decision: 'approve', payload: 'Dear customer, thanks' });
    expect([decided.status, decided.body]).toEqual([200, { status: 'approved' }]);
    const row = (await repos().approvals.get(runId, 'ok'))!;
    expect(row).toMatchObject({ status: 'approved', decidedVia: 'link', decidedById: null, decidedPayload: 'Dear customer, thanks' });
    expect(row.linkTokenHash).toBeNull();
    expect(await signalsTo(workflowId)).toEqual([{ nodeId: 'ok' }]);
    const [event] = await auditOf(runId);
    expect(event).toMatchObject({ actor: null, details: { decision: 'approve', via: 'link' } });

    for (const reuse of [
      await anyone.post(`/api/approval-links/${token}`, { decision: 'reject' }),
      await anyone.get(`/api/approval-links/${token}`),
    ])
      expect([reuse.status, reuse.body.error.code]).toEqual([404, 'APPROVAL_LINK_INVALID']);
    const unknown = await anyone.get(`/api/approval-links/${randomBytes(32).toString('base64url')}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'APPROVAL_LINK_INVALID']);
    // A link decided in the inbox instead is spent as well.
    const other = randomBytes(32).toString('base64url');
    const inInbox = await pendingApproval({ linkToken: other });
    expect((await editor.post(`/api/runs/${inInbox.runId}/approvals/ok`, { decision: 'approve' })).status).toBe(200);
    expect((await anyone.get(`/api/approval-links/${other}`)).status).toBe(404);
  });

  it('undoes a decision the run cannot be told of (no workflow): 503, pending again, the link works again', async () => {
    const token = randomBytes(32).toString('base64url');
    const { runId } = await pendingApproval({ workflow: false, linkToken: token });
    const r = await editor.post(`/api/runs/${runId}/approvals/ok`, { decision: 'approve', payload: 'x' });
    expect([r.status, r.body.error.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
    expect(await repos().approvals.get(runId, 'ok')).toMatchObject({
      status: 'pending',
      decidedById: null,
      decidedVia: null,
      decidedAt: null,
    });
    // The inbox's attempt spent the link; undoing it gives the link back, and the link fails alike.
    const byLink = await t.api().post(`/api/approval-links/${token}`, { decision: 'reject' });
    expect([byLink.status, byLink.body.error.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
    expect((await repos().approvals.get(runId, 'ok'))!.status).toBe('pending');
    expect((await t.api().get(`/api/approval-links/${token}`)).status).toBe(200);
    // Nothing was decided, so nothing is in the audit log.
    expect(await auditOf(runId)).toEqual([]);
  });

  it('lists the workspace approvals for every member: pending first, then newest, with the bot and who decided', async () => {
    const older = await pendingApproval();
    const decided = await pendingApproval();
    expect((await editor.post(`/api/runs/${decided.runId}/approvals/ok`, { decision: 'reject' })).status).toBe(200);
    const r = await viewer.get(`/api/approvals?workspaceId=${ws}`);
    expect(r.status).toBe(200);
    const list = r.body.approvals as { runId: string; status: string; createdAt: string; botName: string }[];
    const firstDecided = list.findIndex((a) => a.status !== 'pending');
    expect(firstDecided).toBeGreaterThan(0);
    expect(list.slice(firstDecided).every((a) => a.status !== 'pending')).toBe(true);
    const times = (xs: typeof list) => xs.map((a) => a.createdAt);
    expect(times(list.slice(0, firstDecided))).toEqual([...times(list.slice(0, firstDecided))].sort().reverse());
    expect(times(list.slice(firstDecided))).toEqual([...times(list.slice(firstDecided))].sort().reverse());
    expect(list.find((a) => a.runId === older.runId)).toMatchObject({ status: 'pending', botName: 'Reply drafter', decidedBy: null });
    expect(list.find((a) => a.runId === decided.runId)).toMatchObject({ status: 'rejected', decidedBy: { id: editorId } });
    const pending = (await viewer.get(`/api/approvals?workspaceId=${ws}&status=pending`)).body.approvals;
    expect(pending.every((a: { status: string }) => a.status === 'pending')).toBe(true);
    expect(pending.some((a: { runId: string }) => a.runId === older.runId)).toBe(true);
    // Someone outside the workspace sees none of them.
    const stranger = t.api();
    await stranger.signup();
    expect((await stranger.get(`/api/approvals?workspaceId=${ws}`)).status).toBe(404);
  });

  it('refuses saving a bot with an approval node on a plan without approvals (403 PLAN_LIMIT)', async () => {
    const team = (await owner.post('/api/workspaces', { name: 'Frugal' })).body.id;
    expect((await owner.put(`/api/workspaces/${team}/plan`, { planId: 'free' })).status).toBe(200);
    const refused = await owner.post('/api/bots', { workspaceId: team, name: 'Needs approval', graph: approvalGraph });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'PLAN_LIMIT', details: { limit: 'approvals', plan: 'free' } });
    expect(refused.body.error.message).toMatch(/does not include approvals/);
    const plain = await owner.post('/api/bots', { workspaceId: team, name: 'Plain', graph: plainGraph });
    expect(plain.status).toBe(201);
    const edit = await owner.patch(`/api/bots/${plain.body.id}`, { graph: approvalGraph });
    expect([edit.status, edit.body.error.code]).toEqual([403, 'PLAN_LIMIT']);
    expect((await owner.get(`/api/bots/${plain.body.id}`)).body.version).toBe(1);
  });
});
