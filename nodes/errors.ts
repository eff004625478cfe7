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

  constructor(
    code: string,
    message: string,
    opts: { retryable?: boolean; nodeId?: string; status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'NodeError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.nodeId = opts.nodeId;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

export function isNodeError(err: unknown): err is NodeError {
  return err instanceof NodeError;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Normalises anything a node threw. Errors that already carry a code and retryability (LLM errors,
 * net's OutboundBlockedError, …) keep them; unknown errors are retryable, as they may be transient.
 */
export function toNodeError(err: unknown, nodeId?: string): NodeError {
  if (err instanceof NodeError) {
    err.nodeId ??= nodeId;
    return err;
  }
  const e = (err ?? {}) as { code?: unknown; message?: unknown; retryable?: unknown; status?: unknown; retryAfterMs?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e.code === 'string' && CODE.test(e.code) ? e.code : 'NODE_FAILED';
  const retryable = typeof e.retryable === 'boolean' ? e.retryable : code === 'NODE_FAILED';
  return new NodeError(code, message, {
    retryable,
    nodeId,
    cause: err,
    status: typeof e.status === 'number' ? e.status : undefined,
    retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined,
  });
}
