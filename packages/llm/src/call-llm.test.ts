// createLlmService(...).callLLM / testConnection / listModels with the real SDKs against the
// loopback fakes of @bm/testing.
import {
  anthropicResponses,
  canary,
  geminiResponses,
  openAIResponses,
  startFakeAnthropic,
  startFakeGemini,
  startFakeOpenAI,
  type FakeProviderServer,
} from '@bm/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmService } from './call-llm';
import { LlmError } from './errors';
import { MemoryStore, rejectionOf } from './testing';
import type { Provider } from './types';

let openai: FakeProviderServer;
let local: FakeProviderServer;
let anthropic: FakeProviderServer;
let gemini: FakeProviderServer;

beforeAll(async () => {
  [openai, local, anthropic, gemini] = await Promise.all([
    startFakeOpenAI(),
    startFakeOpenAI({ requireKey: false, models: ['llama3.2:3b', 'qwen2.5:7b'] }),
    startFakeAnthropic(),
    startFakeGemini(),
  ]);
});
afterAll(async () => {
  await Promise.all([openai.close(), local.close(), anthropic.close(), gemini.close()]);
});

let store: MemoryStore;
const KEYS = { openai: canary('sk-proj'), anthropic: canary('sk-ant-api03'), google: canary('AIza'), other: canary('gsk') };

function service(timeoutMs?: number) {
  return createLlmService({ store, decrypt: store.decrypt, ...(timeoutMs ? { timeoutMs } : {}) });
}

beforeEach(() => {
  for (const f of [openai, local, anthropic, gemini]) f.reset();
  store = new MemoryStore();
  store.addConnection({
    id: 'c-openai',
    provider: 'openai',
    baseUrl: openai.url,
    modelDefault: 'gpt-4o-mini',
    apiKey: KEYS.openai,
    name: 'My OpenAI',
  });
  store.addConnection({
    id: 'c-anthropic',
    provider: 'anthropic',
    baseUrl: anthropic.url,
    modelDefault: 'claude-sonnet-4-5',
    apiKey: KEYS.anthropic,
    name: 'Claude',
  });
  store.addConnection({
    id: 'c-google',
    provider: 'google',
    baseUrl: gemini.url,
    modelDefault: 'gemini-2.5-flash',
    apiKey: KEYS.google,
    name: 'Gemini',
  });
  store.addConnection({ id: 'c-local', provider: 'local', baseUrl: local.url, modelDefault: 'llama3.2:3b', name: 'Ollama' });
  store.addConnection({
    id: 'c-other',
    provider: 'other',
    baseUrl: openai.url,
    modelDefault: 'meta-llama/llama-3.3-70b',
    apiKey: KEYS.other,
    name: 'Groq',
  });
  for (const id of ['c-openai', 'c-anthropic', 'c-google', 'c-local', 'c-other']) store.addBot({ id: `bot-${id}`, llmConnectionId: id });
});

const ask = (botId: string, extra: Record<string, unknown> = {}) =>
  service().callLLM({ userId: 'user-owner', botId, purpose: 'analyze', prompt: 'Summarise the news', ...extra });

