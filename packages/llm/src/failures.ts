import { LlmError, type LlmErrorCode } from './errors';
import type { Provider } from './types';

/** What every message needs to say who failed and where. Never holds the key. */
export interface CallContext {
  provider: Provider;
  model?: string;
  /** host[:port] of the endpoint (no credentials, no path, no query). */
  host: string;
  connection?: { id: string; name: string };
  timeoutMs: number;
}

/** An HTTP error answer, reduced by the provider adapter to what classification needs. */
export interface HttpFailure {
  status: number;
  /** The provider's machine-readable code/type/reason/status strings, as sent. */
  codes: string[];
  providerMessage?: string;
  /** False when the body was not the provider's JSON error shape (an HTML page, plain text…). */
  providerShaped: boolean;
  retryAfterMs?: number;
  requestId?: string;
  /** Set when the adapter recognised the failure precisely from provider-specific fields. */
  hint?: LlmErrorCode;
}

const NAMES: Record<Provider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  local: 'the local model server',
  other: 'the OpenAI-compatible endpoint',
};

const isCompatFamily = (p: Provider) => p === 'openai' || p === 'local' || p === 'other';
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const conn = (ctx: CallContext) => (ctx.connection ? ` (connection "${ctx.connection.name}")` : '');
/** ` (429, connection "Work")` — the status (or other detail) and the connection in one bracket. */
const tag = (ctx: CallContext, detail?: string | number) => {
  const parts = [detail === undefined ? '' : String(detail), ctx.connection ? `connection "${ctx.connection.name}"` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
};
const inConn = (ctx: CallContext) => (ctx.connection ? ` in connection "${ctx.connection.name}"` : '');
const who = (ctx: CallContext) =>
  ctx.provider === 'local' || ctx.provider === 'other' ? `${NAMES[ctx.provider]} at ${ctx.host}` : NAMES[ctx.provider];
const whoAt = (ctx: CallContext) =>
  ctx.provider === 'local' || ctx.provider === 'other' ? who(ctx) : `${NAMES[ctx.provider]} at ${ctx.host}`;
/** "Your OpenAI API key" for a hosted provider; "The API key for the local model server at host" otherwise. */
const yours = (ctx: CallContext, noun: string) =>
  ctx.provider === 'local' || ctx.provider === 'other' ? `The ${noun} for ${who(ctx)}` : `Your ${who(ctx)} ${noun}`;
const shortText = (s: string, max = 300) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/**
 * `key`: the message's key in @bm/i18n's `errors` catalogue, whose English says exactly what
 * `message` says (apps/api's llm-messages.test.ts proves it); its arguments are the context's.
 */
function make(
  code: LlmErrorCode,
  message: string,
  ctx: CallContext,
  extra: { status?: number; retryAfterMs?: number; requestId?: string } = {},
  key?: string,
  more: Record<string, string | number> = {},
): LlmError {
  const params = {
    provider: ctx.provider,
    host: ctx.host,
    model: ctx.model ?? '?',
    hasConnection: ctx.connection ? 'yes' : 'no',
    connection: ctx.connection?.name ?? '',
    ...(extra.status !== undefined ? { status: extra.status } : {}),
    ...more,
  };
  return new LlmError(code, message, {
    provider: ctx.provider,
    connectionId: ctx.connection?.id,
    ...extra,
    ...(key ? { key, params } : {}),
  });
}

const CONTEXT_PATTERNS =
  /context length|context window|maximum context|prompt is too long|too many tokens|input token count .*exceeds|reduce the length of the messages|exceeds the model's max/i;
const QUOTA_CODES = new Set([
  'insufficient_quota',
  'billing_error',
  'billing_hard_limit_reached',
  'contract_spend_limit_reached',
  'enforced_spend_limit_reached',
]);
const FILTER_CODES = new Set(['content_filter', 'content_policy_violation', 'invalid_prompt']);

function codeFromHttp(f: HttpFailure): LlmErrorCode {
  if (f.hint) return f.hint;
  const codes = f.codes.map((c) => c.toLowerCase());
  const msg = f.providerMessage ?? '';
  if (codes.some((c) => QUOTA_CODES.has(c)) || /credit balance is too low|insufficient credits/i.test(msg)) return 'QUOTA_EXCEEDED';
  if (codes.includes('context_length_exceeded') || (f.status < 500 && CONTEXT_PATTERNS.test(msg))) return 'CONTEXT_TOO_LONG';
  if (codes.includes('model_not_found')) return 'MODEL_NOT_FOUND';
  if (codes.some((c) => FILTER_CODES.has(c))) return 'CONTENT_FILTERED';
  switch (f.status) {
    case 401:
    case 403:
      return 'KEY_REJECTED';
    case 402:
      return 'QUOTA_EXCEEDED';
    case 404:
      // A JSON 404 is the API saying "no such model"; a bare page means the URL is not that API.
      return f.providerShaped ? 'MODEL_NOT_FOUND' : 'NOT_OPENAI_COMPATIBLE';
    case 408:
    case 504:
      return 'TIMEOUT';
    case 409:
      return 'PROVIDER_UNAVAILABLE';
    case 413:
      return 'CONTEXT_TOO_LONG';
    case 429:
      return 'RATE_LIMITED';
  }
  if (f.status >= 500) return 'PROVIDER_UNAVAILABLE';
  if (f.status === 405 && !f.providerShaped) return 'NOT_OPENAI_COMPATIBLE';
  return 'BAD_REQUEST';
}

/** Maps an HTTP error answer to one LlmError with a message that says what happened and what fixes it. */
export function httpFailureToError(f: HttpFailure, ctx: CallContext): LlmError {
  const code = codeFromHttp(f);
  const P = who(ctx);
  const s = f.status;
  const extra = { status: s, requestId: f.requestId };
  switch (code) {
    case 'KEY_REJECTED':
      return make(
        code,
        s === 403
          ? `${yours(ctx, 'API key')}${inConn(ctx)} is not allowed to make this request (403). Check the key's permissions and project with ${P}, or update the key in Settings → LLM Connections.`
          : `${yours(ctx, 'API key')}${inConn(ctx)} was rejected (${s}). Update it in Settings → LLM Connections.`,
        ctx,
        extra,
        s === 403 ? 'llm.KEY_REJECTED.forbidden' : 'llm.KEY_REJECTED.rejected',
      );
    case 'QUOTA_EXCEEDED':
      return make(
        code,
        `${yours(ctx, 'account')} has run out of quota or credit${tag(ctx, s)}. Add credit or raise your spending limit with ${P}, then run the bot again.`,
        ctx,
        extra,
        'llm.QUOTA_EXCEEDED',
      );
    case 'RATE_LIMITED': {
      const seconds = f.retryAfterMs !== undefined ? String(Math.max(1, Math.ceil(f.retryAfterMs / 1000))) : '';
      const after = seconds ? ` after about ${seconds} s` : '';
      return make(
        code,
        `${cap(P)} is rate-limiting your requests${tag(ctx, 429)}. The run retries automatically${after}; if this keeps happening, run the bot less often or raise your rate limits with ${P}.`,
        ctx,
        { ...extra, ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}) },
        'llm.RATE_LIMITED',
        { hasRetryAfter: seconds ? 'yes' : 'no', seconds },
      );
    }
    case 'MODEL_NOT_FOUND':
      return make(
        code,
        `${cap(P)} does not offer the model "${ctx.model ?? '?'}", or your key cannot use it${tag(ctx, s)}. Choose another model on the node, in the bot's settings or on the connection.`,
        ctx,
        extra,
        'llm.MODEL_NOT_FOUND',
      );
    case 'CONTEXT_TOO_LONG':
      return contextTooLong(ctx, extra);
    case 'CONTENT_FILTERED':
      return contentFiltered(ctx, 'its safety system rejected the prompt', extra);
    case 'TIMEOUT':
      return make(
        code,
        `${cap(P)} timed out while answering${tag(ctx, s)}. The run retries automatically; for long answers lower the maximum tokens or choose a faster model.`,
        ctx,
        extra,
        'llm.TIMEOUT.http',
      );
    case 'PROVIDER_UNAVAILABLE':
      return make(
        code,
        `${cap(P)} is unavailable or overloaded right now${tag(ctx, s)}. The run retries automatically.`,
        ctx,
        extra,
        'llm.PROVIDER_UNAVAILABLE',
      );
    case 'NOT_OPENAI_COMPATIBLE':
      return wrongShape(ctx, `HTTP ${s} with a non-API body`, extra);
    default: {
      const said = f.providerMessage ? shortText(f.providerMessage) : '';
      return make(
        'BAD_REQUEST',
        `${cap(P)} rejected the request${tag(ctx, s)}${said ? `: ${said}` : ''}. Check the node's settings (model, temperature, maximum tokens) and the prompt.`,
        ctx,
        extra,
        'llm.BAD_REQUEST.rejected',
        { hasDetail: said ? 'yes' : 'no', detail: said },
      );
    }
  }
}

