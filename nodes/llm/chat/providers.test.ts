// llm.chat with a schema and images, end to end below the worker: the real LLM service, the real
// provider SDKs and the loopback fakes of @bm/testing. The ledger is kept as the worker keeps it
// (temporal/activities/run-node.ts): every result, and every failed call that was billed.
import { createLlmService, isLlmError, type LlmConnectionRecord, type LlmResult, type Provider } from '@bm/llm';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { llmChat } from './definition';

const PROVIDERS = ['openai', 'anthropic', 'google'] as const;
const MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-haiku-4-5', google: 'gemini-2.5-flash' } as const;
let fakes: Record<(typeof PROVIDERS)[number], FakeProviderServer>;
beforeAll(async () => {
  const [openai, anthropic, google] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini()]);
  fakes = { openai, anthropic, google };
});
afterAll(() => Promise.all(Object.values(fakes).map((f) => f.close())));
beforeEach(() => Object.values(fakes).forEach((f) => f.reset()));

function connection(provider: Provider & keyof typeof fakes): LlmConnectionRecord {
  return {
    id: `c-${provider}`,
    ownerUserId: 'user-1',
    workspaceId: 'ws-1',
    provider,
    name: provider,
    baseUrl: fakes[provider].url,
    modelDefault: MODELS[provider],
    isActive: true,
    shared: false,
    apiKeyEncrypted: 'sealed',
    keyId: 'k1',
    keyNonce: 'n',
  };
}

/** A test context whose ctx.llm is the real service, with the worker's ledger. */
async function context(provider: (typeof PROVIDERS)[number], input?: unknown) {
  const service = createLlmService({
    store: {
      lookup: async () => ({
        bot: { id: 'bot-1', workspaceId: 'ws-1', llmConnectionId: `c-${provider}`, llmModelOverride: null },
        connection: connection(provider),
        member: true,
      }),
    },
    decrypt: () => 'test-key',
  });
  const ledger: LlmResult[] = [];
  const ctx = await testContext({
    input,
    llm: (req) =>
      service.callLLM({ ...req, userId: 'user-1', botId: 'bot-1' }).then(
        (result) => (ledger.push(result), result),
        (err: unknown) => {
          if (isLlmError(err) && err.billed?.costUsd !== undefined)
            ledger.push({ ...err.billed, text: '', latencyMs: 0, provider, costUsd: err.billed.costUsd });
          throw err;
        },
      ),
  });
  return { ctx, ledger };
}

const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, population: { type: 'integer' } },
  required: ['city', 'population'],
  additionalProperties: false,
};
const params = { prompt: 'Which city?', schema };

describe.each(PROVIDERS)('llm.chat with a schema on %s', (provider) => {
  it('a valid answer: one call, the object in json', async () => {
    fakes[provider].enqueue({ json: { city: 'Oslo', population: 709_000 } });
    const { ctx, ledger } = await context(provider);
    const out = await runNode(llmChat, params, ctx);
    expect(out.json).toEqual({ city: 'Oslo', population: 709_000 });
    expect(ledger).toHaveLength(1);
    expect(fakes[provider].requests).toHaveLength(1);
  });

  it('one invalid answer, then a valid one: two calls, both counted, the second with the errors', async () => {
    fakes[provider].enqueue({ json: { city: 'Oslo', population: 'many' } }, { json: { city: 'Oslo', population: 709_000 } });
    const { ctx, ledger } = await context(provider);
    const out = await runNode(llmChat, params, ctx);
    expect(out.json).toEqual({ city: 'Oslo', population: 709_000 });
    expect(ledger).toHaveLength(2);
    for (const entry of ledger) expect(entry.costUsd).toBeGreaterThan(0);
    expect(out.usage.outputTokens).toBe(ledger[0]!.usage.outputTokens + ledger[1]!.usage.outputTokens);
    expect(fakes[provider].requests).toHaveLength(2);
    const retry = JSON.stringify(fakes[provider].requests[1]!.body);
    expect(retry).toContain('Your answer did not match the schema: /population must be integer.');
    // The first answer goes back as the model's own turn.
    expect(retry).toContain(provider === 'anthropic' ? '{\\"city\\":\\"Oslo\\",\\"population\\":\\"many\\"}' : 'many');
  });

  it('two invalid answers: SCHEMA_MISMATCH, not retried, both calls counted', async () => {
    fakes[provider].enqueue({ json: { city: 'Oslo' } }, { json: { town: 'Oslo', population: 1 } });
    const { ctx, ledger } = await context(provider);
    const err = await rejection(runNode(llmChat, params, ctx));
    expect(err).toMatchObject({ code: 'SCHEMA_MISMATCH', retryable: false });
    expect(err.message).toContain('(at /city)');
    expect(ledger).toHaveLength(2);
    expect(fakes[provider].requests).toHaveLength(2);
  });

  it('an image URL and a base64 image reach the provider in its own format', async () => {
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
    const { ctx } = await context(provider, { images: ['https://img.test/a.jpg', `data:image/png;base64,${PNG}`] });
    await runNode(llmChat, { prompt: 'Describe', images: '{{ input.images }}' }, ctx);
    const body = fakes[provider].requests[0]!.body as Record<string, any>;
    const expected = {
      openai: () =>
        expect(body.messages[0].content).toEqual([
          { type: 'text', text: 'Describe' },
          { type: 'image_url', image_url: { url: 'https://img.test/a.jpg' } },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
        ]),
      anthropic: () =>
        expect(body.messages[0].content).toEqual([
          { type: 'image', source: { type: 'url', url: 'https://img.test/a.jpg' } },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
          { type: 'text', text: 'Describe' },
        ]),
      google: () =>
        expect(body.contents[0].parts).toEqual([
          { fileData: { fileUri: 'https://img.test/a.jpg', mimeType: 'image/jpeg' } },
          { inlineData: { mimeType: 'image/png', data: PNG } },
          { text: 'Describe' },
        ]),
    };
    expected[provider]();
  });
});