describe('callLLM succeeds with every provider', () => {
  const cases: {
    provider: Provider;
    fake: () => FakeProviderServer;
    key?: keyof typeof KEYS;
    header: string;
    model: string;
    requestId: RegExp;
  }[] = [
    {
      provider: 'openai',
      fake: () => openai,
      key: 'openai',
      header: 'authorization',
      model: 'gpt-4o-mini',
      requestId: /^req_[0-9a-f]{32}$/,
    },
    {
      provider: 'anthropic',
      fake: () => anthropic,
      key: 'anthropic',
      header: 'authorization',
      model: 'claude-sonnet-4-5',
      requestId: /^req_011C/,
    },
    {
      provider: 'google',
      fake: () => gemini,
      key: 'google',
      header: 'x-goog-api-key',
      model: 'gemini-2.5-flash',
      requestId: /^[0-9A-Za-z]{22}$/,
    },
    { provider: 'local', fake: () => local, header: 'authorization', model: 'llama3.2:3b', requestId: /^req_/ },
    { provider: 'other', fake: () => openai, key: 'other', header: 'authorization', model: 'meta-llama/llama-3.3-70b', requestId: /^req_/ },
  ];

  it.each(cases)('$provider', async ({ provider, fake, key, header, model, requestId }) => {
    const result = await ask(`bot-c-${provider}`, { system: 'You are terse.' });
    expect(result.text).toBe('echo: Summarise the news');
    expect(result.model).toBe(model);
    expect(result.provider).toBe(provider);
    expect(result.connectionId).toBe(`c-${provider}`);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBe(Math.ceil('echo: Summarise the news'.length / 4));
    expect(result.requestId).toMatch(requestId);
    expect(result.requestId).toBe(fake().requests[0]?.response?.requestId);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.json).toBeUndefined();
    expect(fake().requests).toHaveLength(1);
    const sent = fake().requests[0]!;
    if (key) {
      expect(fake().lastApiKey).toBe(KEYS[key]);
      expect(sent.headers[header]).toContain(KEYS[key]);
    } else {
      // Keyless local server: no Authorization header at all, not a placeholder.
      expect(sent.headers.authorization).toBeUndefined();
    }
    expect(JSON.stringify(sent.body)).toContain('You are terse.');
    if (provider === 'google') expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  it('sends max tokens and temperature the way each API names them', async () => {
    await ask('bot-c-openai', { maxTokens: 50, temperature: 0.2 });
    await ask('bot-c-local', { maxTokens: 50 });
    await ask('bot-c-anthropic', { maxTokens: 50 });
    await ask('bot-c-google', { maxTokens: 50, temperature: 0.2 });
    expect(openai.requests[0]?.body).toMatchObject({ max_completion_tokens: 50, temperature: 0.2 });
    expect(local.requests[0]?.body).toMatchObject({ max_tokens: 50 });
    expect(anthropic.requests[0]?.body).toMatchObject({ max_tokens: 50 });
    expect(gemini.requests[0]?.body).toMatchObject({ generationConfig: { maxOutputTokens: 50, temperature: 0.2 } });
  });

  it('passes a conversation with system messages in each provider format', async () => {
    const messages = [
      { role: 'system' as const, content: 'Rule one.' },
      { role: 'user' as const, content: 'first' },
      { role: 'assistant' as const, content: 'ok' },
    ];
    await ask('bot-c-anthropic', { messages, prompt: 'second' });
    expect(anthropic.requests[0]?.body).toMatchObject({
      system: 'Rule one.',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'second' },
      ],
    });
    await ask('bot-c-google', { messages, prompt: 'second' });
    expect(gemini.requests[0]?.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'Rule one.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'first' }] },
        { role: 'model', parts: [{ text: 'ok' }] },
        { role: 'user', parts: [{ text: 'second' }] },
      ],
    });
  });
});

