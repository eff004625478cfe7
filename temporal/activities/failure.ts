import { ApplicationFailure } from '@temporalio/activity';
import { redactText } from '@bm/secrets';

export interface FailureInfo {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
}

/**
 * Normalises any error thrown by a node (NodeError, LlmError, OutboundBlockedError, ExpressionError,
 * zod errors, database errors, plain bugs) to a code + message + retryability. Typed errors carry
 * their own; anything unknown is retried, since it may be transient. Messages are redacted: they
 * are recorded on the run and travel through Temporal history.
 */
export function toFailureInfo(err: unknown): FailureInfo {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; retryable?: unknown; retryAfterMs?: unknown };
  const rawCode = typeof e.code === 'string' ? e.code : '';
  const message = redactText(typeof e.message === 'string' && e.message ? e.message : String(err));
  const retryAfterMs = typeof e.retryAfterMs === 'number' ? e.retryAfterMs : undefined;
  // Prisma: P1xxx are connection problems (transient), P2xxx are query/constraint errors (not).
  const prisma = /^P(\d)\d{3}$/.exec(rawCode);
  if (prisma) return { code: 'DATABASE_ERROR', message, retryable: prisma[1] === '1', retryAfterMs };
  const code = /^[A-Z][A-Z0-9_]*$/.test(rawCode) ? rawCode : 'NODE_FAILED';
  const retryable = typeof e.retryable === 'boolean' ? e.retryable : true;
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
