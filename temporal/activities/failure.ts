import { ApplicationFailure } from '@temporalio/activity';

export interface FailureInfo {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
}

/**
 * Normalises any error thrown by a node (NodeError, LlmError, OutboundBlockedError, ExpressionError,
 * zod errors, plain bugs) to a code + message + retryability. Typed errors carry their own; anything
 * unknown is retried, since it may be transient.
 */
export function toFailureInfo(err: unknown): FailureInfo {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; retryable?: unknown; retryAfterMs?: unknown; name?: unknown };
  const code = typeof e.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(e.code) ? e.code : 'NODE_FAILED';
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  const retryable = typeof e.retryable === 'boolean' ? e.retryable : true;
  const retryAfterMs = typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined;
  return { code, message, retryable, retryAfterMs };
}

/** The failure Temporal sees: non-retryable errors (a rejected key, a bad parameter) fail at once. */
export function toApplicationFailure(info: FailureInfo): ApplicationFailure {
  if (!info.retryable) return ApplicationFailure.nonRetryable(info.message, info.code);
  return ApplicationFailure.create({
    message: info.message,
    type: info.code,
    nextRetryDelay: info.retryAfterMs,
  });
}
