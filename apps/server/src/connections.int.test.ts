import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { startTestServer, type TestServer } from './testing/harness';

// LLM connections through the public API: each provider, validation, key replacement,
// deactivation refusing runs, sharing within a workspace, the SSRF guard on base URLs.
describe('LLM connections API', () => {
  let openai: FakeProviderServer;
  let anthropic: FakeProviderServer;
  let gemini: FakeProviderServer;
  let local: FakeProviderServer;
  let t: TestServer;
  const keys = { openai: canary('sk-o'), anthropic: canary('sk-ant'), google: canary('AIza') };

  beforeAll(async () => {
    openai = await startFakeOpenAI({ validKeys: [keys.openai], models: ['gpt-a', 'gpt-b'] });
    anthropic = await startFakeAnthropic({ validKeys: [keys.anthropic] });
    gemini = await startFakeGemini({ validKeys: [keys.google] });
    local = await startFakeOpenAI({ requireKey: false, models: ['llama3'] });
    t = await startTestServer({
      env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: [openai, anthropic, gemini, local].map((f) => `127.0.0.1:${f.port}`).join(',') },
    });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([openai, anthropic, gemini, local].map((f) => f?.close()));
  });

  it('creates, tests and lists models for every provider kind', async () => {
    const api = t.api();
    await api.signup();
    const specs = [
      { provider: 'openai', name: 'OpenAI', apiKey: keys.openai, baseUrl: openai.url, modelDefault: 'gpt-a' },
      { provider: 'anthropic', name: 'Claude', apiKey: keys.anthropic, baseUrl: anthropic.url, modelDefault: 'claude-test' },
      { provider: 'google', name: 'Gemini', apiKey: keys.google, baseUrl: gemini.url, modelDefault: 'gemini-test' },
      { provider: 'local', name: 'Ollama', baseUrl: local.url, modelDefault: 'llama3' },
      { provider: 'other', name: 'Gateway', apiKey: keys.openai, baseUrl: openai.url, modelDefault: 'gpt-b' },
    ];
    for (const spec of specs) {
      const c = await api.post('/api/llm-connections', spec);
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      expect(c.body).toMatchObject({
        provider: spec.provider,
        name: spec.name,
        baseUrl: spec.baseUrl,
        modelDefault: spec.modelDefault,
        isActive: true,
        shared: false,
      });
      expect(c.body).not.toHaveProperty('apiKey');
      expect(c.body.keyHint).toBe(spec.apiKey ? `…${spec.apiKey.slice(-4)}` : null);
      const test = await api.post(`/api/llm-connections/${c.body.id}/test`);
      expect(test.body, spec.provider).toMatchObject({ ok: true, model: spec.modelDefault });
      expect(test.body.latencyMs).toBeGreaterThanOrEqual(0);
      const models = await api.get(`/api/llm-connections/${c.body.id}/models`);
      expect(models.status, JSON.stringify(models.body)).toBe(200);
      expect(models.body.models.length).toBeGreaterThan(0);
    }
    expect((await api.get('/api/llm-connections')).body.connections).toHaveLength(5);
  });

  it('validates input with clear messages and guards base URLs', async () => {
    const api = t.api();
    await api.signup();
    const noUrl = await api.post('/api/llm-connections', { provider: 'local', name: 'x', modelDefault: 'm' });
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.error.message).toMatch(/base URL/);
    const noKey = await api.post('/api/llm-connections', { provider: 'anthropic', name: 'x', modelDefault: 'm' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toMatch(/API key/);
    const badProvider = await api.post('/api/llm-connections', { provider: 'skynet', name: 'x', modelDefault: 'm', apiKey: 'k' });
    expect(badProvider.status).toBe(400);
    for (const baseUrl of ['http://169.254.169.254/v1', 'http://10.1.2.3:8080/v1', 'http://[::1]:9/v1', 'http://2130706433/v1']) {
      const r = await api.post('/api/llm-connections', { provider: 'other', name: 'x', modelDefault: 'm', baseUrl });
      expect(r.status, baseUrl).toBe(400);
      expect(r.body.error.code).toBe('OUTBOUND_BLOCKED');
    }
    const ftp = await api.post('/api/llm-connections', { provider: 'other', name: 'x', modelDefault: 'm', baseUrl: 'ftp://example.com' });
    expect(ftp.status).toBe(400);
  });

  it('replaces a key, reports a rejected key, and refuses runs on a deactivated connection', async () => {
    const api = t.api();
    await api.signup();
    const c = await api.post('/api/llm-connections', {
      provider: 'openai',
      name: 'Mine',
      apiKey: canary('sk-wrong'),
      baseUrl: openai.url,
      modelDefault: 'gpt-a',
    });
    const failed = await api.post(`/api/llm-connections/${c.body.id}/test`);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.error.code).toBe('KEY_REJECTED');
    expect(failed.body.error.message).toMatch(/OpenAI API key.*rejected.*Settings → LLM Connections/);

    const patched = await api.patch(`/api/llm-connections/${c.body.id}`, { apiKey: keys.openai, name: 'Renamed' });
    expect(patched.body).toMatchObject({ name: 'Renamed', keyHint: `…${keys.openai.slice(-4)}` });
    expect((await api.post(`/api/llm-connections/${c.body.id}/test`)).body.ok).toBe(true);

    const bot = await api.post('/api/bots', {
      name: 'b',
      llmConnectionId: c.body.id,
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
          { id: 'llm', type: 'llm.chat', params: { purpose: 'analyze', prompt: 'hi' }, position: { x: 1, y: 0 } },
        ],
        edges: [{ id: 'e', source: 'in', target: 'llm' }],
      },
    });
    expect(bot.status).toBe(201);
    expect((await api.patch(`/api/llm-connections/${c.body.id}`, { isActive: false })).body.isActive).toBe(false);
    const refused = await api.post(`/api/bots/${bot.body.id}/runs`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].nodeId).toBe('llm');
    expect(refused.body.error.message).toMatch(/connection/i);

    expect((await api.del(`/api/llm-connections/${c.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/llm-connections/${c.body.id}`)).status).toBe(404);
  });
});
