import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/app';

// The run history's filters and pages, re-runs, the bots list's extra columns and a connection's
// usage and switch, over real PGlite. Runs are recorded through the repository (the engine is not
// what is tested here; apps/web/e2e/run-history.int.test.ts runs real ones through Temporal).
describe('run history, bots list and connection usage', () => {
  let t: TestApp;
  type Caller = Awaited<ReturnType<TestApp['signup']>> & { email: string };
  const call = (who: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      cookies: who.cookies,
      headers: { 'x-csrf-token': '1' },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  let n = 0;
  const person = async (): Promise<Caller> => {
    const email = `l${++n}.${Date.now()}@example.com`;
    return { ...(await t.signup(email)), email };
  };
  const join = async (owner: Caller, ws: string, who: Caller, role: string) => {
    const inv = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: who.email, role });
    expect(inv.statusCode).toBe(201);
    const token = (inv.json().url as string).split('/invite/')[1];
    expect((await call(who, 'POST', '/api/invitations/accept', { token })).statusCode).toBe(200);
  };
  const tpl = (id: string) => ({ id, type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } });
  const llm = (id: string, llmConnectionId?: string) => ({
    id,
    type: 'llm.chat',
    params: { purpose: 'draft', prompt: 'Say hi', ...(llmConnectionId ? { llmConnectionId } : {}) },
    position: { x: 200, y: 0 },
  });
  const newBot = async (who: Caller, name: string, body: object = {}) => {
    const r = await call(who, 'POST', '/api/bots', { name, graph: { nodes: [tpl('t')], edges: [] }, ...body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number; workspaceId: string };
  };

  /** Records a run as the engine would, then finishes it (unless left open). */
  async function record(
    who: Caller,
    botId: string,
    opts: {
      status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
      input?: unknown;
      error?: object;
      trigger?: 'manual' | 'api' | 'schedule';
      at: Date;
    },
  ) {
    const bot = (await t.repos.bots.get(botId))!;
    const version = (await t.repos.bots.version(botId, bot.currentVersion))!;
    const id = t.repos.runs.newId();
    await t.repos.runs.create({
      id,
      botId,
      botVersionId: version.id,
      version: version.version,
      workspaceId: bot.workspaceId,
      userId: who.id,
      trigger: opts.trigger ?? 'manual',
      input: opts.input,
      workflowId: `wf-${id}`,
    });
    await t.db.raw.query(`UPDATE "Run" SET "createdAt" = $1::timestamp WHERE "id" = $2`, [opts.at.toISOString(), id]);
    if (opts.status === 'running') await t.repos.runs.claim(id);
    else if (opts.status !== 'queued') await t.repos.runs.finish(id, opts.status, opts.error);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  describe('GET /api/bots/:id/runs', () => {
    let me: Caller;
    let botId: string;
    const ids: Record<string, string> = {};
    const list = async (query: string) => {
      const r = await call(me, 'GET', `/api/bots/${botId}/runs${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { runs: { id: string; status: string; trigger: string; version: number }[]; nextCursor: string | null };
    };
    beforeAll(async () => {
      me = await person();
      botId = (await newBot(me, 'History')).id;
      ids.ok = await record(me, botId, { status: 'succeeded', input: { topic: 'green tea' }, at: new Date('2026-11-01T10:00:00Z') });
      ids.quota = await record(me, botId, {
        status: 'failed',
        input: { topic: 'coffee' },
        error: { code: 'QUOTA_EXCEEDED', message: 'Your OpenAI account has run out of quota.' },
        trigger: 'api',
        at: new Date('2026-11-02T10:00:00Z'),
      });
      // The bot moves on to version 2; later runs are of that version.
      expect((await call(me, 'PATCH', `/api/bots/${botId}`, { graph: { nodes: [tpl('t'), tpl('u')], edges: [] } })).json().version).toBe(2);
      ids.cancelled = await record(me, botId, {
        status: 'cancelled',
        input: { topic: '50% off_sale' },
        at: new Date('2026-11-03T10:00:00Z'),
      });
      ids.running = await record(me, botId, { status: 'running', trigger: 'schedule', at: new Date('2026-11-04T10:00:00Z') });
    });

    it('lists newest first without filters, and filters by status, trigger and version', async () => {
      expect((await list('')).runs.map((r) => r.id)).toEqual([ids.running, ids.cancelled, ids.quota, ids.ok]);
      expect((await list('?status=failed')).runs.map((r) => r.id)).toEqual([ids.quota]);
      expect((await list('?status=failed,cancelled')).runs.map((r) => r.id)).toEqual([ids.cancelled, ids.quota]);
      expect((await list('?trigger=api,schedule')).runs.map((r) => r.id)).toEqual([ids.running, ids.quota]);
      expect((await list('?version=1')).runs.map((r) => r.id)).toEqual([ids.quota, ids.ok]);
      expect((await list('?version=2&status=succeeded')).runs).toEqual([]);
    });

    it('filters by a date range (from inclusive, to exclusive)', async () => {
      expect((await list('?from=2026-11-02&to=2026-11-04')).runs.map((r) => r.id)).toEqual([ids.cancelled, ids.quota]);
      expect((await list('?from=2026-11-03T10:00:00.000Z')).runs.map((r) => r.id)).toEqual([ids.running, ids.cancelled]);
    });

    it('searches run id prefixes, error codes and messages and the input text, case-insensitively and literally', async () => {
      expect((await list('?q=quota_exc')).runs.map((r) => r.id)).toEqual([ids.quota]);
      expect((await list('?q=RUN%20OUT')).runs.map((r) => r.id)).toEqual([ids.quota]);
      expect((await list('?q=green')).runs.map((r) => r.id)).toEqual([ids.ok]);
      expect((await list(`?q=${ids.ok!.slice(0, -2)}`)).runs.map((r) => r.id)).toContain(ids.ok);
      // % and _ are text, not wildcards.
      expect((await list('?q=50%25%20off_')).runs.map((r) => r.id)).toEqual([ids.cancelled]);
      expect((await list('?q=%25')).runs.map((r) => r.id)).toEqual([ids.cancelled]);
      expect((await list('?q=nothing-like-this')).runs).toEqual([]);
    });

    it('pages with a cursor until the last page, filters kept', async () => {
      const first = await list('?limit=3');
      expect(first.runs.map((r) => r.id)).toEqual([ids.running, ids.cancelled, ids.quota]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await list(`?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(second.runs.map((r) => r.id)).toEqual([ids.ok]);
      expect(second.nextCursor).toBeNull();
      const filtered = await list('?limit=1&status=failed,succeeded');
      expect(filtered.runs.map((r) => r.id)).toEqual([ids.quota]);
      expect(
        (await list(`?limit=1&status=failed,succeeded&cursor=${encodeURIComponent(filtered.nextCursor!)}`)).runs.map((r) => r.id),
      ).toEqual([ids.ok]);
    });

    it('refuses bad filter values with 400 and a message that says what to use', async () => {
      const bad = async (query: string, says: string) => {
        const r = await call(me, 'GET', `/api/bots/${botId}/runs${query}`);
        expect(r.statusCode, query).toBe(400);
        expect(r.json().error.code).toBe('VALIDATION_FAILED');
        expect(r.json().error.message).toContain(says);
      };
      await bad('?status=done', 'queued, running, succeeded, failed, cancelled');
      await bad('?trigger=cron', 'manual, api, schedule');
      await bad('?version=zero', 'version');
      await bad('?version=0', 'version');
      await bad('?from=yesterday', '2026-12-01');
      await bad('?from=2026-11-05&to=2026-11-01', 'after its start');
      await bad('?cursor=abc', 'cursor');
      await bad(`?q=${'x'.repeat(201)}`, 'q');
      const ko = await t.app.inject({
        method: 'GET',
        url: `/api/bots/${botId}/runs?status=done`,
        cookies: me.cookies,
        headers: { 'accept-language': 'ko' },
      });
      expect(ko.json().error.message).toContain('골라 주세요');
    });

    it('is the bot reader’s: another workspace’s caller gets 404', async () => {
      const stranger = await person();
      expect((await call(stranger, 'GET', `/api/bots/${botId}/runs?status=failed`)).statusCode).toBe(404);
    });

    it('re-runs a finished run of the current version with its input, refuses an open one, hides it from strangers', async () => {
      const open = await call(me, 'POST', `/api/runs/${ids.running}/rerun`);
      expect(open.statusCode).toBe(409);
      expect(open.json().error).toMatchObject({ code: 'RUN_NOT_FINISHED' });
      expect(open.json().error.message).toContain('running');
      const stranger = await person();
      expect((await call(stranger, 'POST', `/api/runs/${ids.quota}/rerun`)).statusCode).toBe(404);
      // This app's Temporal is unreachable: the new run is recorded, then marked failed (503).
      const again = await call(me, 'POST', `/api/runs/${ids.quota}/rerun`);
      expect(again.statusCode).toBe(503);
      const newest = (await list('?limit=1')).runs[0]!;
      expect(newest.id).not.toBe(ids.running);
      const detail = (await call(me, 'GET', `/api/runs/${newest.id}`)).json();
      // Version 2 (current), not the original's 1; the same input; a session caller's re-run is manual.
      expect(detail).toMatchObject({ rerunOfId: ids.quota, version: 2, trigger: 'manual', input: { topic: 'coffee' } });
      const origin = (await call(me, 'GET', `/api/runs/${ids.quota}`)).json();
      expect(origin.followUps).toEqual([{ id: newest.id, kind: 'rerun' }]);
    });

    it('lets a viewer read the history but not re-run', async () => {
      const owner = await person();
      const ws = (await call(owner, 'POST', '/api/workspaces', { name: 'Readers' })).json().id as string;
      const bot = await newBot(owner, 'Team bot', { workspaceId: ws });
      const run = await record(owner, bot.id, { status: 'succeeded', at: new Date('2026-11-05T00:00:00Z') });
      const viewer = await person();
      await join(owner, ws, viewer, 'viewer');
      expect((await call(viewer, 'GET', `/api/bots/${bot.id}/runs?status=succeeded`)).json().runs).toHaveLength(1);
      const r = await call(viewer, 'POST', `/api/runs/${run}/rerun`);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    });
  });

  describe('GET /api/bots', () => {
    it('adds the last run, the next scheduled run and the owner; searches and sorts', async () => {
      const me = await person();
      const alpha = await newBot(me, 'Alpha digest', { description: 'Morning news' });
      const beta = await newBot(me, 'beta report');
      const gamma = await newBot(me, 'Gamma');
      await record(me, alpha.id, { status: 'succeeded', at: new Date('2026-11-01T00:00:00Z') });
      const betaLast = await record(me, beta.id, { status: 'failed', error: { message: 'x' }, at: new Date('2026-11-03T00:00:00Z') });
      await record(me, beta.id, { status: 'succeeded', at: new Date('2026-11-02T00:00:00Z') });
      // Schedules are Temporal's: stored here as the schedules route stores them (one paused).
      const sch = (cron: string, paused = false) =>
        t.repos.schedules.create({
          id: t.repos.schedules.newId(),
          botId: alpha.id,
          workspaceId: alpha.workspaceId,
          createdById: me.id,
          cron,
          timezone: 'UTC',
          overlap: 'skip',
          paused,
        });
      await sch('0 9 * * *');
      await sch('@every 1m', true);
      await sch('@hourly');
      const before = Date.now();
      const r = await call(me, 'GET', '/api/bots');
      expect(r.statusCode, r.body).toBe(200);
      const bots = r.json().bots as {
        id: string;
        name: string;
        lastRun: { id: string; status: string } | null;
        nextRunAt: string | null;
        owner: { id: string; email: string } | null;
      }[];
      const by = (id: string) => bots.find((b) => b.id === id)!;
      expect(by(beta.id).lastRun).toMatchObject({ id: betaLast, status: 'failed' });
      expect(by(gamma.id).lastRun).toBeNull();
      expect(by(gamma.id).nextRunAt).toBeNull();
      expect(by(alpha.id).owner).toMatchObject({ id: me.id, email: me.email });
      // The earliest of the active schedules: the next full hour (the paused per-minute one is left out).
      const next = new Date(by(alpha.id).nextRunAt!).getTime();
      expect(next).toBe(Math.floor(before / 3_600_000) * 3_600_000 + 3_600_000);

      const names = async (query: string) =>
        ((await call(me, 'GET', `/api/bots${query}`)).json().bots as { name: string }[]).map((b) => b.name);
      expect(await names('?sort=name')).toEqual(['Alpha digest', 'beta report', 'Gamma']);
      expect(await names('?sort=name&order=desc')).toEqual(['Gamma', 'beta report', 'Alpha digest']);
      expect(await names('?sort=lastRun')).toEqual(['beta report', 'Alpha digest', 'Gamma']);
      expect(await names('?sort=lastRun&order=asc')).toEqual(['Alpha digest', 'beta report', 'Gamma']);
      expect(await names('?q=MORNING')).toEqual(['Alpha digest']);
      expect(await names('?q=report&sort=name')).toEqual(['beta report']);
      expect(await names('?q=zzz')).toEqual([]);
      const bad = await call(me, 'GET', '/api/bots?sort=size');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('name, updated or lastRun');
      expect((await call(me, 'GET', '/api/bots?order=up')).statusCode).toBe(400);
    });
  });

  describe('connection usage and switch', () => {
    const connection = async (who: Caller, name: string, extra: object = {}) => {
      const r = await call(who, 'POST', '/api/llm-connections', {
        provider: 'openai',
        name,
        apiKey: 'sk-test-key-1234',
        modelDefault: 'gpt-4o-mini',
        ...extra,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };

    it('lists the bots using a connection (default or node) and switches them all to another, each a new version', async () => {
      const me = await person();
      const old = await connection(me, 'Old key');
      const fresh = await connection(me, 'New key');
      const byDefault = await newBot(me, 'Default user', { llmConnectionId: old, graph: { nodes: [llm('a')], edges: [] } });
      const byNode = await newBot(me, 'Node user', { graph: { nodes: [llm('a', old), llm('b', fresh), tpl('t')], edges: [] } });
      await newBot(me, 'Unrelated', { graph: { nodes: [llm('a', fresh)], edges: [] } });

      const usage = await call(me, 'GET', `/api/llm-connections/${old}/usage`);
      expect(usage.statusCode, usage.body).toBe(200);
      expect(usage.json()).toEqual({
        bots: [
          { id: byDefault.id, name: 'Default user', nodes: [], defaultConnection: true },
          { id: byNode.id, name: 'Node user', nodes: ['a'], defaultConnection: false },
        ],
        otherBots: 0,
      });

      const sw = await call(me, 'POST', `/api/llm-connections/${old}/switch`, { toConnectionId: fresh });
      expect(sw.statusCode, sw.body).toBe(200);
      expect(sw.json().bots).toEqual(
        expect.arrayContaining([
          { id: byDefault.id, version: 2 },
          { id: byNode.id, version: 2 },
        ]),
      );
      const a = (await call(me, 'GET', `/api/bots/${byDefault.id}`)).json();
      expect(a).toMatchObject({ llmConnectionId: fresh, version: 2 });
      const b = (await call(me, 'GET', `/api/bots/${byNode.id}`)).json();
      expect(b.graph.nodes.map((x: { params: { llmConnectionId?: string } }) => x.params.llmConnectionId)).toEqual([
        fresh,
        fresh,
        undefined,
      ]);
      expect((await call(me, 'GET', `/api/bots/${byNode.id}/versions`)).json().versions[0]).toMatchObject({ version: 2 });
      expect((await call(me, 'GET', `/api/llm-connections/${old}/usage`)).json()).toEqual({ bots: [], otherBots: 0 });
    });

    it('switches only the chosen bots, and refuses bad targets without changing anything', async () => {
      const me = await person();
      const old = await connection(me, 'Old');
      const fresh = await connection(me, 'Fresh');
      const off = await connection(me, 'Off');
      expect((await call(me, 'PATCH', `/api/llm-connections/${off}`, { isActive: false })).statusCode).toBe(200);
      const one = await newBot(me, 'One', { graph: { nodes: [llm('a', old)], edges: [] } });
      const two = await newBot(me, 'Two', { graph: { nodes: [llm('a', old)], edges: [] } });
      const other = await person();
      const foreign = await connection(other, 'Not yours');

      const refused = async (body: object, status: number, code: string) => {
        const r = await call(me, 'POST', `/api/llm-connections/${old}/switch`, body);
        expect(r.statusCode, JSON.stringify(body)).toBe(status);
        expect(r.json().error.code).toBe(code);
      };
      await refused({ toConnectionId: foreign }, 422, 'INVALID_CONNECTION');
      await refused({ toConnectionId: old }, 422, 'INVALID_CONNECTION');
      await refused({ toConnectionId: off }, 422, 'SWITCH_TARGET_INACTIVE');
      await refused({ toConnectionId: fresh, botIds: ['bot_missing'] }, 422, 'SWITCH_BOT_NOT_USING');
      await refused({}, 400, 'VALIDATION_FAILED');
      expect((await call(me, 'GET', `/api/llm-connections/${old}/usage`)).json().bots).toHaveLength(2);

      const sw = await call(me, 'POST', `/api/llm-connections/${old}/switch`, { toConnectionId: fresh, botIds: [two.id] });
      expect(sw.json()).toEqual({ bots: [{ id: two.id, version: 2 }] });
      expect((await call(me, 'GET', `/api/llm-connections/${old}/usage`)).json().bots.map((b: { id: string }) => b.id)).toEqual([one.id]);
    });

    it('keeps other workspaces out (404) and viewers from switching (403)', async () => {
      const owner = await person();
      const ws = (await call(owner, 'POST', '/api/workspaces', { name: 'Shared keys' })).json().id as string;
      const shared = await connection(owner, 'Team key', { workspaceId: ws, shared: true });
      const spare = await connection(owner, 'Spare', { workspaceId: ws, shared: true });
      await newBot(owner, 'Team bot', { workspaceId: ws, graph: { nodes: [llm('a', shared)], edges: [] } });
      const stranger = await person();
      expect((await call(stranger, 'GET', `/api/llm-connections/${shared}/usage`)).statusCode).toBe(404);
      expect((await call(stranger, 'POST', `/api/llm-connections/${shared}/switch`, { toConnectionId: spare })).statusCode).toBe(404);
      const viewer = await person();
      await join(owner, ws, viewer, 'viewer');
      expect((await call(viewer, 'GET', `/api/llm-connections/${shared}/usage`)).json().bots).toHaveLength(1);
      const r = await call(viewer, 'POST', `/api/llm-connections/${shared}/switch`, { toConnectionId: spare });
      expect(r.statusCode).toBe(403);
      expect((await call(viewer, 'GET', `/api/llm-connections/${shared}/usage`)).json().bots).toHaveLength(1);
      const editor = await person();
      await join(owner, ws, editor, 'editor');
      expect((await call(editor, 'POST', `/api/llm-connections/${shared}/switch`, { toConnectionId: spare })).json().bots).toHaveLength(1);
    });
  });
});
