import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startSmtpSink, type SmtpSink } from '@bm/testing/fixtures';
import { scheduleWorkflowId } from '@bm/temporal/shared';
import { apiClient } from './testing/client';
import { llmBotGraph } from './testing/graphs';
import { startTestServer, type TestServer } from './testing/harness';

// Who pays in a team: shared connections serve members without showing the key; a personal one
// serves only its owner's runs and triggers; removing a member ends what only they could pay for;
// deleting a workspace stops its schedules in Temporal.
describe('connections in team workspaces', () => {
  const ownerKey = canary('sk-owner');
  const editorKey = canary('sk-editor');
  let fake: FakeProviderServer;
  let t: TestServer;
  let temporal: Client;
  let o: ReturnType<typeof apiClient>;
  let e: ReturnType<typeof apiClient>;
  let editorId: string;
  let ws: string;
  let smtp: SmtpSink;
  let invitation: { url: string; emailed: boolean };

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [ownerKey, editorKey] });
    smtp = await startSmtpSink();
    t = await startTestServer({
      env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}`, BOT_MANAGER_SMTP_URL: `${smtp.url}?from=bots@example.com` },
    });
    temporal = new Client({ connection: await Connection.connect({ address: t.server.temporalAddress }) });
    o = apiClient(t.server.url);
    e = apiClient(t.server.url);
    await o.signup('owner@example.com');
    editorId = (await e.signup('editor@example.com')).id;
    ws = (await o.post('/api/workspaces', { name: 'Acme' })).body.id;
    invitation = (await o.post(`/api/workspaces/${ws}/invitations`, { email: 'editor@example.com', role: 'editor' })).body;
    expect((await e.post('/api/invitations/accept', { token: invitation.url.split('/invite/')[1] })).status).toBe(200);
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await t?.close();
    await fake?.close();
    await smtp?.close();
  });

  it('mails the invitation link when SMTP is configured', async () => {
    expect(invitation.emailed).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['editor@example.com']);
    expect(mail!.raw).toContain(invitation.url);
    expect(mail!.raw).toContain('Acme');
  });

  const connection = (as: typeof o, name: string, apiKey: string, shared = false) =>
    as.post('/api/llm-connections', {
      workspaceId: ws,
      provider: 'openai',
      name,
      apiKey,
      baseUrl: fake.url,
      modelDefault: 'gpt-test',
      shared,
    });

  it("runs a member's bot on a shared connection with the sharer's key, which the member never sees", async () => {
    const shared = await connection(o, 'Team key', ownerKey, true);
    expect(shared.status).toBe(201);
    const listed = await e.get(`/api/llm-connections?workspaceId=${ws}`);
    expect(
      listed.body.connections.map((c: { name: string; shared: boolean; ownedByMe: boolean }) => [c.name, c.shared, c.ownedByMe]),
    ).toEqual([['Team key', true, false]]);
    const bot = await e.post('/api/bots', { workspaceId: ws, name: 'Digest', graph: llmBotGraph(shared.body.id) });
    expect(bot.status).toBe(201);
    fake.reset();
    const run = await e.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' }, wait: 30 });
    expect([run.status, run.body.status]).toEqual([200, 'succeeded']);
    expect(fake.lastApiKey).toBe(ownerKey);
    expect(JSON.stringify([listed.body, bot.body, run.body])).not.toContain(ownerKey);
  });

  it("refuses anyone else's run of a bot on a personal connection, naming whose key it is and the fix", async () => {
    const personal = await connection(o, "Owner's own", ownerKey);
    const bot = await o.post('/api/bots', { workspaceId: ws, name: 'Mine', graph: llmBotGraph(personal.body.id) });
    expect(bot.status).toBe(201);
    // The editor sees the bot but not the connection, and cannot run it on the owner's money.
    expect((await e.get(`/api/llm-connections/${personal.body.id}`)).status).toBe(404);
    fake.reset();
    const refused = await e.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' } });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'INVALID_GRAPH']);
    expect(refused.body.error.details[0]).toMatchObject({
      code: 'LLM_CONNECTION_PERSONAL',
      nodeId: 'llm',
      key: 'graph.LLM_CONNECTION_PERSONAL',
    });
    expect(refused.body.error.details[0].message).toMatch(
      /personal LLM connection of Test User.*Pick a shared connection or one of your own/,
    );
    expect(fake.requests).toHaveLength(0);
    // The owner's own run uses it.
    expect((await o.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' }, wait: 30 })).body.status).toBe('succeeded');
  });

  it('removing a member deletes their personal key here; a bot on it fails its next run, naming the fix, and their schedule passes to the remover', async () => {
    const theirs = await connection(e, 'Editor key', editorKey);
    const bot = await e.post('/api/bots', { workspaceId: ws, name: 'On their key', graph: llmBotGraph(theirs.body.id) });
    const schedule = await e.post(`/api/bots/${bot.body.id}/schedules`, { cron: '0 9 * * *', timezone: 'UTC' });
    expect(schedule.status).toBe(201);
    expect((await o.del(`/api/workspaces/${ws}/members/${editorId}`)).status).toBe(204);

    const row = await t.server.services.repos.schedules.get(schedule.body.id);
    expect(row?.createdById).not.toBe(editorId);
    fake.reset();
    expect((await o.post(`/api/schedules/${schedule.body.id}/trigger`)).status).toBe(202);
    let runs: { id: string; status: string; error: { message: string } | null }[] = [];
    for (let i = 0; i < 100 && !runs.some((r) => r.status === 'failed'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      runs = (await o.get(`/api/bots/${bot.body.id}/runs`)).body.runs;
    }
    expect(runs.map((r) => r.status)).toEqual(['failed']);
    expect(runs[0]!.error!.message).toMatch(/Pick a shared connection or one of your own/);
    expect(fake.requests).toHaveLength(0);
    expect((await o.patch(`/api/schedules/${schedule.body.id}`, { paused: true })).status).toBe(200);
    expect((await o.del(`/api/schedules/${schedule.body.id}`)).status).toBe(204);
    const events = (await o.get(`/api/workspaces/${ws}/audit?limit=200`)).body.events.map((ev: { action: string }) => ev.action);
    expect(events).toEqual(
      expect.arrayContaining(['schedule.created', 'schedule.changed', 'schedule.deleted', 'member.removed', 'connection.created']),
    );
  });

  it('deleting a workspace removes its schedules from Temporal and everything of it from the database', async () => {
    const doomed = (await o.post('/api/workspaces', { name: 'Doomed' })).body.id;
    const bot = await o.post('/api/bots', {
      workspaceId: doomed,
      name: 'b',
      graph: { nodes: [{ id: 't', type: 'transform.template', params: { template: 'x' }, position: { x: 0, y: 0 } }], edges: [] },
    });
    const schedule = await o.post(`/api/bots/${bot.body.id}/schedules`, { cron: '0 9 * * *', timezone: 'UTC' });
    expect(schedule.status).toBe(201);
    const handle = temporal.schedule.getHandle(scheduleWorkflowId(schedule.body.id));
    await handle.describe();
    const cookie = await sessionCookie();
    const remove = (confirm: string) =>
      fetch(`${t.server.url}/api/workspaces/${doomed}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ confirm }),
      });
    expect((await remove('doomed')).status).toBe(422);
    await handle.describe();
    expect((await remove('Doomed')).status).toBe(204);
    await expect(handle.describe()).rejects.toThrow(/not found/i);
    const { prisma } = t.server.services.repos.db;
    expect(await prisma.schedule.count({ where: { workspaceId: doomed } })).toBe(0);
    expect(await prisma.bot.count({ where: { workspaceId: doomed } })).toBe(0);
  });

  /** The owner's session, for a DELETE with a body (the test client sends none). */
  async function sessionCookie() {
    const r = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
    });
    return r.headers.get('set-cookie')!.split(';')[0]!;
  }
});
