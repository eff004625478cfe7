import type { PriceUsed } from './pricing';
import type { LlmUsage } from './types';
import type { Provider } from './types';

export type LlmErrorCode =
  | 'KEY_REJECTED'
  | 'KEY_MISSING'
  | 'KEY_UNREADABLE'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'MODEL_NOT_FOUND'
  | 'CONTEXT_TOO_LONG'
  | 'CONTENT_FILTERED'
  | 'PROVIDER_UNAVAILABLE'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'NOT_OPENAI_COMPATIBLE'
  | 'INVALID_JSON'
  | 'SCHEMA_MISMATCH'
  | 'BAD_REQUEST'
  | 'NO_CONNECTION'
  | 'CONNECTION_INACTIVE'
  | 'CONNECTION_NOT_FOUND'
  | 'CONNECTION_PERSONAL'
  | 'BUDGET_EXCEEDED'
  | 'OUTBOUND_BLOCKED';

/**
 * Whether running the same call again later can succeed without anybody changing anything.
 * Retries themselves belong to Temporal; this only tells it whether to bother.
 */
const RETRYABLE: Record<LlmErrorCode, boolean> = {
  KEY_REJECTED: false,
  KEY_MISSING: false,
  KEY_UNREADABLE: false,
  RATE_LIMITED: true,
  QUOTA_EXCEEDED: false,
  MODEL_NOT_FOUND: false,
  CONTEXT_TOO_LONG: false,
  CONTENT_FILTERED: false,
  PROVIDER_UNAVAILABLE: true,
  NETWORK_ERROR: true,
  TIMEOUT: true,
  NOT_OPENAI_COMPATIBLE: false,
  // Not retried automatically: every retry is paid for by the user, and a model that ignored the
  // JSON instruction usually ignores it again. The message says how to fix the prompt instead.
  INVALID_JSON: false,
  // The same: the caller (llm.chat) asks once more itself, with the validation errors, and stops there.
  SCHEMA_MISMATCH: false,
  BAD_REQUEST: false,
  NO_CONNECTION: false,
  CONNECTION_INACTIVE: false,
  CONNECTION_NOT_FOUND: false,
  CONNECTION_PERSONAL: false,
  // A spent budget refills when its period resets or its limit is raised: retrying now only repeats the refusal.
  BUDGET_EXCEEDED: false,
  OUTBOUND_BLOCKED: false,
};

export interface LlmErrorOptions {
  retryAfterMs?: number;
  provider?: Provider;
  status?: number;
  connectionId?: string;
  requestId?: string;
  /**
   * The message's key in the `errors` catalogue of @bm/i18n (`llm.…`) and its ICU arguments, so
   * the API and the web can show it in the reader's language; `message` stays the English.
   */
  key?: string;
  params?: Record<string, string | number>;
}

/** The one error type `@bm/llm` throws. `message` is for end users; it never contains a key. */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly provider?: Provider;
  readonly status?: number;
  readonly connectionId?: string;
  /** The provider's request id, for a support ticket with the provider. */
  readonly requestId?: string;
  /**
   * The provider answered (and billed) before the call failed, e.g. with JSON that does not parse:
   * what it used, and once the LLM service has priced it, what it cost. Counted in the node's cost.
   */
  billed?: { usage: LlmUsage; model: string; costUsd?: number; price?: PriceUsed; connectionId?: string };
  /**
   * SCHEMA_MISMATCH only: the answer as the model gave it (text) and what is wrong with it, so the
   * caller can send both back and ask again. Model output, never a secret.
   */
  mismatch?: { answer: string; path: string; errors: string };
  readonly key?: string;
  readonly params?: Record<string, string | number>;

  constructor(code: LlmErrorCode, message: string, opts: LlmErrorOptions = {}) {
    super(message);
    this.name = 'LlmError';
    this.code = code;
    this.retryable = RETRYABLE[code];
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
    if (opts.provider !== undefined) this.provider = opts.provider;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.connectionId !== undefined) this.connectionId = opts.connectionId;
    if (opts.requestId !== undefined) this.requestId = opts.requestId;
    if (opts.key !== undefined) this.key = opts.key;
    if (opts.params !== undefined) this.params = opts.params;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.provider !== undefined ? { provider: this.provider } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.connectionId !== undefined ? { connectionId: this.connectionId } : {}),
      ...(this.requestId !== undefined ? { requestId: this.requestId } : {}),
      ...(this.key !== undefined ? { key: this.key, params: this.params ?? {} } : {}),
    };
  }
}

export const isLlmError = (err: unknown): err is LlmError => err instanceof LlmError;

/** Parses `retry-after-ms`, then `retry-after` (seconds or an HTTP date). */
export function retryAfterFromHeaders(headers: Headers | undefined | null): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms));
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Parses a protobuf Duration string such as Gemini's RetryInfo `retryDelay: "43s"` / `"1.5s"`. */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}