function contextTooLong(ctx: CallContext, extra: { status?: number; requestId?: string } = {}): LlmError {
  return make(
    'CONTEXT_TOO_LONG',
    `The prompt is too long for the model "${ctx.model ?? '?'}" on ${who(ctx)}${conn(ctx)}. Shorten the input (fewer items, a smaller page, a shorter template) or choose a model with a larger context window.`,
    ctx,
    extra,
    'llm.CONTEXT_TOO_LONG',
  );
}

/** `what` completes "… refused to answer: <what>" (in English: it is the provider's reason, often quoting it). */
export function contentFiltered(ctx: CallContext, what: string, extra: { status?: number; requestId?: string } = {}): LlmError {
  return make(
    'CONTENT_FILTERED',
    `${cap(who(ctx))} refused to answer${conn(ctx)}: ${what}. Rephrase the prompt or change the input that triggered the provider's safety filter.`,
    ctx,
    extra,
    'llm.CONTENT_FILTERED',
    { detail: what },
  );
}

/** The answer did not have the provider's shape: wrong base URL, a proxy's page, another API. */
export function wrongShape(ctx: CallContext, got: string, extra: { status?: number; requestId?: string } = {}): LlmError {
  const message = isCompatFamily(ctx.provider)
    ? `The endpoint at ${ctx.host} did not answer like an OpenAI-compatible API${tag(ctx, `got ${got}`)}. Check the connection's base URL: it must be the API root, usually ending in /v1.`
    : `The endpoint at ${ctx.host} did not answer like the ${NAMES[ctx.provider]} API${tag(ctx, `got ${got}`)}. Check the connection's base URL, or leave it empty to use ${NAMES[ctx.provider]} directly.`;
  const key = isCompatFamily(ctx.provider) ? 'llm.NOT_OPENAI_COMPATIBLE.compatible' : 'llm.NOT_OPENAI_COMPATIBLE.hosted';
  return make('NOT_OPENAI_COMPATIBLE', message, ctx, extra, key, { detail: got });
}

