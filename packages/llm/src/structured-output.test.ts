// Structured output and image inputs through createLlmService(...).callLLM, the real SDKs and the
// loopback fakes of @bm/testing: what reaches each provider, and how its answer is read and checked.
import { canary, type FakeProviderServer } from '@bm/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLlmService } from './call-llm';
import { LlmError } from './errors';
import { MemoryStore, rejectionOf, useFakeProviders } from './testing';
import type { Provider } from './types';

let fakes: Record<'openai' | 'anthropic' | 'google', FakeProviderServer>;
useFakeProviders((f) => (fakes = { openai: f.openai, anthropic: f.anthropic, google: f.gemini }));

const MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-haiku-4-5', google: 'gemini-2.5-flash' } as const;
let store: MemoryStore;
beforeEach(() => {
  store = new MemoryStore();
  for (const provider of ['openai', 'anthropic', 'google'] as const) {
    store.addConnection({
      id: `c-${provider}`,
      provider,
      baseUrl: fakes[provider].url,
      modelDefault: MODELS[provider],
      apiKey: canary('k'),
    });
    store.addBot({ id: `bot-${provider}`, llmConnectionId: `c-${provider}` });
  }
});

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
  additionalProperties: false,
};
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

const ask = (provider: Provider, extra: Record<string, unknown> = {}) =>
  createLlmService({ store, decrypt: store.decrypt }).callLLM({
    userId: 'user-owner',
    botId: `bot-${provider}`,
    purpose: 'analyze',
    prompt: 'Who is on the photo?',
    ...extra,
  });

const body = (provider: keyof typeof fakes) => fakes[provider].requests[0]!.body as Record<string, any>;

const PROVIDERS = ['openai', 'anthropic', 'google'] as const;

describe('a schema answered validly', () => {
  it.each(PROVIDERS)('%s: the validated object is in json, the text is its JSON, and the call is not streamed', async (provider) => {
    fakes[provider].enqueue({ json: { name: 'Ada', age: 36 } });
    const deltas: string[] = [];
    const result = await ask(provider, { responseSchema: { name: 'person', schema: person }, onDelta: (d: string) => deltas.push(d) });
    expect(result.json).toEqual({ name: 'Ada', age: 36 });
    expect(JSON.parse(result.text)).toEqual({ name: 'Ada', age: 36 });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBeGreaterThan(0);
    expect(deltas).toEqual([]);
    expect(fakes[provider].requests).toHaveLength(1);
    expect(body(provider).stream).toBeUndefined();
  });

  it('openai: response_format json_schema, strict for a strict-compatible schema, and no JSON instruction', async () => {
    fakes.openai.enqueue({ json: { name: 'Ada', age: 36 } });
    await ask('openai', { responseSchema: { name: 'person', schema: person } });
    expect(body('openai').response_format).toEqual({ type: 'json_schema', json_schema: { name: 'person', schema: person, strict: true } });
    expect(JSON.stringify(body('openai').messages)).not.toContain('Respond with a single valid JSON object');
  });

  it('the $schema marker is not sent to the provider', async () => {
    fakes.openai.enqueue({ json: { name: 'Ada', age: 36 } });
    await ask('openai', {
      responseSchema: { name: 'person', schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...person } },
    });
    expect(body('openai').response_format.json_schema.schema).toEqual(person);
  });

  it('openai: strict false when a field is optional', async () => {
    const loose = { ...person, required: ['name'] };
    fakes.openai.enqueue({ json: { name: 'Ada' } });
    expect((await ask('openai', { responseSchema: { name: 'person', schema: loose } })).json).toEqual({ name: 'Ada' });
    expect(body('openai').response_format.json_schema.strict).toBe(false);
  });

  it('anthropic: a forced tool with the schema as input_schema; the answer is the tool_use input', async () => {
    fakes.anthropic.enqueue({ json: { name: 'Ada', age: 36 } });
    const result = await ask('anthropic', { responseSchema: { name: 'person', schema: person }, system: 'Be exact.' });
    expect(body('anthropic')).toMatchObject({
      tools: [{ name: 'person', input_schema: person }],
      tool_choice: { type: 'tool', name: 'person' },
      system: 'Be exact.',
    });
    expect(result.text).toBe('{"name":"Ada","age":36}');
  });

  it('google: generationConfig with responseMimeType and the plain JSON Schema as responseJsonSchema', async () => {
    fakes.google.enqueue({ json: { name: 'Ada', age: 36 } });
    await ask('google', { responseSchema: { name: 'person', schema: person } });
    expect(body('google').generationConfig).toMatchObject({ responseMimeType: 'application/json', responseJsonSchema: person });
  });
});

