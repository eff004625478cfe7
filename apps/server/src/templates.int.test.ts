import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { apiClient } from './testing/client';
import { startTestServer, type TestServer } from './testing/harness';

// Templates and portable bots through the public API on the real server (Temporal, PGlite):
// publishing and instantiating across two members, installation templates, export → import,
// duplicate, and a corpus of hostile files that must leave no row behind.

type Api = ReturnType<typeof apiClient>;
const pos = { x: 0, y: 0 };
const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: pos });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('templates and portability', () => {
  const ownerKey = canary('sk-owner');
  const editorKey = canary('sk-editor');
  const outsiderKey = canary('sk-outsider');
  let fake: FakeProviderServer;
  let web: HttpFixture;
  let t: TestServer;
  let owner: Api; // the first user: an installation admin
  let editor: Api;
  let outsider: Api; // in no workspace of the others
  let ws: string;
  let ownerConn: string;
  let editorConn: string;
  let botId: string;

  const graph = () => ({
    nodes: [
      node('in', 'source.manual', { sample: { topic: 'tides' } }),
      node('fetch', 'source.http', { url: `${web.url}/data.json`, headers: { Authorization: 'Bearer {{ secrets.API_TOKEN }}' } }),
      node('ask', 'llm.chat', {
        purpose: 'report',
        prompt: 'Topic {{ input.topic }}: {{ nodes.fetch.output.body.fact }}',
        llmConnectionId: ownerConn,
      }),
      node('save', 'output.results', { title: 'About {{ input.topic }}', content: '{{ nodes.ask.output.text }}' }),
    ],
    edges: [edge('in', 'fetch'), edge('fetch', 'ask'), edge('ask', 'save')],
  });
  const connection = (as: Api, apiKey: string, workspaceId?: string, provider = 'openai') =>
    as.post('/api/llm-connections', { workspaceId, provider, name: `${provider} key`, apiKey, baseUrl: fake.url, modelDefault: 'fake-1' });
  const secret = (as: Api, name: string, value: string, workspaceId?: string) => as.post('/api/secrets', { workspaceId, name, value });
  async function runToEnd(as: Api, bot: string, input: unknown) {
    const r = await as.post(`/api/bots/${bot}/runs`, { input });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return as.waitForRun(r.body.runId);
  }

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [ownerKey, editorKey, outsiderKey] });
    web = await startHttpFixture({ 'GET /data.json': { json: { fact: 'the moon pulls the sea' } } });
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: [fake.port, web.port].map((p) => `127.0.0.1:${p}`).join(',') } });
    owner = t.api();
    editor = t.api();
    outsider = t.api();
    await owner.signup('owner@example.com');
    await editor.signup('editor@example.com');
    await outsider.signup('outsider@example.com');
    ws = (await owner.post('/api/workspaces', { name: 'Acme' })).body.id;
    const inv = (await owner.post(`/api/workspaces/${ws}/invitations`, { email: 'editor@example.com', role: 'editor' })).body;
    expect((await editor.post('/api/invitations/accept', { token: inv.url.split('/invite/')[1] })).status).toBe(200);
    ownerConn = (await connection(owner, ownerKey, ws)).body.id; // personal: the editor may not use it
    expect((await secret(owner, 'API_TOKEN', 'owner-token', ws)).status).toBe(201);
    const bot = await owner.post('/api/bots', { workspaceId: ws, name: 'Tide facts', description: 'Facts about tides', graph: graph() });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    botId = bot.body.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([fake?.close(), web?.close()]);
  });

  it('lists the built-in gallery for everyone, seeded at start', async () => {
    const r = await outsider.get('/api/templates');
    expect(r.status).toBe(200);
    const builtins = r.body.templates.filter((x: any) => x.scope === 'builtin');
    expect(builtins.length).toBeGreaterThanOrEqual(10);
    expect(builtins.every((x: any) => x.builtinKey && x.nodesUsed.length && x.sampleInput && x.slots.length)).toBe(true);
    // A built-in is the app's: nobody changes it, not even an installation admin.
    const patch = await owner.patch(`/api/templates/${builtins[0].id}`, { name: 'Mine now' });
    expect([patch.status, patch.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('publishes a bot to its workspace without connection ids or secret values, and a colleague instantiates it with their own connection', async () => {
    const pub = await owner.post(`/api/bots/${botId}/template`, { scope: 'workspace', category: 'facts' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    const tpl = pub.body;
    expect(tpl).toMatchObject({ scope: 'workspace', workspaceId: ws, name: 'Tide facts', version: 1, sampleInput: { topic: 'tides' } });
    expect(tpl.slots).toEqual([
      { key: 'openai', label: 'OpenAI connection', provider: 'openai', purpose: 'report', nodes: ['ask'], botDefault: false },
    ]);
    expect(tpl.secretSlots).toEqual(['API_TOKEN']);
    expect(tpl.nodesUsed).toEqual(['source.manual', 'source.http', 'llm.chat', 'output.results']);
    expect(JSON.stringify(tpl)).not.toContain(ownerConn);
    expect(JSON.stringify(tpl)).not.toContain('owner-token');

    // The colleague sees it; someone of another workspace does not.
    expect((await editor.get(`/api/templates?workspaceId=${ws}`)).body.templates.map((x: any) => x.id)).toContain(tpl.id);
    expect((await outsider.get('/api/templates')).body.templates.map((x: any) => x.id)).not.toContain(tpl.id);
    expect((await outsider.get(`/api/templates/${tpl.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/templates/${tpl.id}/instantiate`, { connections: {} })).status).toBe(404);

    // No connection of theirs yet: the answer names the slot, the provider, and says to add one.
    const unbound = await editor.post(`/api/templates/${tpl.id}/instantiate`, { workspaceId: ws, connections: {} });
    expect(unbound.status).toBe(422);
    expect(unbound.body.error.code).toBe('SLOTS_UNBOUND');
    expect(unbound.body.error.details).toEqual([
      expect.objectContaining({ code: 'SLOT_UNBOUND', slot: 'openai', provider: 'openai', key: 'SLOTS_UNBOUND.add' }),
    ]);
    expect(unbound.body.error.details[0].message).toMatch(/needs an OpenAI connection.*Add one in Settings/);

    // The owner's personal connection is not theirs to use.
    const theirs = await editor.post(`/api/templates/${tpl.id}/instantiate`, { workspaceId: ws, connections: { openai: ownerConn } });
    expect([theirs.status, theirs.body.error.details[0].code]).toEqual([422, 'CONNECTION_NOT_USABLE']);

    // A connection of another provider does not fill an OpenAI slot.
    const anthropic = (await connection(editor, editorKey, ws, 'anthropic')).body.id;
    const wrong = await editor.post(`/api/templates/${tpl.id}/instantiate`, { workspaceId: ws, connections: { openai: anthropic } });
    expect([wrong.status, wrong.body.error.details[0].code]).toEqual([422, 'PROVIDER_MISMATCH']);

    editorConn = (await connection(editor, editorKey, ws)).body.id;
    const withOne = await editor.post(`/api/templates/${tpl.id}/instantiate`, { workspaceId: ws, connections: {} });
    expect(withOne.body.error.details[0].key).toBe('SLOTS_UNBOUND.choose');

    // The secret slot maps to a workspace secret of another name: the references follow it.
    const other = (await secret(owner, 'TEAM_TOKEN', 'team-token', ws)).body.id;
    const made = await editor.post(`/api/templates/${tpl.id}/instantiate`, {
      workspaceId: ws,
      name: 'My tide facts',
      connections: { openai: editorConn },
      secrets: { API_TOKEN: other },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const ask = made.body.graph.nodes.find((n: any) => n.id === 'ask');
    expect(ask.params.llmConnectionId).toBe(editorConn);
    expect(made.body.graph.nodes.find((n: any) => n.id === 'fetch').params.headers.Authorization).toBe('Bearer {{ secrets.TEAM_TOKEN }}');

    // It validates and runs at once, on the colleague's key, with the mapped secret.
    const before = fake.requests.length;
    const run = await runToEnd(editor, made.body.id, { topic: 'tides' });
    expect(run.status, JSON.stringify(run.nodes)).toBe('succeeded');
    expect(web.requests.at(-1)!.headers.authorization).toBe('Bearer team-token');
    expect(fake.requests.slice(before).map((r) => r.headers.authorization)).toEqual([`Bearer ${editorKey}`]);

    const events = (await owner.get(`/api/workspaces/${ws}/audit`)).body.events.map((e: any) => e.action);
    expect(events).toEqual(expect.arrayContaining(['template.published', 'template.instantiated']));
  }, 60_000);

  it('keeps a version history: an update is a new version; unpublishing removes it', async () => {
    const tpl = (await owner.post(`/api/bots/${botId}/template`, { scope: 'workspace', name: 'Draft' })).body;
    const renamed = await editor.patch(`/api/templates/${tpl.id}`, { name: 'Tide facts v2', fromBot: true });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Tide facts v2', version: 2 });
    const versions = await t.server.services.repos.templates.versions(tpl.id);
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [2, 'Tide facts v2'],
      [1, 'Draft'],
    ]);
    expect((await editor.del(`/api/templates/${tpl.id}`)).status).toBe(204);
    expect((await editor.get(`/api/templates/${tpl.id}`)).status).toBe(404);
    const events = (await owner.get(`/api/workspaces/${ws}/audit`)).body.events.map((e: any) => e.action);
    expect(events).toEqual(expect.arrayContaining(['template.updated', 'template.unpublished']));
  });

  it('publishes to the whole installation only as an installation admin; every workspace sees and uses it', async () => {
    const refused = await editor.post(`/api/bots/${botId}/template`, { scope: 'installation' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const pub = await owner.post(`/api/bots/${botId}/template`, { scope: 'installation', name: 'Tides for all' });
    expect(pub.status).toBe(201);
    expect(pub.body).toMatchObject({ scope: 'installation', workspaceId: null });

    const seen = (await outsider.get('/api/templates')).body.templates.find((x: any) => x.id === pub.body.id);
    expect(seen?.name).toBe('Tides for all');
    expect((await outsider.get(`/api/templates/${pub.body.id}`)).status).toBe(200);
    const patch = await outsider.patch(`/api/templates/${pub.body.id}`, { name: 'hijacked' });
    expect([patch.status, patch.body.error.code]).toEqual([403, 'FORBIDDEN']);

    const mine = (await connection(outsider, outsiderKey)).body.id;
    expect((await secret(outsider, 'API_TOKEN', 'outsider-token')).status).toBe(201);
    const made = await outsider.post(`/api/templates/${pub.body.id}/instantiate`, { connections: { openai: mine } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const run = await runToEnd(outsider, made.body.id, { topic: 'tides' });
    expect(run.status).toBe('succeeded');
    // Bound by name: the outsider's own API_TOKEN.
    expect(web.requests.at(-1)!.headers.authorization).toBe('Bearer outsider-token');
  }, 60_000);

  it('exports a bot without keys, secrets or connection ids, and imports it elsewhere equal to the original; the import runs', async () => {
    const exp = await owner.get(`/api/bots/${botId}/export`);
    expect(exp.status).toBe(200);
    const doc = exp.body;
    expect(doc).toMatchObject({ format: 'bot-manager/bot', version: 1, bot: { name: 'Tide facts', description: 'Facts about tides' } });
    expect(doc.bot.secretSlots).toEqual(['API_TOKEN']);
    const text = JSON.stringify(doc);
    for (const leak of [ownerConn, ownerKey, 'owner-token', 'webhook']) expect(text).not.toContain(leak);

    const mine = (await outsider.get('/api/llm-connections')).body.connections[0].id;
    const imp = await outsider.post('/api/bots/import', { document: doc, connections: { openai: mine } });
    expect(imp.status, JSON.stringify(imp.body)).toBe(201);
    const original = (await owner.get(`/api/bots/${botId}`)).body.graph;
    // The original's nodes all sit at 0,0: the import lays them out (@bm/layout), changing nothing else.
    const withoutConnection = (g: any) => ({
      ...g,
      nodes: g.nodes.map((n: any) => ({ ...n, position: undefined, params: { ...n.params, llmConnectionId: undefined } })),
    });
    expect(withoutConnection(imp.body.graph)).toEqual(withoutConnection(original));
    const spots = new Set(imp.body.graph.nodes.map((n: any) => `${n.position.x},${n.position.y}`));
    expect(spots.size).toBe(imp.body.graph.nodes.length);
    for (const e of imp.body.graph.edges) {
      const [s, t] = [e.source, e.target].map((id: string) => imp.body.graph.nodes.find((n: any) => n.id === id).position.x);
      expect(s).toBeLessThan(t);
    }
    expect(imp.body.graph.nodes.find((n: any) => n.id === 'ask').params.llmConnectionId).toBe(mine);
    expect((await runToEnd(outsider, imp.body.id, { topic: 'waves' })).status).toBe('succeeded');
  }, 60_000);

  it('duplicates a bot in one call', async () => {
    const dup = await owner.post(`/api/bots/${botId}/duplicate`, {});
    expect(dup.status, JSON.stringify(dup.body)).toBe(201);
    const original = (await owner.get(`/api/bots/${botId}`)).body;
    expect(dup.body).toMatchObject({ name: 'Tide facts (copy)', workspaceId: ws, version: 1, graph: original.graph });
    expect(dup.body.id).not.toBe(botId);
    // A colleague's duplicate must use connections they may use: the owner's personal one is not.
    const theirs = await editor.post(`/api/bots/${botId}/duplicate`, { name: 'Mine' });
    expect([theirs.status, theirs.body.error.code]).toEqual([422, 'INVALID_GRAPH']);
  });

  it('refuses hostile files with 422 (or 413) and a code, and writes nothing', async () => {
    const prisma = t.server.services.repos.db.prisma;
    const counts = async () => ({
      bots: await prisma.bot.count(),
      versions: await prisma.botVersion.count(),
      secrets: await prisma.workspaceSecret.count(),
      templates: await prisma.template.count(),
      audit: await prisma.auditEvent.count(),
    });
    const doc = (await owner.get(`/api/bots/${botId}/export`)).body;
    const mine = (await outsider.get('/api/llm-connections')).body.connections[0].id;
    const withGraph = (g: unknown, extra: Record<string, unknown> = {}) => ({ ...doc, bot: { ...doc.bot, graph: g, ...extra } });
    const g = doc.bot.graph;
    const many = { nodes: Array.from({ length: 10_000 }, (_, i) => node(`n${i}`, 'transform.template', { template: 'x' })), edges: [] };
    const corpus: [string, unknown, Record<string, unknown>?][] = [
      ['not an object', 'hello'],
      ['an n8n workflow', { name: 'wf', nodes: [], connections: {} }],
      ['wrong format', { ...doc, format: 'other/bot' }],
      ['future version', { ...doc, version: 2 }],
      ['no graph', { ...doc, bot: { name: 'x' } }],
      ['cycle', withGraph({ ...g, edges: [...g.edges, edge('save', 'fetch')] })],
      ['unknown node type', withGraph({ ...g, nodes: [...g.nodes, node('evil', 'code.javascript', { code: 'process.exit()' })] })],
      ['10 000 nodes', withGraph(many, { slots: [] })],
      ['oversized name', { ...doc, bot: { ...doc.bot, name: 'x'.repeat(10_000) } }],
      ['oversized label', withGraph({ ...g, nodes: g.nodes.map((n: any) => ({ ...n, label: 'y'.repeat(5000) })) })],
      ['duplicate node ids', withGraph({ ...g, nodes: [...g.nodes, g.nodes[0]] })],
      [
        'expression naming a missing node',
        withGraph({
          ...g,
          nodes: g.nodes.map((n: any) => (n.id === 'save' ? { ...n, params: { content: '{{ nodes.ghost.output }}' } } : n)),
        }),
      ],
      [
        "another workspace's connection id in the graph",
        withGraph({
          ...g,
          nodes: g.nodes.map((n: any) => (n.id === 'ask' ? { ...n, params: { ...n.params, llmConnectionId: ownerConn } } : n)),
        }),
      ],
      ["another workspace's connection bound to a slot", doc, { connections: { openai: ownerConn } }],
      ['a slot naming a node that is not an LLM node', { ...doc, bot: { ...doc.bot, slots: [{ ...doc.bot.slots[0], nodes: ['save'] }] } }],
      [
        'a secret of another workspace',
        doc,
        { secrets: { API_TOKEN: (await owner.get(`/api/secrets?workspaceId=${ws}`)).body.secrets[0].id } },
      ],
    ];
    const before = await counts();
    for (const [what, document, extra] of corpus) {
      const r = await outsider.post('/api/bots/import', { document, connections: { openai: mine }, ...extra });
      expect([what, r.status], JSON.stringify(r.body).slice(0, 500)).toEqual([what, 422]);
      expect(r.body.error.code, what).toMatch(/^(INVALID_DOCUMENT|INVALID_GRAPH|SLOTS_UNBOUND|VALIDATION_FAILED)$/);
      expect(r.body.error.message, what).not.toMatch(/prisma|zod|stack|undefined/i);
      if (Array.isArray(r.body.error.details)) expect(r.body.error.details.length, what).toBeGreaterThan(0);
    }
    // 50 MB: refused while it is read, far above the body limit.
    const huge = await outsider.post('/api/bots/import', {
      document: { ...doc, bot: { ...doc.bot, description: 'z'.repeat(50 * 1024 * 1024) } },
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    expect(await counts()).toEqual(before);
  }, 120_000);
});
