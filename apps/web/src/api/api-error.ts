import type { ErrorDetail } from '@bm/contract';

/** One entry of `error.details` (the contract's ErrorDetail). */
export type ApiErrorDetail = ErrorDetail;

/** Every non-2xx answer of the API becomes one of these; `message` is safe to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[] | undefined;
  /** `error.details` when it is an object rather than a list, e.g. VERSION_CONFLICT's `{ current }`. */
  readonly info: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: ApiErrorDetail[], info?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.info = info;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Error codes that are about one field, for forms that put the message under it. */
const CODE_FIELDS: Record<string, string> = { INVALID_CRON: 'cron', EMAIL_TAKEN: 'email' };

/**
 * Splits an API error into messages for named fields (from `details[].path` or a known code) and
 * what is left for a general alert (`rest`, undefined when every part found its field).
 */
export function fieldErrors(err: unknown, fields: readonly string[]): { byField: Record<string, string>; rest?: string } {
  if (!err) return { byField: {} };
  if (!(err instanceof ApiError)) return { byField: {}, rest: errorMessage(err) };
  const byField: Record<string, string> = {};
  const codeField = CODE_FIELDS[err.code];
  if (codeField && fields.includes(codeField)) return { byField: { [codeField]: err.message } };
  const unplaced: string[] = [];
  for (const d of err.details ?? []) {
    const path = d.path?.split('.')[0];
    if (path && fields.includes(path) && !byField[path]) byField[path] = d.message;
    else unplaced.push(d.message);
  }
  if (!err.details?.length) return { byField, rest: err.message };
  return { byField, rest: unplaced.length ? unplaced.join(' ') : undefined };
}

/** A message fit for the UI, whatever was thrown. */
export function errorMessage(err: unknown): string {
  // "name: Name the bot." reads better without the path prefix the API adds for scripts.
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.details?.length)
    return err.details.map((d) => d.message).join(' ');
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
