import { ApplicationFailure, CancelledFailure } from '@temporalio/activity';
import { toNodeError } from '@bm/nodes';
import { redactText } from '@bm/secrets';

export interface FailureInfo {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** The message's key in @bm/i18n's `errors` catalogue and its arguments, when the error has one. */
  key?: string;
  params?: Record<string, string | number>;
}

/**
 * Any error an activity meets (a node's, the database's, a plain bug), as code + message +
 * retryability. The rule is nodes' toNodeError, the one normaliser, so a node failure and a
 * bookkeeping failure are retried alike. Messages are redacted: they are recorded on the run and
 * travel through Temporal history.
 */
export function toFailureInfo(err: unknown): FailureInfo {
  const e = toNodeError(err);
  const i18n = e.key
    ? {
        key: e.key,
        params: Object.fromEntries(Object.entries(e.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? redactText(v) : v])),
      }
    : {};
  return { code: e.code, message: redactText(e.message), retryable: e.retryable, retryAfterMs: e.retryAfterMs, ...i18n };
}

/** The failure Temporal sees: non-retryable errors (a rejected key, a bad parameter) fail at once. */
export function toApplicationFailure(info: FailureInfo): ApplicationFailure {
  // The catalogue key travels with the failure (its params are redacted, and masked by the caller),
  // so the run's error reads in the user's language too.
  const details = info.key ? [{ key: info.key, params: info.params ?? {} }] : undefined;
  return ApplicationFailure.create({
    message: info.message,
    type: info.code,
    nonRetryable: !info.retryable,
    nextRetryDelay: info.retryable ? info.retryAfterMs : undefined,
    details,
  });
}

/** What an activity throws: Temporal's own failures (a cancellation, one already built) as they are, anything else normalised. */
export function toActivityFailure(err: unknown): Error {
  if (err instanceof ApplicationFailure || err instanceof CancelledFailure) return err;
  return toApplicationFailure(toFailureInfo(err));
}

/**
 * The delay before the next attempt when the service said when to come back (Retry-After): what
 * it asked for, but never less than the node's own backoff for this attempt — `Retry-After: 0` or a
 * date in the past means "retry now", not "retry at once forever" (and a zero delay reaches Temporal
 * as no delay at all) — and never more than the node's maximum interval.
 */
export function retryDelayAfter(
  retryAfterMs: number,
  attempt: number,
  policy: { initialRetryDelayMs?: number; backoffCoefficient?: number; maxRetryDelayMs?: number },
): number {
  const initial = policy.initialRetryDelayMs ?? 1_000;
  const max = policy.maxRetryDelayMs ?? Number.POSITIVE_INFINITY;
  const floor = Math.min(initial * (policy.backoffCoefficient ?? 2) ** Math.max(0, attempt - 1), max);
  return Math.min(Math.max(retryAfterMs, floor), max);
}
