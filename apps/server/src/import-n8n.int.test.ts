import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startTestServer, type TestServer } from './testing/harness';

// POST /api/bots/import-n8n through the real server: the dry run that the UI's mapping step shows,
// the refusal of unbound slots and of files that are not workflows, and the import itself, on a
// workflow exported by a real n8n 1.123 (packages/n8n-import/fixtures).

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../packages/n8n-import/fixtures/${name}`, import.meta.url), 'utf8')) as unknown;

describe('import from n8n', () => {
  let fake: FakeProviderServer;
  let t: TestServer;
  let api: ReturnType<TestServer['api']>;
  let connection: string;
  const workflow = fixture('03-http-v1-set-v1-openai-v1.json');

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [canary('sk-import')] });
    t = await startTestServer({ env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` } });
    api = t.api();
    await api.signup('importer@example.com');
    const created = await api.post('/api/llm-connections', {
      provider: 'openai',
      name: 'team key',
      apiKey: canary('sk-import'),
      baseUrl: fake.url,
      modelDefault: 'gpt-4o-mini',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    connection = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('previews the converted bot with its slots, what was not mapped and the triggers, writing nothing', async () => {
    const before = (await api.get('/api/bots')).body.bots.length;
    const r = await api.post('/api/bots/import-n8n', { workflow, dryRun: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.document).toMatchObject({ format: 'bot-manager/bot', version: 1, bot: { name: 'Weather report (old nodes)' } });
    expect(r.body.slots.map((s: { key: string; provider: string }) => [s.key, s.provider])).toEqual([['openai_team', 'openai']]);
    expect(Array.isArray(r.body.unmapped)).toBe(true);
    expect(Array.isArray(r.body.triggers)).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('credentials');
    expect((await api.get('/api/bots')).body.bots.length).toBe(before);
  });

  it('refuses unbound slots by name, and files that are not n8n workflows', async () => {
    const unbound = await api.post('/api/bots/import-n8n', { workflow });
    expect(unbound.status).toBe(422);
    expect(unbound.body.error.code).toBe('SLOTS_UNBOUND');
    expect(JSON.stringify(unbound.body.error.details)).toContain('openai_team');
    const notWorkflow = await api.post('/api/bots/import-n8n', { workflow: { hello: 'world' } });
    expect(notWorkflow.status).toBe(422);
    expect(notWorkflow.body.error.code).toBe('INVALID_N8N_WORKFLOW');
    expect(notWorkflow.body.error.message).toMatch(/^This is not an n8n workflow export: /);
  });

  it('imports with its slots bound (a connection, and a secret for the key the HTTP node had inline): a valid bot, and an audit event', async () => {
    const secret = (await api.post('/api/secrets', { name: 'WEATHER_KEY', value: canary('weather') })).body.id;
    const r = await api.post('/api/bots/import-n8n', {
      workflow,
      connections: { openai_team: connection },
      secrets: { GET_WEATHER_X_API_KEY: secret },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const bot = (await api.get(`/api/bots/${r.body.bot.id}`)).body;
    const llm = bot.graph.nodes.filter((n: { type: string }) => n.type === 'llm.chat');
    expect(llm.length).toBeGreaterThan(0);
    for (const n of llm) expect([n.params.llmConnectionId, bot.llmConnectionId]).toContain(connection);
    expect(JSON.stringify(bot.graph)).toContain('{{ secrets.WEATHER_KEY }}');
    // Laid out by @bm/layout on import: left to right along every edge, no two cards (232×72) overlapping.
    type Placed = { id: string; position: { x: number; y: number } };
    const at = (id: string) => bot.graph.nodes.find((n: Placed) => n.id === id)!.position;
    for (const e of bot.graph.edges) expect(at(e.source).x + 232).toBeLessThan(at(e.target).x);
    for (const a of bot.graph.nodes as Placed[])
      for (const b of bot.graph.nodes as Placed[])
        if (a.id < b.id)
          expect(
            Math.abs(a.position.x - b.position.x) >= 232 || Math.abs(a.position.y - b.position.y) >= 72,
            `${a.id} overlaps ${b.id}`,
          ).toBe(true);
    const check = await api.post('/api/bots/validate', { graph: bot.graph, llmConnectionId: bot.llmConnectionId });
    expect(check.body, JSON.stringify(check.body)).toMatchObject({ ok: true });
    const me = (await api.get('/api/me')).body;
    const events = (await api.get(`/api/workspaces/${me.workspaces[0].id}/audit?action=bot.imported`)).body.events;
    expect(events[0]).toMatchObject({ action: 'bot.imported', details: { format: 'n8n' } });
  });
});