describe('an answer that does not match', () => {
  it.each(PROVIDERS)('%s: SCHEMA_MISMATCH, not retryable, billed and priced, with the answer and the errors', async (provider) => {
    fakes[provider].enqueue({ json: { name: 'Ada', age: 'old' } });
    const err = await rejectionOf(ask(provider, { responseSchema: { name: 'person', schema: person } }));
    expect(err).toBeInstanceOf(LlmError);
    const e = err as LlmError;
    expect(e).toMatchObject({ code: 'SCHEMA_MISMATCH', retryable: false, key: 'llm.SCHEMA_MISMATCH', params: { path: '/age' } });
    expect(e.message).toContain('does not match the output schema at /age: /age must be integer');
    expect(e.mismatch).toEqual({ answer: '{"name":"Ada","age":"old"}', path: '/age', errors: '/age must be integer' });
    expect(e.billed?.usage.outputTokens).toBeGreaterThan(0);
    expect(e.billed?.costUsd).toBeGreaterThan(0);
    expect(e.billed?.connectionId).toBe(`c-${provider}`);
  });

  it.each(['openai', 'google'] as const)('%s: an answer that is not JSON at all is a mismatch at /', async (provider) => {
    fakes[provider].enqueue({ reply: 'Ada, 36 years old' });
    const err = (await rejectionOf(ask(provider, { responseSchema: { name: 'person', schema: person } }))) as LlmError;
    expect(err).toMatchObject({
      code: 'SCHEMA_MISMATCH',
      mismatch: { answer: 'Ada, 36 years old', path: '/', errors: 'the answer is not JSON' },
    });
    expect(err.billed?.usage.outputTokens).toBeGreaterThan(0);
  });

  it('anthropic: a text answer instead of the forced tool is a mismatch too', async () => {
    fakes.anthropic.enqueue({ reply: 'I would rather talk.' });
    const err = (await rejectionOf(ask('anthropic', { responseSchema: { name: 'person', schema: person } }))) as LlmError;
    expect(err).toMatchObject({ code: 'SCHEMA_MISMATCH', mismatch: { path: '/' } });
  });

  it('an invalid schema is refused before anything is sent', async () => {
    const err = (await rejectionOf(ask('openai', { responseSchema: { name: 'x', schema: { type: 'array' } } }))) as LlmError;
    expect(err).toMatchObject({ code: 'BAD_REQUEST', key: 'llm.BAD_REQUEST.schema' });
    expect(err.message).toMatch(/^The output schema must be a JSON Schema of an object/);
    expect(fakes.openai.requests).toHaveLength(0);
  });
});

describe('images', () => {
  const images = [{ url: 'https://img.test/cat.png' }, { data: PNG, mimeType: 'image/png' }];

  it('openai: image_url parts, the inline one as a data URL', async () => {
    await ask('openai', { images });
    expect(body('openai').messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Who is on the photo?' },
          { type: 'image_url', image_url: { url: 'https://img.test/cat.png' } },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
        ],
      },
    ]);
  });

  it('anthropic: image blocks with url and base64 sources', async () => {
    await ask('anthropic', { images });
    expect(body('anthropic').messages[0].content).toEqual([
      { type: 'image', source: { type: 'url', url: 'https://img.test/cat.png' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
      { type: 'text', text: 'Who is on the photo?' },
    ]);
  });

  it('google: fileData and inlineData parts', async () => {
    await ask('google', { images });
    expect(body('google').contents[0].parts).toEqual([
      { fileData: { fileUri: 'https://img.test/cat.png', mimeType: 'image/png' } },
      { inlineData: { mimeType: 'image/png', data: PNG } },
      { text: 'Who is on the photo?' },
    ]);
  });

  it('with a schema as well: both reach the provider, and the answer is checked', async () => {
    fakes.google.enqueue({ json: { name: 'Cat', age: 3 } });
    const result = await ask('google', { images, responseSchema: { name: 'person', schema: person } });
    expect(result.json).toEqual({ name: 'Cat', age: 3 });
    expect(body('google').contents[0].parts).toHaveLength(3);
  });

  it('a bad image is refused before anything is sent, by its catalogue key', async () => {
    const err = (await rejectionOf(ask('anthropic', { images: [{ data: PNG, mimeType: 'image/tiff' }] }))) as LlmError;
    expect(err).toMatchObject({ code: 'BAD_REQUEST', key: 'llm.BAD_REQUEST.images.type', params: { n: 1, type: 'image/tiff' } });
    expect(fakes.anthropic.requests).toHaveLength(0);
  });
});
