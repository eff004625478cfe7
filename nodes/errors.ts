import { classifyDbError } from '@bm/db/errors';

/**
 * The one error type nodes throw. `retryable` is true for what may pass on a retry (network
 * failures, timeouts, 5xx, 429) and false for what will not (4xx, bad params, bad expressions).
 */
export class NodeError extends Error {
  readonly code: string;
  retryable: boolean;
  nodeId?: string;
  /** HTTP status of the response that caused it, if any. */
  status?: number;
  /** Retry no sooner than this (from a Retry-After header). */
  retryAfterMs?: number;
  /** The message's key in @bm/i18n's `errors` catalogue and its arguments (message = the English). */
  key?: string;
  params?: Record<string, string | number>;

  constructor(
    code: string,
    message: string,
    opts: {
      retryable?: boolean;
      nodeId?: string;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
      key?: string;
      params?: Record<string, string | number>;
    } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'NodeError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.nodeId = opts.nodeId;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    if (opts.key !== undefined) {
      this.key = opts.key;
      this.params = opts.params ?? {};
    }
  }
}

export function isNodeError(err: unknown): err is NodeError {
  return err instanceof NodeError;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * THE normaliser of failures (nodes call it; the activities build Temporal failures from it), so
 * one rule decides what is retried:
 * - a typed error says whether a retry can help (`retryable`: NodeError, LlmError, net's
 *   OutboundBlockedError, …) and keeps its code;
 * - a database error is classified by packages/db (unreachable: retried; a query error: not);
 * - anything else is an unknown bug or outage and is retried, since it may be transient. Its code is
 *   kept when it is one of ours (UPPER_SNAKE, e.g. ECONNRESET), else it becomes NODE_FAILED.
 */
export function toNodeError(err: unknown, nodeId?: string): NodeError {
  if (err instanceof NodeError) {
    err.nodeId ??= nodeId;
    return err;
  }
  const e = (err ?? {}) as {
    code?: unknown;
    message?: unknown;
    retryable?: unknown;
    status?: unknown;
    retryAfterMs?: unknown;
    key?: unknown;
    params?: unknown;
  };
  const db = classifyDbError(err);
  // A database error's own text quotes server internals (files, queries): it stays in the log.
  const message = db?.message ?? (typeof e.message === 'string' && e.message ? e.message : String(err));
  const code = db?.code ?? (typeof e.code === 'string' && CODE.test(e.code) ? e.code : 'NODE_FAILED');
  const retryable = db?.retryable ?? (typeof e.retryable === 'boolean' ? e.retryable : true);
  return new NodeError(code, message, {
    retryable,
    nodeId,
    cause: err,
    status: typeof e.status === 'number' ? e.status : undefined,
    retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined,
    // A typed error's catalogue key (LlmError) travels with it, so its message can be localized.
    ...(typeof e.key === 'string' ? { key: e.key, params: (e.params ?? {}) as Record<string, string | number> } : {}),
  });
}
