import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@bm/db';
import { startTestApp, type TestApp } from '../testing/app';

// Account security over the real app and database: password change, sign out everywhere, reset
// links (who may make them for whom, one use), and the sweep of expired sessions.

const PW = 'long enough password';

describe('account security', () => {
  let t: TestApp;
  const mails: { to: string[]; subject: string; text: string }[] = [];
  beforeAll(async () => {
    t = await startTestApp({ appUrl: 'https://bm.example', mail: { send: async (m) => void mails.push(m) } });
  });
  afterAll(async () => t?.close());

  const login = async (email: string, password = PW, userAgent = 'browser-a') => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      headers: { 'user-agent': userAgent },
    });
    return { status: r.statusCode, session: r.cookies.find((c) => c.name === 'bm_session')?.value };
  };
  const meStatus = async (session: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/me', cookies: { bm_session: session } })).statusCode;
  const email = () => `u${Math.random().toString(36).slice(2)}@example.com`;
  /** The actions of a workspace's audit log, oldest first. */
  const actions = async (workspaceId: string) =>
    (await t.db.prisma.auditEvent.findMany({ where: { workspaceId }, orderBy: { at: 'asc' } })).map((e) => e.action);

  it('changes the password: the current one is proven, the rules hold, every other session ends', async () => {
    const addr = email();
    const u = await t.signup(addr);
    const other = (await login(addr)).session!;
    const change = (body: object, session = u.cookies.bm_session) =>
      t.app.inject({ method: 'POST', url: '/api/me/password', payload: body, cookies: { bm_session: session } });

    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a brand new secret' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await change({ currentPassword: PW, newPassword: 'password123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(await meStatus(other)).toBe(200);

    expect((await change({ currentPassword: PW, newPassword: 'a brand new secret' })).statusCode).toBe(204);
    expect(await meStatus(u.cookies.bm_session)).toBe(200);
    expect(await meStatus(other)).toBe(401);
    expect((await login(addr)).status).toBe(401);
    expect((await login(addr, 'a brand new secret')).status).toBe(200);
    // browser-a was new (the sign-up's device is not news); the change and the later sign-in from
    // the same device: one event each, nothing more.
    expect(await actions(u.workspaceId)).toEqual(['auth.signIn.newDevice', 'auth.passwordChanged']);
    await login(addr, 'a brand new secret', 'browser-b');
    expect((await actions(u.workspaceId)).at(-1)).toBe('auth.signIn.newDevice');
  });

  it('refuses a password change with an API token (a script cannot prove the password)', async () => {
    const u = await t.signup();
    const token = (await t.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'script' }, cookies: u.cookies })).json()
      .token as string;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: PW, newPassword: 'a brand new secret' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.statusCode).toBe(403);
  });

  it('signs out everywhere: every session of the user ends and the cookie is cleared', async () => {
    const addr = email();
    const u = await t.signup(addr);
    const other = (await login(addr)).session!;
    const bystander = await t.signup();
    // A bodiless write carries the web client's same-origin header.
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', cookies: u.cookies, headers: { 'x-csrf-token': '1' } });
    expect(r.statusCode).toBe(204);
    expect(r.cookies.find((c) => c.name === 'bm_session')?.value).toBe('');
    expect(await meStatus(u.cookies.bm_session)).toBe(401);
    expect(await meStatus(other)).toBe(401);
    expect(await meStatus(bystander.cookies.bm_session)).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { 'x-csrf-token': '1' } })).statusCode).toBe(401);
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { workspaceId: u.workspaceId, action: 'auth.signedOutEverywhere' } });
    expect(event).toMatchObject({ actorUserId: u.id, targetId: u.id, details: { sessions: 2 } });
  });

  describe('password-reset links', () => {
    // A shared workspace with one member of each role, and a second workspace some of them run.
    let ws = '';
    let other = '';
    const people: Record<string, Awaited<ReturnType<TestApp['signup']>> & { email: string }> = {};
    const join = (userId: string, workspaceId: string, role: Role) =>
      t.db.prisma.membership.create({ data: { id: `mem_${Math.random().toString(36).slice(2)}`, userId, workspaceId, role } });

    beforeAll(async () => {
      ws = (await t.db.prisma.workspace.create({ data: { id: 'ws_reset', name: 'Team' } })).id;
      other = (await t.db.prisma.workspace.create({ data: { id: 'ws_other', name: 'Other' } })).id;
      for (const name of ['owner', 'admin', 'admin2', 'editor', 'viewer', 'editorAdminElsewhere', 'outsider']) {
        const e = email();
        people[name] = { ...(await t.signup(e)), email: e };
      }
      await join(people.owner!.id, ws, 'owner');
      await join(people.admin!.id, ws, 'admin');
      await join(people.admin2!.id, ws, 'admin');
      await join(people.editor!.id, ws, 'editor');
      await join(people.viewer!.id, ws, 'viewer');
      await join(people.editorAdminElsewhere!.id, ws, 'editor');
      await join(people.editorAdminElsewhere!.id, other, 'admin');
      await join(people.owner!.id, other, 'owner');
    });

    const make = (by: string, member: string, workspaceId = ws) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${workspaceId}/members/${people[member]!.id}/password-reset`,
        cookies: people[by]!.cookies,
        headers: { 'x-csrf-token': '1' },
      });

    it('is for a member of lower role, by an owner or admin, never across workspaces the caller does not own', async () => {
      expect((await make('admin', 'editor')).statusCode).toBe(201);
      expect((await make('admin', 'viewer')).statusCode).toBe(201);
      expect((await make('owner', 'admin')).statusCode).toBe(201);
      const peer = await make('admin', 'admin2');
      expect(peer.statusCode).toBe(403);
      expect(peer.json().error.message).toMatch(/lower than yours/);
      expect((await make('admin', 'owner')).statusCode).toBe(403);
      expect((await make('editor', 'viewer')).statusCode).toBe(403);
      expect((await make('admin', 'admin')).statusCode).toBe(403);
      // An editor here who is an admin of another workspace: only that workspace's owner may.
      const across = await make('admin', 'editorAdminElsewhere');
      expect(across.statusCode).toBe(403);
      expect(across.json().error.message).toMatch(/another workspace/);
      expect((await make('owner', 'editorAdminElsewhere')).statusCode).toBe(201);
      expect((await make('admin', 'outsider')).statusCode).toBe(404);
      expect((await make('outsider', 'editor')).statusCode).toBe(404);
    });

    it('is shown once and emailed, works once, sets the password, ends every session and signs in', async () => {
      mails.length = 0;
      const old = (await login(people.viewer!.email)).session!;
      const made = await make('admin', 'viewer');
      expect(made.headers['cache-control']).toBe('no-store');
      const { url, expiresAt, emailed } = made.json();
      expect(url).toMatch(/^https:\/\/bm\.example\/reset-password\/[\w-]{20,}$/);
      expect(emailed).toBe(true);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual([people.viewer!.email]);
      expect(mails[0]!.text).toContain(url);
      expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);
      const token = url.split('/').pop()!;
      // Only the hash is stored.
      expect(await t.db.prisma.passwordReset.count({ where: { id: token } })).toBe(0);

      const use = (newPassword: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, newPassword } });
      const weak = await use('12345678');
      expect(weak.json().error.code).toBe('WEAK_PASSWORD');
      const used = await use('the viewer chose this');
      expect(used.statusCode).toBe(200);
      expect(used.headers['cache-control']).toBe('no-store');
      expect(used.json().user.id).toBe(people.viewer!.id);
      const fresh = used.cookies.find((c) => c.name === 'bm_session')!.value;
      expect(await meStatus(fresh)).toBe(200);
      expect(await meStatus(old)).toBe(401);
      expect(await meStatus(people.viewer!.cookies.bm_session)).toBe(401);
      expect((await login(people.viewer!.email, 'the viewer chose this')).status).toBe(200);

      const again = await use('and once more please');
      expect(again.statusCode).toBe(400);
      expect(again.json().error.code).toBe('RESET_LINK_INVALID');

      // The team's audit log: who made the link for whom, and that it was used (by the member).
      const events = await t.db.prisma.auditEvent.findMany({ where: { workspaceId: ws, action: { startsWith: 'auth.passwordReset' } } });
      const created = events.filter((e) => e.action === 'auth.passwordResetCreated' && e.targetId === people.viewer!.id);
      expect(created.at(-1)).toMatchObject({ actorUserId: people.admin!.id, details: { emailed: true } });
      expect(events.find((e) => e.action === 'auth.passwordResetUsed')).toMatchObject({
        actorUserId: people.viewer!.id,
        targetId: people.viewer!.id,
      });
      expect(JSON.stringify(events)).not.toContain(token);
    });
  });
});

describe('expired sessions', () => {
  it('are deleted when the API starts (and hourly after)', async () => {
    const t = await startTestApp();
    try {
      const { user } = await t.repos.users.create({ email: 'sweep@example.com', name: 'S', passwordHash: null });
      const live = await t.repos.sessions.create(user.id, 60_000);
      await t.repos.sessions.create(user.id, -1_000);
      expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(2);
      await t.app.ready();
      // Closing waits for the sweep the start began.
      await t.app.close();
      expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
      expect((await t.repos.sessions.findUser(live))?.id).toBe(user.id);
    } finally {
      await t.db.close();
    }
  });
});
