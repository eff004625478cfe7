import { migrateStoredCredentials } from '@bm/db';
import { canary } from '@bm/testing';
import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grepDir } from './testing/grep-dir';
import { startTestServer, type TestServer } from './testing/harness';
import { apiClient } from './testing/client';

// Workspace secrets end to end on the real server: created by an admin, referenced as
// {{ secrets.NAME }}, decrypted only inside the node's activity, and never visible anywhere else —
// not in a response, a recorded input, an error, or the database files.

type Api = ReturnType<typeof apiClient>;
const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: pos });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('workspace secrets', () => {
  const token = canary('ghp_secret');
  let web: HttpFixture;
  let t: TestServer;
  let api: Api;
  let workspaceId: string;
  const responses: string[] = [];

  beforeAll(async () => {
    web = await startHttpFixture({
      'GET /private': (req) =>
        req.headers.authorization === `Bearer ${token}` ? { json: { ok: true } } : { status: 401, json: { error: 'bad token' } },
      // Echoes what it got in its error answer, as many APIs do: the node's error then quotes it.
      'POST /echo-fail': (req) => ({ status: 422, text: `could not accept ${req.body}` }),
      'POST /slack/T1/B1/xyz': { text: 'ok' },
    });
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: web.host } });
    api = t.api();
    await api.signup();
    workspaceId = (await api.get('/api/me')).body.workspaces[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await web?.close();
  });

  const record = <T extends { body: unknown }>(r: T) => (responses.push(JSON.stringify(r.body)), r);
  async function runBot(graph: unknown) {
    const bot = record(await api.post('/api/bots', { name: 'Secret user', graph }));
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const started = await api.post(`/api/bots/${bot.body.id}/runs`, { input: {} });
    return { bot: bot.body, run: record({ body: await api.waitForRun(started.body.runId) }).body };
  }

  it('admins create secrets; answers show the name and a hint, never the value; names are checked', async () => {
    const created = record(await api.post('/api/secrets', { name: 'API_TOKEN', value: token }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'API_TOKEN', hint: expect.any(String) });
    expect(JSON.stringify(created.body)).not.toContain(token);
    expect((await api.post('/api/secrets', { name: 'API_TOKEN', value: 'x' })).body.error.code).toBe('SECRET_NAME_TAKEN');
    expect((await api.post('/api/secrets', { name: '1 bad name', value: 'x' })).status).toBe(400);
    const list = record(await api.get('/api/secrets'));
    expect(list.body.secrets.map((s: { name: string }) => s.name)).toEqual(['API_TOKEN']);

    // A viewer of the workspace may not list, create or change secrets.
    const viewer = apiClient(t.server.url);
    const v = await viewer.signup();
    await t.server.services.db.prisma.membership.create({ data: { id: `mem_${v.id}`, userId: v.id, workspaceId, role: 'viewer' } });
    expect((await viewer.get(`/api/secrets?workspaceId=${workspaceId}`)).status).toBe(403);
    expect((await viewer.post('/api/secrets', { workspaceId, name: 'MINE', value: 'x' })).status).toBe(403);
    expect((await viewer.patch(`/api/secrets/${created.body.id}`, { value: 'x' })).status).toBe(403);
    // Someone outside the workspace does not even learn that the id exists.
    const stranger = apiClient(t.server.url);
    await stranger.signup();
    expect((await stranger.patch(`/api/secrets/${created.body.id}`, { value: 'x' })).status).toBe(404);
  });

  it('a node uses {{ secrets.NAME }}; the bot shows the reference, the run never the value', async () => {
    const { bot, run } = await runBot({
      nodes: [
        node('in', 'source.manual'),
        node('get', 'source.http', { url: `${web.url}/private`, headers: { Authorization: 'Bearer {{ secrets.API_TOKEN }}' } }),
      ],
      edges: [edge('in', 'get')],
    });
    expect(run.status, JSON.stringify(run.nodes)).toBe('succeeded');
    expect(web.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.stringify(run)).not.toContain(token);
    expect(JSON.stringify(record(await api.get(`/api/bots/${bot.id}`)).body)).toContain('{{ secrets.API_TOKEN }}');
  });

  it('wherever a value would be recorded (rendered params, an error quoting it), its name stands instead', async () => {
    // A value no pattern would recognise as a credential: only knowing it masks it.
    const plain = `plain words ${Math.random().toString(36).slice(2)} here`;
    record(await api.post('/api/secrets', { name: 'PLAIN', value: plain }));
    const { run } = await runBot({
      nodes: [
        node('in', 'source.manual'),
        node('send', 'source.http', { url: `${web.url}/echo-fail`, method: 'POST', bodyType: 'text', body: 'note={{ secrets.PLAIN }}' }),
      ],
      edges: [edge('in', 'send')],
    });
    expect(run.status).toBe('failed');
    expect(web.requests.at(-1)!.body).toBe(`note=${plain}`);
    const send = run.nodes.find((n: { nodeId: string }) => n.nodeId === 'send');
    expect(send.error.message).toContain('could not accept note=[secret:PLAIN]');
    expect(JSON.stringify(run)).not.toContain(plain);
  });

  it('a save refuses a reference to a secret that does not exist, naming it', async () => {
    const res = await api.post('/api/bots', {
      name: 'Missing',
      graph: { nodes: [node('get', 'source.http', { url: `${web.url}/x?key={{ secrets.NOPE }}` })], edges: [] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ code: 'SECRET_MISSING', nodeId: 'get' });
    expect(res.body.error.message).toMatch(/secrets\.NOPE.*Settings → Secrets/);
  });

  it('a literal credential typed into a node moves into a workspace secret on save, and the bot still works', async () => {
    const typed = canary('sk-typed');
    web.route('GET /typed', (req) => (req.headers['x-api-key'] === typed ? { json: { ok: true } } : { status: 401, json: {} }));
    const { bot, run } = await runBot({
      nodes: [node('in', 'source.manual'), node('fetch', 'source.http', { url: `${web.url}/typed`, headers: { 'X-Api-Key': typed } })],
      edges: [edge('in', 'fetch')],
    });
    expect(bot.graph.nodes[1].params.headers).toEqual({ 'X-Api-Key': '{{ secrets.FETCH_X_API_KEY }}' });
    expect(run.status, JSON.stringify(run.nodes)).toBe('succeeded');
    expect((await api.get(`/api/bots/${bot.id}/versions/1`)).body.graph.nodes[1].params.headers['X-Api-Key']).toBe(
      '{{ secrets.FETCH_X_API_KEY }}',
    );
    expect(responses.join('\n')).not.toContain(typed);
  });

  it('migrates credentials already stored in bots — in every version — into secrets, once', async () => {
    const old = canary('sk-stored');
    const legacy = (v: number) => ({
      nodes: [node('in', 'source.manual'), node('call', 'source.http', { url: `${web.url}/legacy?api_key=${old}&v=${v}` })],
      edges: [edge('in', 'call')],
    });
    const { prisma } = t.server.services.db;
    const me = (await api.get('/api/me')).body.user;
    // As an older release stored it: literal keys in the bot and in both of its versions.
    const bot = await prisma.bot.create({
      data: {
        id: `bot_legacy_${Date.now()}`,
        workspaceId,
        createdById: me.id,
        name: 'Legacy',
        graph: legacy(2) as never,
        currentVersion: 2,
      },
    });
    await prisma.botVersion.createMany({
      data: [1, 2].map((version) => ({ id: `ver_legacy_${version}_${bot.id}`, botId: bot.id, version, graph: legacy(version) as never })),
    });
    await prisma.dataMigration.deleteMany({});

    const moved = await migrateStoredCredentials(t.server.services.repos, t.server.services.keyRing);
    expect(moved).toMatchObject({ bots: 1, secrets: 1 });
    expect(await migrateStoredCredentials(t.server.services.repos, t.server.services.keyRing)).toBeUndefined();
    const stored = JSON.stringify([
      await prisma.bot.findUnique({ where: { id: bot.id } }),
      await prisma.botVersion.findMany({ where: { botId: bot.id } }),
    ]);
    expect(stored).not.toContain(old);
    expect(stored).toContain('api_key={{ secrets.CALL_API_KEY }}');
    // The version that runs still sends the key.
    web.route('GET /legacy', (req) => (req.query.api_key === old ? { json: { ok: true } } : { status: 401, json: {} }));
    const started = await api.post(`/api/bots/${bot.id}/runs`, { input: {} });
    expect((await api.waitForRun(started.body.runId)).status).toBe('succeeded');
  });

  it("refuses a connection's base URL that carries a credential, pointing to the key field", async () => {
    for (const baseUrl of [`https://user:sk-inline@${web.host}/v1`, `${web.url}/v1?api_key=sk-inline`]) {
      const res = await api.post('/api/llm-connections', { provider: 'other', name: 'Inline', baseUrl, modelDefault: 'm' });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'CREDENTIALS_IN_URL', message: expect.stringMatching(/API key field/) });
      expect(JSON.stringify(res.body)).not.toContain('sk-inline');
    }
    expect(
      (await api.post('/api/llm-connections', { provider: 'other', name: 'Plain', baseUrl: `${web.url}/v1`, modelDefault: 'm' })).status,
    ).toBe(201);
  });

  it('params a node definition marks secret are write-only: answers mask them, a save keeps the stored value', async () => {
    const hook = `${web.url}/slack/T1/B1/xyz`;
    const graph = (webhookUrl: string, text = 'hi') => ({
      nodes: [node('in', 'source.manual'), node('slack', 'output.slack', { webhookUrl, text })],
      edges: [edge('in', 'slack')],
    });
    const created = record(await api.post('/api/bots', { name: 'Slack', graph: graph(hook) }));
    expect(created.status).toBe(201);
    expect(created.body.graph.nodes[1].params.webhookUrl).toBe('[secret]');
    expect(JSON.stringify(record(await api.get(`/api/bots/${created.body.id}/versions/1`)).body)).not.toContain('/slack/T1');
    // The editor sends the masked graph back with another change: the URL stays the stored one.
    const saved = await api.patch(`/api/bots/${created.body.id}`, { graph: graph('[secret]', 'changed') });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const run = await api.waitForRun((await api.post(`/api/bots/${created.body.id}/runs`, { input: {} })).body.runId);
    expect(run.status, JSON.stringify(run.nodes)).toBe('succeeded');
    expect(web.requests.at(-1)).toMatchObject({ path: '/slack/T1/B1/xyz', json: { text: 'changed' } });
    // A mask with nothing stored behind it (a node pasted from another bot) is refused, naming it.
    const pasted = await api.post('/api/bots', { name: 'Pasted', graph: graph('[secret]') });
    expect(pasted.status).toBe(422);
    expect(pasted.body.error.details[0]).toMatchObject({ nodeId: 'slack', code: 'SECRET_PARAM_MISSING' });
  });

  it('never leaves a value in a response or in the database files', async () => {
    expect(responses.length).toBeGreaterThan(5);
    expect(responses.join('\n')).not.toContain(token);
    await t.server.services.db.raw.exec('CHECKPOINT');
    expect(grepDir(t.dataDir, token)).toEqual([]);
    // The fixture did receive it: the checks above are not vacuous.
    expect(web.requests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  });
});
