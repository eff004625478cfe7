import {
  SseFrame,
  startFakeProvider,
  type FakeBehaviour,
  type FakeHttpAnswer,
  type FakeProviderServer,
  type FakeRawResponse,
  type FakeServerOptions,
  type ProviderSpec,
  type RecordedRequest,
} from './fake-http';
import { HTML_PAGE, IMAGE_TYPES, asRecord, contentText, estimateTokens, lastOfRole, randomBase62, scriptedText } from './wire-util';

/* Anthropic Messages API wire format (api.anthropic.com). */

const error = (type: string, message: string) => ({ type: 'error', error: { type, message } });

const requestedModel = (req: RecordedRequest): string => String(asRecord(req.body).model ?? 'claude-sonnet-4-5');

interface Usage {
  input: number;
  output: number;
  cached: number;
}

function inputTokens(body: Record<string, any>): number {
  const messages: unknown[] = Array.isArray(body.messages) ? body.messages : [];
  const system = contentText(body.system);
  return messages.reduce((sum: number, m) => sum + 3 + estimateTokens(contentText(asRecord(m).content)), 4 + estimateTokens(system));
}

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown };

function message(req: RecordedRequest, text: string | null | Block[], stopReason: string, usage: Usage) {
  return {
    id: `msg_01${randomBase62(22)}`,
    type: 'message',
    role: 'assistant',
    model: requestedModel(req),
    content: text === null ? [] : typeof text === 'string' ? [{ type: 'text', text }] : text,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: {
      input_tokens: usage.input,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: usage.cached,
      output_tokens: usage.output,
      service_tier: 'standard',
    },
  };
}

/** The Messages API's streaming events (`stream: true`), as api.anthropic.com sends them. */
function messageStream(req: RecordedRequest, text: string, usage: Usage): SseFrame[] {
  const whole = message(req, text, 'end_turn', usage);
  const pieces = text.match(/.{1,8}/gs) ?? [];
  return [
    new SseFrame('message_start', {
      type: 'message_start',
      message: { ...whole, content: [], stop_reason: null, usage: { ...whole.usage, output_tokens: 1 } },
    }),
    new SseFrame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    new SseFrame('ping', { type: 'ping' }),
    ...pieces.map(
      (p) => new SseFrame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } }),
    ),
    new SseFrame('content_block_stop', { type: 'content_block_stop', index: 0 }),
    new SseFrame('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: usage.output },
    }),
    new SseFrame('message_stop', { type: 'message_stop' }),
  ];
}

