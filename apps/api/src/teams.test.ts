import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/app';

// Team workspaces through HTTP: create, invite, accept, roles, leave, remove, transfer, and the
// audit entries each of them leaves.
describe('team workspaces', () => {
  let t: TestApp;
  type Caller = Awaited<ReturnType<TestApp['signup']>> & { email: string };
  const call = (who: Caller | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      ...(who ? { cookies: who.cookies } : {}),
      headers: { 'x-csrf-token': '1' },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  let n = 0;
  const person = async (): Promise<Caller> => {
    const email = `p${++n}.${Date.now()}@example.com`;
    return { ...(await t.signup(email)), email };
  };
  const tokenOf = (url: string) => url.split('/invite/')[1]!;
  const newTeam = async (owner: Caller, name = 'Acme') => (await call(owner, 'POST', '/api/workspaces', { name })).json().id as string;
  const join = async (owner: Caller, ws: string, who: Caller, role: string) => {
    const inv = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: who.email, role });
    expect(inv.statusCode).toBe(201);
    expect((await call(who, 'POST', '/api/invitations/accept', { token: tokenOf(inv.json().url) })).statusCode).toBe(200);
  };
  const actions = async (owner: Caller, ws: string) =>
    ((await call(owner, 'GET', `/api/workspaces/${ws}/audit`)).json().events as { action: string }[]).map((e) => e.action);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('creates a workspace its creator owns, lists it with the role, renames it', async () => {
    const owner = await person();
    const created = await call(owner, 'POST', '/api/workspaces', { name: '  Research  ' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Research', role: 'owner', personal: false });
    const list = (await call(owner, 'GET', '/api/workspaces')).json().workspaces;
    expect(list.map((w: { personal: boolean; role: string }) => [w.personal, w.role])).toEqual([
      [true, 'owner'],
      [false, 'owner'],
    ]);
    expect((await call(owner, 'PATCH', `/api/workspaces/${created.json().id}`, { name: 'R&D' })).json().name).toBe('R&D');
    expect((await call(owner, 'POST', '/api/workspaces', { name: ' ' })).statusCode).toBe(400);
  });

  it('never shares or deletes a personal workspace', async () => {
    const owner = await person();
    const invite = await call(owner, 'POST', `/api/workspaces/${owner.workspaceId}/invitations`, {
      email: 'x@example.com',
      role: 'viewer',
    });
    expect([invite.statusCode, invite.json().error.code]).toEqual([409, 'PERSONAL_WORKSPACE']);
    const del = await call(owner, 'DELETE', `/api/workspaces/${owner.workspaceId}`, { confirm: "Sam's workspace" });
    expect([del.statusCode, del.json().error.code]).toEqual([409, 'PERSONAL_WORKSPACE']);
  });

  it('invites by a one-time link that is hashed at rest, not cached, and works once for the invited email', async () => {
    const owner = await person();
    const ws = await newTeam(owner);
    const guest = await person();
    const other = await person();
    const inv = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: guest.email.toUpperCase(), role: 'editor' });
    expect(inv.statusCode).toBe(201);
    expect(inv.headers['cache-control']).toBe('no-store');
    expect(inv.json()).toMatchObject({ email: guest.email, role: 'editor', emailed: false });
    expect(inv.json().url).toMatch(/^http:\/\/localhost(:\d+)?\/invite\/[\w-]{20,}$/);
    const token = tokenOf(inv.json().url);
    // Only the hash is stored, and the list never shows a link again.
    const row = await t.db.prisma.invitation.findUniqueOrThrow({ where: { id: inv.json().id } });
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = (await call(owner, 'GET', `/api/workspaces/${ws}/invitations`)).json().invitations;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);

    // The invitation page, before signing in.
    const preview = await call(null, 'POST', '/api/invitations/preview', { token });
    expect(preview.json()).toMatchObject({ workspaceName: 'Acme', email: guest.email, role: 'editor', invitedBy: 'Sam' });
    // Another account cannot use a forwarded link; not signed in is 401.
    const wrong = await call(other, 'POST', '/api/invitations/accept', { token });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'INVITATION_EMAIL_MISMATCH']);
    expect((await call(null, 'POST', '/api/invitations/accept', { token })).statusCode).toBe(401);

    const accepted = await call(guest, 'POST', '/api/invitations/accept', { token });
    expect(accepted.json().workspace).toEqual({ id: ws, name: 'Acme', role: 'editor', personal: false });
    const again = await call(guest, 'POST', '/api/invitations/accept', { token });
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'INVITATION_INVALID']);
    expect((await call(owner, 'GET', `/api/workspaces/${ws}/invitations`)).json().invitations).toEqual([]);
    const members = (await call(guest, 'GET', `/api/workspaces/${ws}/members`)).json().members;
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [guest.email, 'editor'],
    ]);
    // Re-inviting a member changes nothing.
    const reinvite = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: guest.email, role: 'viewer' });
    expect([reinvite.statusCode, reinvite.json().error.code]).toEqual([409, 'ALREADY_MEMBER']);
    expect((await call(owner, 'GET', `/api/workspaces/${ws}/members`)).json().members[1].role).toBe('editor');
    expect(await actions(owner, ws)).toEqual(['member.joined', 'member.invited', 'workspace.created']);
    // Roles change on the members page, and say from what to what.
    expect((await call(owner, 'PATCH', `/api/workspaces/${ws}/members/${guest.id}`, { role: 'viewer' })).json().role).toBe('viewer');
    const [changed] = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?action=member.roleChanged`)).json().events;
    expect(changed).toMatchObject({ target: { id: guest.id }, details: { from: 'editor', to: 'viewer' } });
  });

  it('lets a new user sign up from the link, refuses expired and revoked links, and a newer link replaces an older one', async () => {
    const owner = await person();
    const ws = await newTeam(owner);
    const email = `new.${Date.now()}@example.com`;
    const first = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email, role: 'viewer' });
    const second = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email, role: 'editor' });
    expect((await call(null, 'POST', '/api/invitations/preview', { token: tokenOf(first.json().url) })).statusCode).toBe(404);
    const newcomer = { ...(await t.signup(email)), email };
    expect((await call(newcomer, 'POST', '/api/invitations/accept', { token: tokenOf(second.json().url) })).json().workspace.role).toBe(
      'editor',
    );

    const late = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: 'late@example.com', role: 'viewer' });
    await t.db.prisma.invitation.update({ where: { id: late.json().id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(null, 'POST', '/api/invitations/preview', { token: tokenOf(late.json().url) });
    expect([expired.statusCode, expired.json().error.code]).toEqual([404, 'INVITATION_INVALID']);
    expect((await call(owner, 'GET', `/api/workspaces/${ws}/invitations`)).json().invitations).toEqual([]);

    const revoked = await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: 'gone@example.com', role: 'viewer' });
    expect((await call(owner, 'DELETE', `/api/invitations/${revoked.json().id}`)).statusCode).toBe(204);
    expect((await call(null, 'POST', '/api/invitations/preview', { token: tokenOf(revoked.json().url) })).statusCode).toBe(404);
    expect(await actions(owner, ws)).toContain('member.invitationRevoked');
  });

  it('keeps an owner: the last one cannot leave or be demoted; ownership is transferred instead', async () => {
    const owner = await person();
    const admin = await person();
    const ws = await newTeam(owner);
    await join(owner, ws, admin, 'admin');
    const leave = await call(owner, 'DELETE', `/api/workspaces/${ws}/members/${owner.id}`);
    expect([leave.statusCode, leave.json().error.code]).toEqual([409, 'LAST_OWNER']);
    const demote = await call(owner, 'PATCH', `/api/workspaces/${ws}/members/${owner.id}`, { role: 'admin' });
    expect([demote.statusCode, demote.json().error.code]).toEqual([409, 'LAST_OWNER']);
    // Admins manage members below owner only.
    const coup = await call(admin, 'PATCH', `/api/workspaces/${ws}/members/${owner.id}`, { role: 'viewer' });
    expect([coup.statusCode, coup.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call(admin, 'PATCH', `/api/workspaces/${ws}/members/${admin.id}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await call(admin, 'POST', `/api/workspaces/${ws}/transfer`, { userId: admin.id })).statusCode).toBe(403);

    const moved = await call(owner, 'POST', `/api/workspaces/${ws}/transfer`, { userId: admin.id });
    expect(moved.json().members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.id, 'admin'],
      [admin.id, 'owner'],
    ]);
    // The former owner can now leave.
    expect((await call(owner, 'DELETE', `/api/workspaces/${ws}/members/${owner.id}`)).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/workspaces/${ws}/members`)).statusCode).toBe(404);
    expect(await actions(admin, ws)).toEqual(
      expect.arrayContaining(['workspace.ownershipTransferred', 'member.left', 'member.joined', 'member.invited']),
    );
  });

  it('removing a member ends their access, their tokens’ access and their personal connections there, and is audited', async () => {
    const owner = await person();
    const member = await person();
    const ws = await newTeam(owner);
    await join(owner, ws, member, 'editor');
    const token = (await call(member, 'POST', '/api/tokens', { name: 'script' })).json().token as string;
    const bot = (
      await call(member, 'POST', '/api/bots', {
        workspaceId: ws,
        name: 'b',
        graph: { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] },
      })
    ).json().id;
    const personal = await call(member, 'POST', '/api/llm-connections', {
      workspaceId: ws,
      provider: 'openai',
      name: 'my key',
      apiKey: 'sk-test-1234567890',
      modelDefault: 'gpt-4o-mini',
    });
    expect(personal.statusCode).toBe(201);
    const viaToken = () => t.app.inject({ method: 'GET', url: `/api/bots/${bot}`, headers: { authorization: `Bearer ${token}` } });
    expect((await viaToken()).statusCode).toBe(200);

    expect((await call(owner, 'DELETE', `/api/workspaces/${ws}/members/${member.id}`)).statusCode).toBe(204);
    expect((await call(member, 'GET', `/api/bots/${bot}`)).statusCode).toBe(404);
    expect((await viaToken()).statusCode).toBe(404);
    expect(await t.db.prisma.llmConnection.findUnique({ where: { id: personal.json().id } })).toBeNull();
    // The bot stays with the workspace.
    expect((await call(owner, 'GET', `/api/bots/${bot}`)).statusCode).toBe(200);
    const [removed] = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?action=member.removed`)).json().events;
    expect(removed).toMatchObject({
      action: 'member.removed',
      actor: { userId: owner.id, email: owner.email },
      target: { type: 'user', id: member.id, name: member.email },
      details: { role: 'editor', removedConnections: ['my key'] },
    });
  });

  it('deletes a team workspace only with its name typed again, and everything in it goes', async () => {
    const owner = await person();
    const ws = await newTeam(owner, 'Doomed');
    const bot = (
      await call(owner, 'POST', '/api/bots', {
        workspaceId: ws,
        name: 'b',
        graph: { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] },
      })
    ).json().id;
    const wrong = await call(owner, 'DELETE', `/api/workspaces/${ws}`, { confirm: 'doomed' });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([422, 'CONFIRMATION_MISMATCH']);
    expect((await call(owner, 'DELETE', `/api/workspaces/${ws}`, { confirm: 'Doomed' })).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/bots/${bot}`)).statusCode).toBe(404);
    expect(await t.db.prisma.bot.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await t.db.prisma.auditEvent.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it('pages the audit log newest first and filters it by action', async () => {
    const owner = await person();
    const ws = await newTeam(owner);
    for (let i = 0; i < 5; i++)
      await call(owner, 'POST', `/api/workspaces/${ws}/invitations`, { email: `a${i}@example.com`, role: 'viewer' });
    const first = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?limit=4`)).json();
    expect(first.events).toHaveLength(4);
    expect(first.next).toEqual(expect.any(String));
    const rest = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?limit=4&cursor=${first.next}`)).json();
    expect(rest.events.map((e: { action: string }) => e.action)).toEqual(['member.invited', 'workspace.created']);
    expect(rest.next).toBeNull();
    const ids = [...first.events, ...rest.events].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(6);
    const invited = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?action=member.invited`)).json().events;
    expect(invited.map((e: { target: { name: string } }) => e.target.name)).toEqual([
      'a4@example.com',
      'a3@example.com',
      'a2@example.com',
      'a1@example.com',
      'a0@example.com',
    ]);
  });

  it('lets only admins share a connection, and records what members do to connections, secrets, bots, webhooks and tokens', async () => {
    const owner = await person();
    const editor = await person();
    const ws = await newTeam(owner);
    await join(owner, ws, editor, 'editor');
    const mine = { workspaceId: ws, provider: 'openai', name: 'editor key', apiKey: 'sk-test-1234567890', modelDefault: 'gpt-4o-mini' };
    const refused = await call(editor, 'POST', '/api/llm-connections', { ...mine, shared: true });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const conn = (await call(editor, 'POST', '/api/llm-connections', mine)).json();
    // Their own connection, yet they may not share it: that decides whose key everyone spends.
    expect((await call(editor, 'PATCH', `/api/llm-connections/${conn.id}`, { shared: true })).statusCode).toBe(403);
    const shared = (await call(owner, 'POST', '/api/llm-connections', { ...mine, name: 'team key', shared: true })).json();
    expect((await call(owner, 'PATCH', `/api/llm-connections/${shared.id}`, { apiKey: 'sk-test-0987654321' })).statusCode).toBe(200);
    expect((await call(owner, 'PATCH', `/api/llm-connections/${shared.id}`, { shared: false })).json().shared).toBe(false);
    expect((await call(owner, 'PATCH', `/api/llm-connections/${shared.id}`, { shared: true })).json().shared).toBe(true);
    // The editor sees the shared one (hint only) and not the owner's key.
    const seen = await call(editor, 'GET', `/api/llm-connections/${shared.id}`);
    expect(seen.json()).toMatchObject({ shared: true, ownedByMe: false, keyHint: '…4321' });
    expect(seen.body).not.toContain('sk-test-0987654321');
    expect((await call(owner, 'DELETE', `/api/llm-connections/${shared.id}`)).statusCode).toBe(204);

    const secret = (
      await call(owner, 'POST', '/api/secrets', { workspaceId: ws, name: 'GITHUB_TOKEN', value: 'ghp_supersecretvalue' })
    ).json();
    await call(owner, 'PATCH', `/api/secrets/${secret.id}`, { value: 'ghp_anothersecretvalue' });
    await call(owner, 'DELETE', `/api/secrets/${secret.id}`);
    const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] };
    const bot = (await call(editor, 'POST', '/api/bots', { workspaceId: ws, name: 'Digest', graph })).json();
    await call(editor, 'POST', `/api/bots/${bot.id}/webhook`);
    await call(editor, 'DELETE', `/api/bots/${bot.id}/webhook`);
    await call(editor, 'DELETE', `/api/bots/${bot.id}`);
    const tok = (await call(editor, 'POST', '/api/tokens', { name: 'ci' })).json();
    await call(editor, 'DELETE', `/api/tokens/${tok.id}`);

    const log = (await call(owner, 'GET', `/api/workspaces/${ws}/audit?limit=200`)).json().events as {
      action: string;
      actor: { email: string };
      target: { name: string | null };
    }[];
    const by = (action: string) => log.filter((e) => e.action === action).map((e) => [e.actor.email, e.target.name]);
    expect(by('connection.created')).toEqual([
      [owner.email, 'team key'],
      [editor.email, 'editor key'],
    ]);
    expect(by('connection.keyRotated')).toEqual([[owner.email, 'team key']]);
    expect(by('connection.unshared')).toHaveLength(1);
    expect(by('connection.shared')).toHaveLength(1);
    expect(by('connection.deleted')).toEqual([[owner.email, 'team key']]);
    expect(by('secret.created')).toEqual([[owner.email, 'GITHUB_TOKEN']]);
    expect(by('secret.changed')).toEqual([[owner.email, 'GITHUB_TOKEN']]);
    expect(by('secret.deleted')).toEqual([[owner.email, 'GITHUB_TOKEN']]);
    expect(by('bot.created')).toEqual([[editor.email, 'Digest']]);
    expect(by('webhook.created')).toEqual([[editor.email, 'Digest']]);
    expect(by('webhook.deleted')).toEqual([[editor.email, 'Digest']]);
    expect(by('bot.deleted')).toEqual([[editor.email, 'Digest']]);
    expect(by('token.created')).toEqual([[editor.email, 'ci']]);
    expect(by('token.revoked')).toHaveLength(1);
    // Never a secret value or a key.
    const text = JSON.stringify(log);
    for (const value of ['ghp_supersecretvalue', 'ghp_anothersecretvalue', 'sk-test-1234567890', 'sk-test-0987654321'])
      expect(text).not.toContain(value);
    // Admins read the log; editors do not.
    expect((await call(editor, 'GET', `/api/workspaces/${ws}/audit`)).statusCode).toBe(403);
  });
});
