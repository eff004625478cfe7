import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/app';

// The permission table in force, through HTTP: viewers read, editors build, admins and owners
// manage connections; ids of other workspaces are 404, a known id without the role is 403.
describe('access to workspace resources', () => {
  let t: TestApp;
  type Caller = Awaited<ReturnType<TestApp['signup']>>;
  let owner: Caller, editor: Caller, viewer: Caller, stranger: Caller;
  let botId: string;
  const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } }], edges: [] };
  const call = (who: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    // x-csrf-token: what the web app sends with bodiless writes (plugins/same-origin.ts).
    t.app.inject({
      method,
      url,
      cookies: who.cookies,
      headers: { 'x-csrf-token': '1' },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp();
    [owner, editor, viewer, stranger] = await Promise.all([t.signup(), t.signup(), t.signup(), t.signup()]);
    for (const [who, role] of [
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      await t.db.prisma.membership.create({ data: { id: `mem_${role}`, userId: who.id, workspaceId: owner.workspaceId, role } });
    }
    botId = (await call(owner, 'POST', '/api/bots', { name: 'b', graph })).json().id;
    expect((await call(owner, 'POST', `/api/bots/${botId}/webhook`)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('lets a viewer read but not change, run or see the webhook URL', async () => {
    const seen = await call(viewer, 'GET', `/api/bots/${botId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().webhookUrl).toBeNull();
    expect((await call(viewer, 'GET', `/api/bots?workspaceId=${owner.workspaceId}`)).json().bots).toHaveLength(1);
    expect((await call(viewer, 'GET', `/api/bots/${botId}/versions`)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['PATCH', `/api/bots/${botId}`, { name: 'mine' }],
      ['DELETE', `/api/bots/${botId}`],
      ['POST', `/api/bots/${botId}/runs`, {}],
      ['POST', `/api/bots/${botId}/webhook`],
      ['POST', '/api/bots', { name: 'x', graph, workspaceId: owner.workspaceId }],
      [
        'POST',
        '/api/llm-connections',
        { provider: 'openai', name: 'k', apiKey: 'sk-test-1234567890', modelDefault: 'm', workspaceId: owner.workspaceId },
      ],
    ] as const) {
      const r = await call(viewer, method, url, body);
      expect([method, url, r.statusCode, r.json().error.code]).toEqual([method, url, 403, 'FORBIDDEN']);
    }
  });

  it('lets an editor change the bot; its webhook URL is never read back (stored hashed), only that it exists', async () => {
    const r = await call(editor, 'PATCH', `/api/bots/${botId}`, { name: 'renamed' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ webhookUrl: null, webhookEnabled: true });
    const rotated = await call(editor, 'POST', `/api/bots/${botId}/webhook`);
    expect(rotated.json().url).toMatch(/^http:\/\/x\/api\/hooks\//);
    expect(rotated.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for ids and workspaces of others, never 403', async () => {
    for (const [method, url, body] of [
      ['GET', `/api/bots/${botId}`],
      ['PATCH', `/api/bots/${botId}`, { name: 'x' }],
      ['GET', `/api/bots/${botId}/results`],
      ['GET', `/api/bots?workspaceId=${owner.workspaceId}`],
      ['POST', '/api/bots', { name: 'x', graph, workspaceId: owner.workspaceId }],
      ['GET', '/api/runs/run_unknown'],
      ['DELETE', '/api/schedules/sch_unknown'],
    ] as const) {
      const r = await call(stranger, method, url, body);
      expect([method, url, r.statusCode, r.json().error.code]).toEqual([method, url, 404, 'NOT_FOUND']);
    }
  });

  it('shows a private connection to its owner only; a shared one to all, changed only by its owner or an admin', async () => {
    const create = (who: Caller, shared: boolean) =>
      call(who, 'POST', '/api/llm-connections', {
        provider: 'openai',
        name: 'k',
        apiKey: 'sk-test-1234567890',
        modelDefault: 'm',
        workspaceId: owner.workspaceId,
        shared,
      });
    const priv = (await create(owner, false)).json();
    const shared = (await create(owner, true)).json();
    expect(priv.keyHint).toBeTruthy();
    expect(priv).not.toHaveProperty('apiKey');
    expect((await call(viewer, 'GET', `/api/llm-connections/${priv.id}`)).statusCode).toBe(404);
    expect((await call(viewer, 'GET', `/api/llm-connections/${shared.id}`)).json().ownedByMe).toBe(false);
    const refused = await call(editor, 'DELETE', `/api/llm-connections/${shared.id}`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const own = (await create(editor, false)).json();
    expect((await call(editor, 'PATCH', `/api/llm-connections/${own.id}`, { name: 'mine' })).json().name).toBe('mine');
    expect((await call(editor, 'DELETE', `/api/llm-connections/${own.id}`)).statusCode).toBe(204);
    expect((await call(owner, 'DELETE', `/api/llm-connections/${shared.id}`)).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/llm-connections/${shared.id}`)).statusCode).toBe(404);
  });

  it('answers a malformed graph with 422 INVALID_GRAPH naming the node, and a missing one with 400', async () => {
    const bad = { nodes: [{ id: 'n1', type: 'transform.template', position: { x: 'left', y: 0 } }], edges: [] };
    const r = await call(owner, 'POST', '/api/bots', { name: 'b', graph: bad });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'INVALID_GRAPH',
      details: [{ nodeId: 'n1', message: expect.stringMatching(/^graph\.nodes\.0\.position\.x: /) }],
    });
    const missing = await call(owner, 'POST', '/api/bots', { name: 'b' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('answers a row deleted meanwhile with 404 from the repository, not a 500', async () => {
    const id = (await call(owner, 'POST', '/api/bots', { name: 'gone', graph })).json().id;
    await t.repos.bots.delete(id);
    await expect(t.repos.bots.disableWebhook(id)).rejects.toMatchObject({ name: 'NotFoundError' });
    expect((await call(owner, 'DELETE', `/api/bots/${id}/webhook`)).statusCode).toBe(404);
  });
});
