// Every provider failure becomes one LlmError with the right code, retryability and retry delay,
// with the real SDKs reading the providers' real error answers from the loopback fakes.
import {
  anthropicResponses,
  canary,
  geminiResponses,
  openAIResponses,
  startFakeAnthropic,
  startFakeGemini,
  startFakeOpenAI,
  type FakeBehaviour,
  type FakeProviderServer,
} from '@bm/testing';
import { describe, expect, it } from 'vitest';
import { callProvider } from './call-provider';
import { LlmError, type LlmErrorCode } from './errors';
import { rejectionOf, useFakeProviders } from './testing';
import type { Provider, ProviderCallInput } from './types';

let openai: FakeProviderServer;
let anthropic: FakeProviderServer;
let gemini: FakeProviderServer;

useFakeProviders((f) => ({ openai, anthropic, gemini } = f));

const KEY = canary('sk-live');
const fakeOf = (p: Provider) => (p === 'anthropic' ? anthropic : p === 'google' ? gemini : openai);
const MODEL: Record<Provider, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-4-5',
  google: 'gemini-2.5-flash',
  local: 'llama3',
  other: 'mixtral',
};

function input(provider: Provider, extra: Partial<ProviderCallInput> = {}): ProviderCallInput {
  return {
    provider,
    apiKey: KEY,
    baseUrl: fakeOf(provider).url,
    model: MODEL[provider],
    messages: [{ role: 'user', content: 'hello' }],
    connection: { id: 'conn-1', name: 'Work key' },
    ...extra,
  };
}