/** The API's 400 for a malformed image block or a tool_choice naming no tool, else undefined. */
function requestProblem(body: Record<string, any>): FakeHttpAnswer | undefined {
  const bad = (message: string): FakeHttpAnswer => ({ status: 400, body: error('invalid_request_error', message) });
  for (const [i, m] of (body.messages as unknown[]).entries()) {
    const content = asRecord(m).content;
    if (!Array.isArray(content)) continue;
    for (const [j, block] of content.entries()) {
      const b = asRecord(block);
      if (b.type !== 'image') continue;
      const src = asRecord(b.source);
      const at = `messages.${i}.content.${j}.image.source`;
      if (src.type === 'url' && typeof src.url === 'string' && /^https?:\/\//.test(src.url)) continue;
      if (src.type === 'base64') {
        if (!IMAGE_TYPES.includes(src.media_type))
          return bad(`${at}.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`);
        if (typeof src.data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(src.data)) return bad(`${at}.base64.data: invalid base64 data`);
        continue;
      }
      return bad(`${at}: Input tag '${String(src.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`);
    }
  }
  const choice = asRecord(body.tool_choice);
  if (choice.type === 'tool') {
    const tools: unknown[] = Array.isArray(body.tools) ? body.tools : [];
    const tool = tools.map(asRecord).find((t) => t.name === choice.name);
    if (!tool) return bad(`tool_choice: tool '${String(choice.name)}' was not found in tools`);
    if (asRecord(tool.input_schema).type !== 'object') return bad("tools.0.custom.input_schema.type: Input should be 'object'");
  }
  return undefined;
}

/** A forced tool (tool_choice type "tool") is answered with that tool's tool_use block. */
function forcedToolName(body: Record<string, any>): string | undefined {
  const choice = asRecord(body.tool_choice);
  return choice.type === 'tool' && typeof choice.name === 'string' ? choice.name : undefined;
}

const DEFAULT_MODELS = ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001', 'claude-opus-4-1-20250805'];

const anthropicSpec: ProviderSpec = {
  urlPath: '',
  requestIdHeader: 'request-id',
  newRequestId: () => `req_011C${randomBase62(20)}`,
  // The API takes `x-api-key`; SDK 1.x sends the same key as `Authorization: Bearer`. Both count.
  readKey: (req) => req.headers['x-api-key'] ?? /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim(),
  rejectKey(_req, key, opts) {
    if (opts.requireKey === false && key === undefined) return undefined;
    if (key === undefined) return { status: 401, body: error('authentication_error', 'x-api-key header is required') };
    if (opts.validKeys && !opts.validKeys.includes(key)) return { status: 401, body: error('authentication_error', 'invalid x-api-key') };
    return undefined;
  },
  route(req, reply, opts): FakeHttpAnswer {
    if (req.method === 'GET' && req.path === '/v1/models') {
      const ids = opts.models ?? DEFAULT_MODELS;
      const data = ids.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-09-29T00:00:00Z' }));
      return { status: 200, body: { data, has_more: false, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null } };
    }
    if (req.method === 'POST' && req.path === '/v1/messages') {
      if (!req.headers['anthropic-version'])
        return { status: 400, body: error('invalid_request_error', 'anthropic-version: header is required') };
      const body = asRecord(req.body);
      if (typeof body.model !== 'string') return { status: 400, body: error('invalid_request_error', 'model: Field required') };
      if (typeof body.max_tokens !== 'number') return { status: 400, body: error('invalid_request_error', 'max_tokens: Field required') };
      if (!Array.isArray(body.messages) || body.messages.length === 0) {
        return { status: 400, body: error('invalid_request_error', 'messages: at least one message is required') };
      }
      if (asRecord(body.messages[0]).role !== 'user') {
        return { status: 400, body: error('invalid_request_error', 'messages: first message must use the "user" role') };
      }
      const problem = requestProblem(body);
      if (problem) return problem;
      const lastUser = lastOfRole(body.messages, ['user']);
      const tool = forcedToolName(body);
      const usage = (answer: string): Usage => ({
        input: reply?.usage?.inputTokens ?? inputTokens(body),
        output: reply?.usage?.outputTokens ?? estimateTokens(answer),
        cached: reply?.usage?.cachedTokens ?? 0,
      });
      if (tool && reply?.reply === undefined) {
        const input = reply && 'json' in reply ? reply.json : { echo: lastUser };
        const block: Block = { type: 'tool_use', id: `toolu_01${randomBase62(22)}`, name: tool, input };
        return { status: 200, body: message(req, [block], 'tool_use', usage(JSON.stringify(input))) };
      }
      const text = scriptedText(reply) ?? `echo: ${lastUser}`;
      if (body.stream === true) return { status: 200, sse: messageStream(req, text, usage(text)) };
      return { status: 200, body: message(req, text, 'end_turn', usage(text)) };
    }
    return { status: 404, body: error('not_found_error', 'Not Found') };
  },
};

/** A loopback server speaking Anthropic's Messages API. `url` is the root (the SDK's baseURL). */
export function startFakeAnthropic(opts: FakeServerOptions = {}): Promise<FakeProviderServer> {
  return startFakeProvider(anthropicSpec, opts);
}

/** Scripted answers with the bodies and headers api.anthropic.com really sends. */
export const anthropicResponses = {
  text: (reply: string): FakeBehaviour => ({ reply }),
  /** A structured answer: the forced tool's `input` when a tool_choice forces one, else JSON text. */
  json: (value: unknown): FakeBehaviour => ({ json: value }),
  slow: (delayMs: number): FakeBehaviour => ({ echo: true, delayMs }),
  invalidKey: (): FakeRawResponse => ({ status: 401, body: error('authentication_error', 'invalid x-api-key') }),
  forbidden: (): FakeRawResponse => ({
    status: 403,
    body: error('permission_error', 'Your API key does not have permission to use the specified resource.'),
  }),
  modelNotFound: (): FakeRawResponse => ({
    status: 404,
    body: (req: RecordedRequest) => error('not_found_error', `model: ${requestedModel(req)}`),
  }),
  rateLimited: (opts: { retryAfterSeconds?: number } = {}): FakeRawResponse => ({
    status: 429,
    headers: {
      ...(opts.retryAfterSeconds !== undefined ? { 'retry-after': String(opts.retryAfterSeconds) } : {}),
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': new Date(Date.now() + (opts.retryAfterSeconds ?? 1) * 1000).toISOString(),
    },
    body: error(
      'rate_limit_error',
      'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.',
    ),
  }),
  /** Out of prepaid credit: Anthropic answers 400 (not 429) for this. */
  creditTooLow: (): FakeRawResponse => ({
    status: 400,
    body: error(
      'invalid_request_error',
      'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    ),
  }),
  promptTooLong: (): FakeRawResponse => ({
    status: 400,
    body: error('invalid_request_error', 'prompt is too long: 215321 tokens > 200000 maximum'),
  }),
  /** HTTP 200 whose message stopped with `stop_reason: "refusal"`. */
  refusal: (): FakeRawResponse => ({
    status: 200,
    body: (req: RecordedRequest) => message(req, null, 'refusal', { input: inputTokens(asRecord(req.body)), output: 0, cached: 0 }),
  }),
  overloaded: (): FakeRawResponse => ({ status: 529, body: error('overloaded_error', 'Overloaded') }),
  serverError: (): FakeRawResponse => ({ status: 500, body: error('api_error', 'Internal server error') }),
  html: (): FakeRawResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE }),
};
