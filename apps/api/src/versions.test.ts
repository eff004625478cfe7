import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/app';

// Safe saves and version history over real PGlite (packages/db's tests race the repository on
// PostgreSQL too).
describe('versions', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'history@example.com', password: 'long enough password', name: 'Hana' },
    });
    cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
  });
  afterAll(async () => t?.close());

  const node = (id: string, template: string, label?: string) => ({
    id,
    type: 'transform.template',
    params: { template },
    position: { x: 0, y: 0 },
    ...(label ? { label } : {}),
  });
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
  const newBot = async () =>
    (await call('POST', '/api/bots', { name: 'Digest', graph: { nodes: [node('a', 'one', 'Fetch')], edges: [] } })).json() as {
      id: string;
      version: number;
    };

  it('refuses a save based on a version that is no longer current, naming the current one', async () => {
    const bot = await newBot();
    // Tab A adds a node; tab B, still on version 1, saves without it.
    const a = await call('PATCH', `/api/bots/${bot.id}`, {
      baseVersion: 1,
      graph: { nodes: [node('a', 'one'), node('b', 'added by A')], edges: [] },
    });
    expect(a.statusCode).toBe(200);
    expect(a.json().version).toBe(2);
    const b = await call('PATCH', `/api/bots/${bot.id}`, { baseVersion: 1, graph: { nodes: [node('a', 'changed by B')], edges: [] } });
    expect(b.statusCode).toBe(409);
    expect(b.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: 2 } });
    expect(b.json().error.message).toContain('version 2');
    // Nothing of B's was written, A's node is still there.
    const now = (await call('GET', `/api/bots/${bot.id}`)).json();
    expect(now.version).toBe(2);
    expect(now.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['a', 'b']);
    // Korean callers get the message in Korean.
    const ko = await t.app.inject({
      method: 'PATCH',
      url: `/api/bots/${bot.id}`,
      cookies,
      headers: { 'accept-language': 'ko' },
      payload: { baseVersion: 1, name: 'x' },
    });
    expect(ko.json().error.message).toContain('2번 버전');
    // "Keep mine": the same graph again, based on the current version, is a new version.
    const mine = await call('PATCH', `/api/bots/${bot.id}`, { baseVersion: 2, graph: { nodes: [node('a', 'changed by B')], edges: [] } });
    expect(mine.json().version).toBe(3);
    // A script's save without baseVersion stays unconditional.
    const script = await call('PATCH', `/api/bots/${bot.id}`, { graph: { nodes: [node('a', 'script')], edges: [] } });
    expect(script.json().version).toBe(4);
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const bot = await newBot();
    const saves = await Promise.all(
      ['x', 'y', 'z'].map((tab) => call('PATCH', `/api/bots/${bot.id}`, { baseVersion: 1, graph: { nodes: [node('a', tab)], edges: [] } })),
    );
    expect(saves.map((s) => s.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = saves.find((s) => s.statusCode === 200)!.json();
    for (const lost of saves.filter((s) => s.statusCode === 409))
      expect(lost.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: 2 } });
    const list = (await call('GET', `/api/bots/${bot.id}/versions`)).json().versions;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await call('GET', `/api/bots/${bot.id}`)).json().graph).toEqual(winner.graph);
  });

  it('lists who saved each version, when, and a summary of what it changed', async () => {
    const bot = await newBot();
    await call('PATCH', `/api/bots/${bot.id}`, {
      baseVersion: 1,
      graph: { nodes: [node('a', 'two', 'Fetch'), node('b', 'x', 'Format')], edges: [{ id: 'e', source: 'a', target: 'b' }] },
    });
    await call('PATCH', `/api/bots/${bot.id}`, { baseVersion: 2, graph: { nodes: [node('a', 'two', 'Fetch')], edges: [] } });
    const [v3, v2, v1] = (await call('GET', `/api/bots/${bot.id}/versions`)).json().versions;
    expect(v1).toMatchObject({ version: 1, changes: null, summary: 'Created the bot', name: null, restoredFrom: null });
    expect(v1.createdBy).toEqual({ id: expect.any(String), name: 'Hana', email: 'history@example.com' });
    expect(v2.changes).toEqual({ added: ['Format'], removed: [], changed: ['Fetch'], moved: 0, edgesAdded: 1, edgesRemoved: 0, notes: 0 });
    expect(v2.summary).toBe('Added Format; changed Fetch; rewired 1 connection');
    expect(v3.summary).toBe('Removed Format; rewired 1 connection');
    expect(Date.parse(v3.createdAt)).toBeGreaterThanOrEqual(Date.parse(v1.createdAt));
  });

  it('names a version, and takes the name away again', async () => {
    const bot = await newBot();
    const named = await call('PATCH', `/api/bots/${bot.id}/versions/1`, { name: '  before the new prompt ' });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ version: 1, name: 'before the new prompt', summary: 'Created the bot' });
    expect((await call('GET', `/api/bots/${bot.id}/versions/1`)).json().name).toBe('before the new prompt');
    expect((await call('GET', `/api/bots/${bot.id}/versions`)).json().versions[0].name).toBe('before the new prompt');
    expect((await call('PATCH', `/api/bots/${bot.id}/versions/1`, { name: '' })).json().name).toBeNull();
    const missing = await call('PATCH', `/api/bots/${bot.id}/versions/7`, { name: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Version 7 of this bot was not found.');
    expect((await call('PATCH', `/api/bots/${bot.id}/versions/1`, { name: 'x'.repeat(121) })).statusCode).toBe(400);
  });

  it('restores an old version as a new one, keeps the history, and records it in the audit log', async () => {
    const bot = await newBot();
    await call('PATCH', `/api/bots/${bot.id}`, { graph: { nodes: [node('a', 'two'), node('b', 'three')], edges: [] } });
    const restored = await call('POST', `/api/bots/${bot.id}/versions/1/restore`, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: bot.id, version: 3 });
    expect(restored.json().graph.nodes).toEqual([expect.objectContaining({ id: 'a', label: 'Fetch', params: { template: 'one' } })]);
    const list = (await call('GET', `/api/bots/${bot.id}/versions`)).json().versions;
    expect(list.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(list[0]).toMatchObject({ restoredFrom: 1, summary: 'Restored version 1' });
    expect(list[0].changes.removed).toEqual(['b']);
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: 'bot.versionRestored', targetId: bot.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ version: 3, restoredFrom: 1 });

    // Restoring what is current already makes no version and no audit event.
    const again = await call('POST', `/api/bots/${bot.id}/versions/3/restore`, {});
    expect(again.json().version).toBe(3);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'bot.versionRestored', targetId: bot.id } })).toBe(1);
    expect((await call('POST', `/api/bots/${bot.id}/versions/9/restore`, {})).statusCode).toBe(404);
    // A save based on the version before the restore now conflicts: the restore is a save like any other.
    expect((await call('PATCH', `/api/bots/${bot.id}`, { baseVersion: 2, name: 'late' })).json().error.code).toBe('VERSION_CONFLICT');
  });
});