export function invalidJson(ctx: CallContext, text: string, requestId?: string, truncated = false): LlmError {
  const quoted = text.trim() === '' ? '' : shortText(text, 160);
  const excerpt = quoted ? `"${quoted}"` : 'an empty answer';
  const message = truncated
    ? `The model "${ctx.model ?? '?'}"${conn(ctx)} was asked for JSON but its answer was cut off at the output token limit before the JSON was complete. Raise "Max tokens" on the node, or ask for less.`
    : `The model "${ctx.model ?? '?'}"${conn(ctx)} was asked for JSON but its answer is not valid JSON: ${excerpt}. Ask for JSON explicitly in the prompt and describe the fields, or turn off JSON output on the node.`;
  const key = truncated ? 'llm.INVALID_JSON.truncated' : 'llm.INVALID_JSON.invalid';
  return make('INVALID_JSON', message, ctx, { requestId }, key, truncated ? {} : { hasExcerpt: quoted ? 'yes' : 'no', excerpt: quoted });
}

/**
 * The answer is not JSON, or its JSON does not match the schema the call gave. `path` is the
 * first failing place in the answer (`/items/0/name`, `/` for the whole answer).
 */
export function schemaMismatch(ctx: CallContext, found: { answer: string; path: string; errors: string }, requestId?: string): LlmError {
  const errors = shortText(found.errors, 300);
  const err = make(
    'SCHEMA_MISMATCH',
    `The answer of the model "${ctx.model ?? '?'}"${conn(ctx)} does not match the output schema at ${found.path}: ${errors}. Describe the fields in the prompt, or simplify the schema.`,
    ctx,
    { requestId },
    'llm.SCHEMA_MISMATCH',
    { path: found.path, errors },
  );
  err.mismatch = { ...found, errors };
  return err;
}

