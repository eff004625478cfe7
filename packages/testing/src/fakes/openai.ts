import {
  startFakeProvider,
  type FakeBehaviour,
  type FakeHttpAnswer,
  type FakeProviderServer,
  type FakeRawResponse,
  type FakeServerOptions,
  type ProviderSpec,
  type RecordedRequest,
} from './fake-http';
import {
  HTML_PAGE,
  asRecord,
  contentText,
  echoText,
  estimateTokens,
  lastOfRole,
  randomBase62,
  randomHex,
  scriptedText,
  unixSeconds,
} from './wire-util';

/*
 * OpenAI Chat Completions wire format (also what Ollama, LM Studio, vLLM, OpenRouter and Groq speak).
 * Bodies below copy the shapes api.openai.com returns; messages are abridged where noted.
 */

const error = (message: string, type: string, code: string | null, param: string | null = null) => ({
  error: { message, type, param, code },
});

function maskKey(key: string | undefined): string {
  if (!key) return '';
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

const invalidKeyBody = (req: RecordedRequest) =>
  error(
    `Incorrect API key provided: ${maskKey(req.apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    'invalid_api_key',
  );

const requestedModel = (req: RecordedRequest): string => String(asRecord(req.body).model ?? 'gpt-4o-mini');

function chatCompletion(req: RecordedRequest, text: string | null, finishReason: string, usage: Usage) {
  return {
    id: `chatcmpl-${randomBase62(29)}`,
    object: 'chat.completion',
    created: unixSeconds(),
    model: requestedModel(req),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: usageBody(usage),
    service_tier: 'default',
    system_fingerprint: `fp_${randomHex(5)}`,
  };
}

interface Usage {
  input: number;
  output: number;
  cached: number;
}

const usageBody = (u: Usage) => ({
  prompt_tokens: u.input,
  completion_tokens: u.output,
  total_tokens: u.input + u.output,
  prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
});

function promptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  // ~3 tokens of framing per message plus 3 for the reply primer, as OpenAI's cookbook counts them.
  return messages.reduce((sum: number, m) => sum + 3 + estimateTokens(contentText(asRecord(m).content)), 3);
}

function streamChunks(req: RecordedRequest, text: string, usage: Usage, includeUsage: boolean): unknown[] {
  const base = {
    id: `chatcmpl-${randomBase62(29)}`,
    object: 'chat.completion.chunk',
    created: unixSeconds(),
    model: requestedModel(req),
    system_fingerprint: `fp_${randomHex(5)}`,
  };
  const extra = includeUsage ? { usage: null } : {};
  const pieces = text.match(/.{1,8}/gs) ?? [];
  const chunks: unknown[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
      ...extra,
    },
    ...pieces.map((p) => ({ ...base, choices: [{ index: 0, delta: { content: p }, logprobs: null, finish_reason: null }], ...extra })),
    { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], ...extra },
  ];
  if (includeUsage) chunks.push({ ...base, choices: [], usage: usageBody(usage) });
  return chunks;
}

/** The API's 400 for a malformed image part or response_format, else undefined. */
function requestProblem(body: Record<string, any>): FakeHttpAnswer | undefined {
  const bad = (message: string, param: string) => ({ status: 400, body: error(message, 'invalid_request_error', null, param) });
  for (const [i, m] of (body.messages as unknown[]).entries()) {
    const content = asRecord(m).content;
    if (!Array.isArray(content)) continue;
    for (const [j, part] of content.entries()) {
      const p = asRecord(part);
      if (p.type === 'text' && typeof p.text === 'string') continue;
      const param = `messages[${i}].content[${j}]`;
      if (p.type !== 'image_url')
        return bad(`Invalid value: '${String(p.type)}'. Supported values are: 'text' and 'image_url'.`, `${param}.type`);
      const url = asRecord(p.image_url).url;
      if (typeof url !== 'string' || !/^(https?:\/\/|data:image\/(png|jpeg|gif|webp);base64,)/.test(url))
        return bad(`Invalid '${param}.image_url.url': expected a URL or a base64 data URL of a supported image.`, `${param}.image_url.url`);
    }
  }
  const format = asRecord(body.response_format);
  if (format.type === 'json_schema') {
    const js = asRecord(format.json_schema);
    if (typeof js.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(js.name))
      return bad(
        "Invalid 'response_format.json_schema.name': string does not match pattern '^[a-zA-Z0-9_-]+$'.",
        'response_format.json_schema.name',
      );
    if (asRecord(js.schema).type !== 'object')
      return bad('Invalid schema for response_format: schema must be a JSON Schema of \'type: "object"\'.', 'response_format');
  }
  return undefined;
}

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'o4-mini'];

const openAISpec: ProviderSpec = {
  urlPath: '/v1',
  requestIdHeader: 'x-request-id',
  newRequestId: () => `req_${randomHex(16)}`,
  readKey: (req) => /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim(),
  rejectKey(req, key, opts) {
    if (opts.requireKey === false && key === undefined) return undefined;
    if (key === undefined) {
      return {
        status: 401,
        body: error(
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
          'invalid_request_error',
          null,
        ),
      };
    }
    if (opts.validKeys && !opts.validKeys.includes(key)) return { status: 401, body: invalidKeyBody(req) };
    return undefined;
  },
  route(req, reply, opts): FakeHttpAnswer {
    if (req.method === 'GET' && req.path === '/v1/models') {
      const created = unixSeconds() - 86_400 * 30;
      return {
        status: 200,
        body: { object: 'list', data: (opts.models ?? DEFAULT_MODELS).map((id) => ({ id, object: 'model', created, owned_by: 'system' })) },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/chat/completions') {
      const body = asRecord(req.body);
      if (typeof body.model !== 'string')
        return { status: 400, body: error('you must provide a model parameter', 'invalid_request_error', null) };
      if (!Array.isArray(body.messages) || body.messages.length === 0) {
        return {
          status: 400,
          body: error(
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
            'invalid_request_error',
            'empty_array',
            'messages',
          ),
        };
      }
      const problem = requestProblem(body);
      if (problem) return problem;
      const format = asRecord(body.response_format).type;
      const json = format === 'json_object' || format === 'json_schema';
      const text = scriptedText(reply) ?? echoText(lastOfRole(body.messages, ['user']), json);
      const usage: Usage = {
        input: reply?.usage?.inputTokens ?? promptTokens(body.messages),
        output: reply?.usage?.outputTokens ?? estimateTokens(text),
        cached: reply?.usage?.cachedTokens ?? 0,
      };
      if (body.stream === true) {
        return {
          status: 200,
          sse: streamChunks(req, text, usage, asRecord(body.stream_options).include_usage === true),
          sseDone: '[DONE]',
        };
      }
      return { status: 200, body: chatCompletion(req, text, 'stop', usage) };
    }
    return { status: 404, body: error(`Invalid URL (${req.method} ${req.path})`, 'invalid_request_error', null) };
  },
};

/** A loopback server speaking OpenAI's Chat Completions API. `url` ends in `/v1` (the SDK's baseURL). */
export function startFakeOpenAI(opts: FakeServerOptions = {}): Promise<FakeProviderServer> {
  return startFakeProvider(openAISpec, opts);
}

/** Scripted answers with the bodies and headers api.openai.com really sends. */
export const openAIResponses = {
  /** A success carrying exactly this text (e.g. a non-JSON answer when JSON was asked for). */
  text: (reply: string): FakeBehaviour => ({ reply }),
  /** A structured answer: the message content is this value as JSON (what response_format json_schema gives). */
  json: (value: unknown): FakeBehaviour => ({ json: value }),
  /** The default echo, after `delayMs`. */
  slow: (delayMs: number): FakeBehaviour => ({ echo: true, delayMs }),
  invalidKey: (): FakeRawResponse => ({ status: 401, body: invalidKeyBody }),
  forbidden: (): FakeRawResponse => ({
    status: 403,
    body: error(
      "You have insufficient permissions for this operation. Missing scopes: model.request. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
      'invalid_request_error',
      null,
    ),
  }),
  modelNotFound: (): FakeRawResponse => ({
    status: 404,
    body: (req: RecordedRequest) =>
      error(
        `The model \`${requestedModel(req)}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      ),
  }),
  rateLimited: (opts: { retryAfterSeconds?: number; retryAfterMs?: number } = {}): FakeRawResponse => ({
    status: 429,
    headers: {
      ...(opts.retryAfterSeconds !== undefined ? { 'retry-after': String(opts.retryAfterSeconds) } : {}),
      ...(opts.retryAfterMs !== undefined ? { 'retry-after-ms': String(opts.retryAfterMs) } : {}),
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${opts.retryAfterSeconds ?? 1}s`,
    },
    body: (req: RecordedRequest) =>
      error(
        `Rate limit reached for ${requestedModel(req)} in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${opts.retryAfterSeconds ?? 1}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        'requests',
        'rate_limit_exceeded',
      ),
  }),
  insufficientQuota: (): FakeRawResponse => ({
    status: 429,
    body: error(
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
      'insufficient_quota',
      'insufficient_quota',
    ),
  }),
  contextLengthExceeded: (): FakeRawResponse => ({
    status: 400,
    body: error(
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
      'invalid_request_error',
      'context_length_exceeded',
      'messages',
    ),
  }),
  /** HTTP 200 whose only choice stopped with `finish_reason: "content_filter"`. */
  contentFiltered: (): FakeRawResponse => ({
    status: 200,
    body: (req: RecordedRequest) =>
      chatCompletion(req, null, 'content_filter', { input: promptTokens(asRecord(req.body).messages), output: 0, cached: 0 }),
  }),
  serverError: (): FakeRawResponse => ({
    status: 500,
    body: error('The server had an error while processing your request. Sorry about that!', 'server_error', null),
  }),
  unavailable: (): FakeRawResponse => ({
    status: 503,
    body: error('The engine is currently overloaded, please try again later', 'server_error', null),
  }),
  /** A web page with status 200: what a wrong base URL often answers. */
  html: (): FakeRawResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE }),
  /** Ollama's answer for a path it does not serve (e.g. a base URL without `/v1`). */
  plainNotFound: (): FakeRawResponse => ({
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: '404 page not found',
  }),
};