async function failWith(provider: Provider, behaviour: FakeBehaviour, extra: Partial<ProviderCallInput> = {}): Promise<LlmError> {
  fakeOf(provider).enqueue(behaviour);
  const err = await rejectionOf(callProvider(input(provider, extra)));
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

interface Row {
  name: string;
  provider: Provider;
  behaviour: () => FakeBehaviour;
  code: LlmErrorCode;
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  says: RegExp;
}

const rows: Row[] = [
  // OpenAI (and every OpenAI-compatible server)
  {
    name: '401 invalid key',
    provider: 'openai',
    behaviour: openAIResponses.invalidKey,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 401,
    says: /^Your OpenAI API key in connection "Work key" was rejected \(401\)\. Update it in Settings → LLM Connections\.$/,
  },
  {
    name: '403 insufficient permissions',
    provider: 'openai',
    behaviour: openAIResponses.forbidden,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 403,
    says: /not allowed to make this request \(403\)/,
  },
  {
    name: '404 model not found',
    provider: 'openai',
    behaviour: openAIResponses.modelNotFound,
    code: 'MODEL_NOT_FOUND',
    retryable: false,
    status: 404,
    says: /does not offer the model "gpt-4o-mini"/,
  },
  {
    name: '429 rate limit + retry-after',
    provider: 'openai',
    behaviour: () => openAIResponses.rateLimited({ retryAfterSeconds: 7 }),
    code: 'RATE_LIMITED',
    retryable: true,
    status: 429,
    retryAfterMs: 7_000,
    says: /rate-limiting.*retries automatically after about 7 s/,
  },
  {
    name: '429 + retry-after-ms wins',
    provider: 'openai',
    behaviour: () => openAIResponses.rateLimited({ retryAfterSeconds: 7, retryAfterMs: 1_500 }),
    code: 'RATE_LIMITED',
    retryable: true,
    retryAfterMs: 1_500,
    says: /rate-limiting/,
  },
  {
    name: '429 insufficient_quota',
    provider: 'openai',
    behaviour: openAIResponses.insufficientQuota,
    code: 'QUOTA_EXCEEDED',
    retryable: false,
    status: 429,
    says: /run out of quota or credit.*Add credit/,
  },
  {
    name: '400 context_length_exceeded',
    provider: 'openai',
    behaviour: openAIResponses.contextLengthExceeded,
    code: 'CONTEXT_TOO_LONG',
    retryable: false,
    status: 400,
    says: /too long for the model "gpt-4o-mini"/,
  },
  {
    name: '200 finish_reason content_filter',
    provider: 'openai',
    behaviour: openAIResponses.contentFiltered,
    code: 'CONTENT_FILTERED',
    retryable: false,
    says: /refused to answer \(connection "Work key"\): its content filter/,
  },
  {
    name: '500 server error',
    provider: 'openai',
    behaviour: openAIResponses.serverError,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 500,
    says: /unavailable or overloaded right now \(500, connection "Work key"\)/,
  },
  {
    name: '503 overloaded',
    provider: 'openai',
    behaviour: openAIResponses.unavailable,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 503,
    says: /\(503, connection "Work key"\)/,
  },
  {
    name: '200 HTML page',
    provider: 'openai',
    behaviour: openAIResponses.html,
    code: 'NOT_OPENAI_COMPATIBLE',
    retryable: false,
    says: /did not answer like an OpenAI-compatible API \(got a text\/html answer, connection "Work key"\).*\/v1/,
  },
  {
    name: '200 JSON of another shape',
    provider: 'other',
    behaviour: () => ({ status: 200, body: { result: 'hi' } }),
    code: 'NOT_OPENAI_COMPATIBLE',
    retryable: false,
    says: /without "choices\[0\]\.message"/,
  },
  {
    name: '404 plain text (base URL without /v1)',
    provider: 'local',
    behaviour: openAIResponses.plainNotFound,
    code: 'NOT_OPENAI_COMPATIBLE',
    retryable: false,
    status: 404,
    says: /OpenAI-compatible/,
  },
  {
    name: '400 other request error quotes the provider',
    provider: 'openai',
    behaviour: () => ({
      status: 400,
      body: {
        error: {
          message: "Unsupported value: 'temperature' does not support 0.2 with this model.",
          type: 'invalid_request_error',
          param: 'temperature',
          code: 'unsupported_value',
        },
      },
    }),
    code: 'BAD_REQUEST',
    retryable: false,
    status: 400,
    says: /rejected the request \(400, connection "Work key"\): Unsupported value: 'temperature' does not support 0\.2/,
  },
  {
    name: '401 at a custom endpoint',
    provider: 'other',
    behaviour: openAIResponses.invalidKey,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 401,
    says: /^The API key for the OpenAI-compatible endpoint at 127\.0\.0\.1:\d+ in connection "Work key" was rejected \(401\)\. Update it in Settings → LLM Connections\.$/,
  },
  {
    name: '402 (OpenRouter out of credits)',
    provider: 'other',
    behaviour: () => ({ status: 402, body: { error: { message: 'Insufficient credits', code: 402 } } }),
    code: 'QUOTA_EXCEEDED',
    retryable: false,
    status: 402,
    says: /^The account for the OpenAI-compatible endpoint at 127\.0\.0\.1:\d+ has run out/,
  },

  // Anthropic
  {
    name: '401 invalid x-api-key',
    provider: 'anthropic',
    behaviour: anthropicResponses.invalidKey,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 401,
    says: /^Your Anthropic API key in connection "Work key" was rejected \(401\)/,
  },
  {
    name: '403 permission_error',
    provider: 'anthropic',
    behaviour: anthropicResponses.forbidden,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 403,
    says: /\(403\)/,
  },
  {
    name: '404 not_found_error',
    provider: 'anthropic',
    behaviour: anthropicResponses.modelNotFound,
    code: 'MODEL_NOT_FOUND',
    retryable: false,
    status: 404,
    says: /model "claude-sonnet-4-5"/,
  },
  {
    name: '429 rate_limit_error + retry-after',
    provider: 'anthropic',
    behaviour: () => anthropicResponses.rateLimited({ retryAfterSeconds: 12 }),
    code: 'RATE_LIMITED',
    retryable: true,
    status: 429,
    retryAfterMs: 12_000,
    says: /Anthropic is rate-limiting/,
  },
  {
    name: '400 credit balance too low',
    provider: 'anthropic',
    behaviour: anthropicResponses.creditTooLow,
    code: 'QUOTA_EXCEEDED',
    retryable: false,
    status: 400,
    says: /Add credit or raise your spending limit with Anthropic/,
  },
  {
    name: '400 prompt is too long',
    provider: 'anthropic',
    behaviour: anthropicResponses.promptTooLong,
    code: 'CONTEXT_TOO_LONG',
    retryable: false,
    status: 400,
    says: /too long for the model "claude-sonnet-4-5" on Anthropic/,
  },
  {
    name: '200 stop_reason refusal',
    provider: 'anthropic',
    behaviour: anthropicResponses.refusal,
    code: 'CONTENT_FILTERED',
    retryable: false,
    says: /declined the request/,
  },
  {
    name: '529 overloaded_error',
    provider: 'anthropic',
    behaviour: anthropicResponses.overloaded,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 529,
    says: /\(529, connection "Work key"\)/,
  },
  {
    name: '500 api_error',
    provider: 'anthropic',
    behaviour: anthropicResponses.serverError,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 500,
    says: /\(500, connection "Work key"\)/,
  },
  {
    name: '200 HTML page',
    provider: 'anthropic',
    behaviour: anthropicResponses.html,
    code: 'NOT_OPENAI_COMPATIBLE',
    retryable: false,
    says: /did not answer like the Anthropic API/,
  },

  // Google Gemini
  {
    name: '400 API_KEY_INVALID',
    provider: 'google',
    behaviour: geminiResponses.invalidKey,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 400,
    says: /^Your Google Gemini API key in connection "Work key" was rejected \(400\)/,
  },
  {
    name: '403 PERMISSION_DENIED',
    provider: 'google',
    behaviour: geminiResponses.forbidden,
    code: 'KEY_REJECTED',
    retryable: false,
    status: 403,
    says: /\(403\)/,
  },
  {
    name: '404 NOT_FOUND model',
    provider: 'google',
    behaviour: geminiResponses.modelNotFound,
    code: 'MODEL_NOT_FOUND',
    retryable: false,
    status: 404,
    says: /model "gemini-2.5-flash"/,
  },
  {
    name: '429 RESOURCE_EXHAUSTED + RetryInfo',
    provider: 'google',
    behaviour: () => geminiResponses.rateLimited({ retryDelaySeconds: 43 }),
    code: 'RATE_LIMITED',
    retryable: true,
    status: 429,
    retryAfterMs: 43_000,
    says: /Google Gemini is rate-limiting/,
  },
  {
    name: '400 input token count exceeds',
    provider: 'google',
    behaviour: geminiResponses.tokenLimit,
    code: 'CONTEXT_TOO_LONG',
    retryable: false,
    status: 400,
    says: /too long/,
  },
  {
    name: '200 finishReason SAFETY',
    provider: 'google',
    behaviour: geminiResponses.safety,
    code: 'CONTENT_FILTERED',
    retryable: false,
    says: /finishReason SAFETY/,
  },
  {
    name: '200 promptFeedback.blockReason',
    provider: 'google',
    behaviour: geminiResponses.promptBlocked,
    code: 'CONTENT_FILTERED',
    retryable: false,
    says: /prompt was blocked \(blockReason SAFETY\)/,
  },
  {
    name: '500 INTERNAL',
    provider: 'google',
    behaviour: geminiResponses.serverError,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 500,
    says: /\(500, connection "Work key"\)/,
  },
  {
    name: '503 UNAVAILABLE',
    provider: 'google',
    behaviour: geminiResponses.unavailable,
    code: 'PROVIDER_UNAVAILABLE',
    retryable: true,
    status: 503,
    says: /\(503, connection "Work key"\)/,
  },
  {
    name: '200 HTML page',
    provider: 'google',
    behaviour: geminiResponses.html,
    code: 'NOT_OPENAI_COMPATIBLE',
    retryable: false,
    says: /did not answer like the Google Gemini API \(got a text\/html answer, connection "Work key"\)/,
  },
];

describe('HTTP failures → LlmError', () => {
  it.each(rows)('$provider: $name → $code', async ({ provider, behaviour, code, retryable, status, retryAfterMs, says }) => {
    const err = await failWith(provider, behaviour());
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.provider).toBe(provider);
    expect(err.connectionId).toBe('conn-1');
    if (status !== undefined) expect(err.status).toBe(status);
    expect(err.retryAfterMs).toBe(retryAfterMs);
    expect(err.message).toMatch(says);
    if (provider !== 'local' && provider !== 'other')
      expect(err.message).toContain(provider === 'google' ? 'Google Gemini' : provider === 'openai' ? 'OpenAI' : 'Anthropic');
    // Exactly one HTTP request: the SDKs' own retries are off.
    expect(fakeOf(provider).requests).toHaveLength(1);
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(err.message).not.toContain(KEY);
  });

  it('carries the provider request id when the error answer had one', async () => {
    const err = await failWith('anthropic', anthropicResponses.overloaded());
    expect(err.requestId).toBe(anthropic.requests[0]?.response?.requestId);
    expect(err.toJSON()).toMatchObject({
      name: 'LlmError',
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
      status: 529,
      provider: 'anthropic',
      connectionId: 'conn-1',
    });
  });
});