describe('connection and model resolution', () => {
  it('model: node → bot override → connection default', async () => {
    store.addBot({ id: 'bot-override', llmConnectionId: 'c-openai', llmModelOverride: 'gpt-4.1' });
    expect((await ask('bot-c-openai')).model).toBe('gpt-4o-mini');
    expect((await ask('bot-override')).model).toBe('gpt-4.1');
    expect((await ask('bot-override', { model: 'o4-mini' })).model).toBe('o4-mini');
    expect(openai.requests.map((r) => (r.body as { model: string }).model)).toEqual(['gpt-4o-mini', 'gpt-4.1', 'o4-mini']);
  });

  it("connection: the node's own wins over the bot's", async () => {
    const result = await ask('bot-c-openai', { connectionId: 'c-anthropic' });
    expect(result.provider).toBe('anthropic');
    expect(result.model).toBe('claude-sonnet-4-5');
    expect(openai.requests).toHaveLength(0);
  });

  it("refuses the owner's own connection for a bot in another workspace, and a former member", async () => {
    store.addConnection({
      id: 'c-elsewhere',
      provider: 'openai',
      baseUrl: openai.url,
      modelDefault: 'gpt-4o-mini',
      apiKey: KEYS.openai,
      workspaceId: 'ws-other',
    });
    store.addBot({ id: 'bot-here', llmConnectionId: 'c-elsewhere' });
    const err = (await rejectionOf(ask('bot-here'))) as LlmError;
    expect(err.code).toBe('CONNECTION_NOT_FOUND');
    store.members.delete('user-owner@ws-1');
    const gone = (await rejectionOf(ask('bot-c-openai'))) as LlmError;
    store.members.add('user-owner@ws-1');
    expect(gone.code).toBe('CONNECTION_NOT_FOUND');
    expect(openai.requests).toHaveLength(0);
  });

  it('NO_CONNECTION when neither the node nor the bot has one', async () => {
    store.addBot({ id: 'bot-bare' });
    const err = (await rejectionOf(ask('bot-bare'))) as LlmError;
    expect(err).toBeInstanceOf(LlmError);
    expect(err.code).toBe('NO_CONNECTION');
    expect(err.message).toBe("This bot has no LLM connection. Pick one in the bot's settings or on the node.");
    expect(err.retryable).toBe(false);
  });

  it("CONNECTION_NOT_FOUND for a stranger's private connection, a non-member, or a missing id — same message", async () => {
    store.addConnection({
      id: 'c-shared',
      provider: 'openai',
      baseUrl: openai.url,
      modelDefault: 'gpt-4o-mini',
      apiKey: KEYS.openai,
      shared: true,
      workspaceId: 'ws-team',
    });
    store.addBot({ id: 'bot-shared', llmConnectionId: 'c-shared', workspaceId: 'ws-team' });
    const stranger = (botId: string) => service().callLLM({ userId: 'user-stranger', botId, purpose: 'report', prompt: 'x' });

    const privateErr = (await rejectionOf(stranger('bot-c-openai'))) as LlmError;
    const sharedErr = (await rejectionOf(stranger('bot-shared'))) as LlmError;
    store.addBot({ id: 'bot-ghost', llmConnectionId: 'c-does-not-exist' });
    const missingErr = (await rejectionOf(stranger('bot-ghost'))) as LlmError;
    for (const err of [privateErr, sharedErr, missingErr]) {
      expect(err.code).toBe('CONNECTION_NOT_FOUND');
      expect(err.retryable).toBe(false);
      expect(err.connectionId).toBeUndefined();
    }
    expect(privateErr.message).toBe(missingErr.message);
    expect(openai.requests).toHaveLength(0);

    // A member of the workspace may use the shared one, but still not the private one.
    store.addMember('user-stranger', 'ws-team');
    expect((await stranger('bot-shared')).text).toBe('echo: x');
    expect(((await rejectionOf(stranger('bot-c-openai'))) as LlmError).code).toBe('CONNECTION_NOT_FOUND');
    // Membership of the workspace does not open a colleague's personal connection; the member is told whose it is and what to do.
    store.addMember('user-stranger', 'ws-1');
    const before = openai.requests.length;
    const personal = (await rejectionOf(stranger('bot-c-openai'))) as LlmError;
    expect([personal.code, personal.retryable]).toEqual(['CONNECTION_PERSONAL', false]);
    expect(personal.message).toMatch(/"My OpenAI" is another member's personal connection.*Pick a shared connection or one of your own/);
    expect(openai.requests).toHaveLength(before);
  });

  it('refuses an inactive connection without calling the provider', async () => {
    store.connections.get('c-openai')!.isActive = false;
    const err = (await rejectionOf(ask('bot-c-openai'))) as LlmError;
    expect(err.code).toBe('CONNECTION_INACTIVE');
    expect(err.message).toContain('"My OpenAI" is turned off');
    expect(err.message).toContain('Settings → LLM Connections');
    expect(openai.requests).toHaveLength(0);
  });

  it('a hosted provider without a stored key fails as KEY_MISSING before any request', async () => {
    store.addConnection({ id: 'c-nokey', provider: 'anthropic', baseUrl: anthropic.url, modelDefault: 'claude-sonnet-4-5', name: 'Empty' });
    store.addBot({ id: 'bot-nokey', llmConnectionId: 'c-nokey' });
    const err = (await rejectionOf(ask('bot-nokey'))) as LlmError;
    expect(err.code).toBe('KEY_MISSING');
    expect(err.message).toContain('No Anthropic API key is stored (connection "Empty")');
    expect(anthropic.requests).toHaveLength(0);
  });

  it('a sealed key that does not open (copied from another row) is KEY_UNREADABLE, never sent', async () => {
    const source = store.connections.get('c-openai')!;
    store.addConnection({ ...source, id: 'c-copied', name: 'Copied', apiKey: undefined });
    Object.assign(store.connections.get('c-copied')!, {
      apiKeyEncrypted: source.apiKeyEncrypted,
      keyId: source.keyId,
      keyNonce: source.keyNonce,
    });
    store.addBot({ id: 'bot-copied', llmConnectionId: 'c-copied' });
    const err = (await rejectionOf(ask('bot-copied'))) as LlmError;
    expect(err.code).toBe('KEY_UNREADABLE');
    expect(err.message).toContain('stored API key of connection "Copied" could not be decrypted');
    expect(openai.requests).toHaveLength(0);
  });

  it('an empty prompt is BAD_REQUEST before any request', async () => {
    const err = (await rejectionOf(ask('bot-c-openai', { prompt: '  ' }))) as LlmError;
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('has no prompt');
    expect(openai.requests).toHaveLength(0);
  });

  it('local/other without a base URL is refused with a clear message', async () => {
    store.addConnection({ id: 'c-nourl', provider: 'local', modelDefault: 'llama3', name: 'Laptop' });
    store.addBot({ id: 'bot-nourl', llmConnectionId: 'c-nourl' });
    const err = (await rejectionOf(ask('bot-nourl'))) as LlmError;
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('Connection "Laptop" has no base URL');
  });
});

describe('JSON mode', () => {
  it.each([
    { provider: 'openai' as const, fake: () => openai },
    { provider: 'google' as const, fake: () => gemini },
    { provider: 'local' as const, fake: () => local },
  ])('$provider asks for JSON on the wire and parses the answer', async ({ provider, fake }) => {
    const result = await ask(`bot-c-${provider}`, { json: true });
    expect(result.json).toEqual({ echo: 'Summarise the news' });
    const body = fake().requests[0]?.body as Record<string, any>;
    if (provider === 'google') expect(body.generationConfig.responseMimeType).toBe('application/json');
    else expect(body.response_format).toEqual({ type: 'json_object' });
    // OpenAI refuses json_object unless the word JSON appears in the messages.
    expect(JSON.stringify(body)).toContain('JSON');
  });

  it('anthropic: JSON by instruction; a fenced answer is accepted', async () => {
    anthropic.enqueue(anthropicResponses.text('```json\n{"items": [1, 2]}\n```'));
    const result = await ask('bot-c-anthropic', { json: true });
    expect(result.json).toEqual({ items: [1, 2] });
    expect((anthropic.requests[0]?.body as { system: string }).system).toMatch(/valid JSON object/);
  });

  it.each([
    { provider: 'openai' as const, enqueue: () => openai.enqueue(openAIResponses.text('Sure! The news is calm today.')) },
    { provider: 'anthropic' as const, enqueue: () => anthropic.enqueue(anthropicResponses.text('Sure! The news is calm today.')) },
    { provider: 'google' as const, enqueue: () => gemini.enqueue(geminiResponses.text('Sure! The news is calm today.')) },
  ])('$provider: a non-JSON answer is INVALID_JSON', async ({ provider, enqueue }) => {
    enqueue();
    const err = (await rejectionOf(ask(`bot-c-${provider}`, { json: true }))) as LlmError;
    expect(err.code).toBe('INVALID_JSON');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('is not valid JSON');
    expect(err.message).toContain('Sure! The news is calm today.');
  });
});

describe('deadline and cancellation', () => {
  it.each([
    { provider: 'openai' as const, fake: () => openai, slow: () => openAIResponses.slow(2_000) },
    { provider: 'anthropic' as const, fake: () => anthropic, slow: () => anthropicResponses.slow(2_000) },
    { provider: 'google' as const, fake: () => gemini, slow: () => geminiResponses.slow(2_000) },
  ])('$provider: a slow answer past the deadline is TIMEOUT (retryable)', async ({ provider, fake, slow }) => {
    fake().enqueue(slow());
    const started = Date.now();
    const err = (await rejectionOf(
      service(300).callLLM({ userId: 'user-owner', botId: `bot-c-${provider}`, purpose: 'draft', prompt: 'x' }),
    )) as LlmError;
    expect(err.code).toBe('TIMEOUT');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('did not answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("the caller's abort is re-thrown as the signal's reason, not as an LlmError", async () => {
    openai.enqueue(openAIResponses.slow(2_000));
    const controller = new AbortController();
    const reason = new Error('activity cancelled');
    setTimeout(() => controller.abort(reason), 100);
    const err = await rejectionOf(ask('bot-c-openai', { signal: controller.signal }));
    expect(err).toBe(reason);
  });
});

describe('testConnection', () => {
  it.each(['openai', 'anthropic', 'google', 'local', 'other'] as const)('%s: ok with a real minimal request', async (provider) => {
    const rec = store.connections.get(`c-${provider}`)!;
    const result = await service().testConnection(rec);
    expect(result).toMatchObject({ ok: true, model: rec.modelDefault, output: 'echo: Hello world' });
    if (result.ok) expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a tiny request (max tokens 16) to the default model', async () => {
    await service().testConnection(store.connections.get('c-anthropic')!);
    expect(anthropic.requests[0]?.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hello world' }],
    });
  });

  it('reports a rejected key as ok:false with code and message, never the key', async () => {
    gemini.enqueue(geminiResponses.invalidKey());
    const result = await service().testConnection(store.connections.get('c-google')!);
    expect(result).toMatchObject({ ok: false, error: { code: 'KEY_REJECTED' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        'Your Google Gemini API key in connection "Gemini" was rejected (400). Update it in Settings → LLM Connections.',
      );
      expect(JSON.stringify(result)).not.toContain(KEYS.google);
    }
  });
});

describe('listModels', () => {
  it.each([
    { provider: 'openai', expected: 'gpt-4o-mini' },
    { provider: 'anthropic', expected: 'claude-sonnet-4-5-20250929' },
    { provider: 'google', expected: 'gemini-2.5-flash' },
    { provider: 'local', expected: 'llama3.2:3b' },
    { provider: 'other', expected: 'gpt-4o-mini' },
  ])('$provider', async ({ provider, expected }) => {
    const models = await service().listModels(store.connections.get(`c-${provider}`)!);
    expect(models.map((m) => m.id)).toContain(expected);
    for (const m of models) expect(Object.keys(m)).toEqual(['id']);
  });

  it('maps a failure like a call does', async () => {
    anthropic.enqueue(anthropicResponses.invalidKey());
    const err = (await rejectionOf(service().listModels(store.connections.get('c-anthropic')!))) as LlmError;
    expect(err.code).toBe('KEY_REJECTED');
    expect(err.message).toBe('Your Anthropic API key in connection "Claude" was rejected (401). Update it in Settings → LLM Connections.');
  });
});