export function missingKey(ctx: CallContext): LlmError {
  return make(
    'KEY_MISSING',
    `No ${NAMES[ctx.provider]} API key is stored${conn(ctx)}. Add one in Settings → LLM Connections.`,
    ctx,
    {},
    'llm.KEY_MISSING',
  );
}

export function timeoutError(ctx: CallContext): LlmError {
  const secs = Math.round(ctx.timeoutMs / 100) / 10;
  return make(
    'TIMEOUT',
    `${cap(who(ctx))} did not answer within ${secs} s${conn(ctx)}. The run retries automatically; for long answers lower the maximum tokens or choose a faster model.`,
    ctx,
    {},
    'llm.TIMEOUT.deadline',
    { seconds: String(secs) },
  );
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 8 && cur !== null && cur !== undefined; i++) {
    chain.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return chain;
}

const NET_CODES = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;
const BODY_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Maps a failure that produced no HTTP answer: the outbound guard's refusal (found anywhere in the
 * cause chain, since SDKs wrap fetch errors), socket errors, invalid JSON bodies.
 */
export function transportFailureToError(err: unknown, ctx: CallContext): LlmError {
  const chain = causeChain(err);
  const blocked = chain.find((e) => (e as { code?: unknown }).code === 'OUTBOUND_BLOCKED') as Error | undefined;
  if (blocked) {
    return make(
      'OUTBOUND_BLOCKED',
      `Bot Manager did not call ${whoAt(ctx)}${conn(ctx)}: ${blocked.message}`,
      ctx,
      {},
      'llm.OUTBOUND_BLOCKED',
      {
        detail: blocked.message,
      },
    );
  }
  if (chain.some((e) => e instanceof SyntaxError)) return wrongShape(ctx, 'a body that is not valid JSON');
  // The SDKs' own deadline (a backstop behind callProvider's) and undici's header/body timeouts.
  if (chain.some((e) => e instanceof Error && (/TimeoutError$/.test(e.constructor.name) || e.name === 'TimeoutError')))
    return timeoutError(ctx);
  const netCode = chain.map((e) => (e as { code?: unknown }).code).find((c): c is string => typeof c === 'string' && NET_CODES.test(c));
  if (netCode && BODY_TIMEOUT_CODES.has(netCode)) return timeoutError(ctx);
  const looksLikeNetwork =
    netCode !== undefined ||
    chain.some(
      (e) =>
        (e instanceof TypeError && /fetch failed|network|socket|terminated/i.test(e.message)) ||
        (e instanceof Error && /ConnectionError$/.test(e.constructor.name)),
    );
  if (looksLikeNetwork) {
    return make(
      'NETWORK_ERROR',
      `Could not reach ${whoAt(ctx)}${tag(ctx, netCode)}. Check the connection's base URL and that the server is running and reachable from Bot Manager. The run retries automatically.`,
      ctx,
      {},
      'llm.NETWORK_ERROR',
      { hasCode: netCode ? 'yes' : 'no', code: netCode ?? '' },
    );
  }
  const said = err instanceof Error && err.message ? shortText(err.message) : '';
  return make(
    'BAD_REQUEST',
    `Unexpected failure while calling ${who(ctx)}${conn(ctx)}${said ? `: ${said}` : ''}.`,
    ctx,
    {},
    'llm.BAD_REQUEST.unexpected',
    {
      hasDetail: said ? 'yes' : 'no',
      detail: said,
    },
  );
}