describe('transport failures → LlmError', () => {
  it.each(['openai', 'anthropic', 'google'] as const)('%s: connection refused is NETWORK_ERROR (retryable)', async (provider) => {
    const closed = await (provider === 'anthropic' ? startFakeAnthropic() : provider === 'google' ? startFakeGemini() : startFakeOpenAI());
    const url = closed.url;
    await closed.close();
    const err = (await rejectionOf(callProvider(input(provider, { baseUrl: url })))) as LlmError;
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/Could not reach .*127\.0\.0\.1:\d+ \(ECONNREFUSED, connection "Work key"\)/);
  });

  it.each(['openai', 'anthropic', 'google'] as const)('%s: a dropped connection is NETWORK_ERROR', async (provider) => {
    const err = await failWith(provider, { drop: true });
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.retryable).toBe(true);
  });
});

describe('the key never leaks', () => {
  it('not even when the provider quotes it back, or a gateway puts it in an error message', async () => {
    const echoKey = {
      status: 400,
      body: { error: { message: `Bad header: Bearer ${KEY}`, type: 'invalid_request_error', code: null, param: null } },
    };
    const err = await failWith('openai', echoKey);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('Bad header');
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);

    const gErr = await failWith('google', {
      status: 400,
      body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: `key=${KEY} is malformed` } },
    });
    expect(gErr.message).not.toContain(KEY);
    expect(String(gErr.stack)).not.toContain(KEY);
  });
});

describe('JSON answers cut off at the token limit', () => {
  it('says to raise Max tokens instead of blaming the prompt', async () => {
    openai.enqueue({
      status: 200,
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: MODEL.openai,
        choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content: '{"title": "A long' } }],
        usage: { prompt_tokens: 5, completion_tokens: 16, total_tokens: 21 },
      },
    });
    const err = (await rejectionOf(callProvider(input('openai', { json: true, maxTokens: 16 })))) as LlmError;
    expect(err.code).toBe('INVALID_JSON');
    expect(err.message).toMatch(/cut off at the output token limit.*Raise "Max tokens"/);
  });
});
