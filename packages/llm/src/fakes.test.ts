// The fake provider servers of @bm/testing, driven by the real SDKs: proves the fakes speak each
// provider's wire format well enough for the SDKs to parse them (streaming included).
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { canary, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useFakeProviders } from './testing';

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
let gemini: FakeProviderServer;

useFakeProviders((f) => ({ openai, anthropic, gemini } = f));

describe('fake OpenAI', () => {
  const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: openai.url, maxRetries: 0 });

  it('answers a chat completion with an echo, usage and x-request-id, and records the bearer key', async () => {
    const key = canary('sk-proj');
    const { data, response } = await client(key)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('echo: ping');
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(openai.lastApiKey).toBe(key);
    expect(openai.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', headers: { authorization: `Bearer ${key}` } });
  });

  it('streams SSE chunks and ends with a usage chunk when stream_options.include_usage is set', async () => {
    const stream = await client('sk-test').chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'a longer message to split in chunks' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('echo: a longer message to split in chunks');
    expect(chunks).toBeGreaterThan(3);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('lists models, refuses a missing key and (with validKeys) a wrong one', async () => {
    const page = await client('sk-test').models.list();
    expect(page.data.map((m) => m.id)).toContain('gpt-4o-mini');

    const keyless = new OpenAI({ apiKey: 'x', baseURL: openai.url, maxRetries: 0, defaultHeaders: { Authorization: null } });
    await expect(keyless.models.list()).rejects.toMatchObject({ status: 401 });

    const strict = await startFakeOpenAI({ validKeys: ['sk-good'] });
    try {
      const bad = new OpenAI({ apiKey: 'sk-bad-key-123', baseURL: strict.url, maxRetries: 0 });
      await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    } finally {
      await strict.close();
    }
  });

  it('plays scripted behaviours in order, then falls back to the echo', async () => {
    openai.enqueue({ status: 418, body: { error: { message: 'teapot', type: 'x', code: 'teapot', param: null } } }, { reply: 'scripted' });
    const c = client('sk-test');
    const ask = () => c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    await expect(ask()).rejects.toMatchObject({ status: 418, code: 'teapot' });
    expect((await ask()).choices[0]?.message.content).toBe('scripted');
    expect((await ask()).choices[0]?.message.content).toBe('echo: q');
  });
});

describe('fake Anthropic', () => {
  it('answers /v1/messages with request-id and records the key (SDK 1.x sends it as a bearer token)', async () => {
    const key = canary('sk-ant');
    const client = new Anthropic({ apiKey: key, baseURL: anthropic.url, maxRetries: 0 });
    const { data, response } = await client.messages
      .create({ model: 'claude-sonnet-4-5', max_tokens: 64, system: 'be brief', messages: [{ role: 'user', content: 'hello' }] })
      .withResponse();
    expect(data.content[0]).toMatchObject({ type: 'text', text: 'echo: hello' });
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(response.headers.get('request-id')).toMatch(/^req_011C/);
    expect(anthropic.lastApiKey).toBe(key);
    expect(anthropic.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(anthropic.requests[0]?.headers['anthropic-version']).toBeTruthy();
    const classic = await fetch(`${anthropic.url}/v1/models`, {
      headers: { 'x-api-key': 'classic-key', 'anthropic-version': '2023-06-01' },
    });
    expect(classic.status).toBe(200);
    expect(anthropic.lastApiKey).toBe('classic-key');

    const models = [];
    for await (const m of client.models.list()) models.push(m.id);
    expect(models.length).toBeGreaterThan(0);
  });
});

describe('fake Gemini', () => {
  const client = (apiKey: string) => new GoogleGenAI({ apiKey, vertexai: false, httpOptions: { baseUrl: gemini.url } });

  it('answers generateContent with usageMetadata and responseId, and records x-goog-api-key', async () => {
    const key = canary('AIza');
    const res = await client(key).models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi there' });
    expect(res.text).toBe('echo: hi there');
    expect(res.usageMetadata?.promptTokenCount).toBeGreaterThan(0);
    expect(res.responseId).toBeTruthy();
    expect(gemini.lastApiKey).toBe(key);
    // SDK 3.x defaults to v1; callProvider pins v1beta. The fake serves both.
    expect(gemini.requests[0]?.path).toBe('/v1/models/gemini-2.5-flash:generateContent');
  });

  it('streams with streamGenerateContent (alt=sse) and lists models', async () => {
    let text = '';
    for await (const chunk of await client('k').models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'stream this please, in pieces',
    })) {
      text += chunk.text ?? '';
    }
    expect(text).toBe('echo: stream this please, in pieces');
    expect(gemini.requests[0]?.query.alt).toBe('sse');

    const ids = [];
    for await (const m of await client('k').models.list()) ids.push(m.name);
    expect(ids).toContain('models/gemini-2.5-flash');
  });

  it('accepts the key as ?key= and refuses a request without any key like Google does', async () => {
    const viaQuery = await fetch(`${gemini.url}/v1beta/models?key=query-key`);
    expect(viaQuery.status).toBe(200);
    expect(gemini.lastApiKey).toBe('query-key');
    const none = await fetch(`${gemini.url}/v1beta/models`);
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');
  });
});

describe('fake transport behaviours', () => {
  it('drops the connection when told to, and delays when told to', async () => {
    openai.enqueue({ drop: true }, { echo: true, delayMs: 150 });
    const client = new OpenAI({ apiKey: 'sk', baseURL: openai.url, maxRetries: 0 });
    const ask = () => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    const started = Date.now();
    await ask();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
