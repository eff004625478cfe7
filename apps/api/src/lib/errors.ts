import { errorMessage, type ErrorKey, type ErrorParams } from './messages';

export type { ErrorKey, ErrorParams } from './messages';

/** One problem in `details`: its message comes from the catalogue like the error's own. */
export type LocalizedDetail = { key: ErrorKey; params?: ErrorParams; [field: string]: unknown };

/**
 * An error that becomes `{ error: { code, message, details? } }` with its HTTP status. The `code`
 * is stable (clients match on it); the message is rendered by the error handler from the `errors`
 * catalogue of @bm/i18n in the caller's language: `key` (default: the code) with ICU `params`.
 * `message` (for logs) is the English text.
 *
 * Build it with `apiError` (or the helpers below): the catalogue guard scans for those calls. A
 * plain string message still type-checks for code not yet moved to the catalogue, but is served
 * untranslated and the guard (errors-catalogue.test.ts) lists it.
 */
export class HttpError extends Error {
  readonly key: ErrorKey | null;
  readonly params: ErrorParams;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    text: string | { key: ErrorKey; params?: ErrorParams },
    readonly details?: unknown,
  ) {
    super(typeof text === 'string' ? text : errorMessage('en', text.key, text.params));
    this.key = typeof text === 'string' ? null : text.key;
    this.params = typeof text === 'string' ? {} : (text.params ?? {});
  }
}

/**
 * THE way to raise an API error: a status, a stable code and the catalogue key of its message
 * (`errors:<key>`, default the code itself when that code has one message) with its arguments.
 */
export function apiError(
  statusCode: number,
  code: string,
  opts: { key?: ErrorKey; params?: ErrorParams; details?: unknown } = {},
): HttpError {
  return new HttpError(statusCode, code, { key: opts.key ?? (code as ErrorKey), params: opts.params }, opts.details);
}

/** What a 404 names; each has its own sentence (Korean needs the noun with its particle). */
export type Missing =
  | 'bot'
  | 'run'
  | 'schedule'
  | 'connection'
  | 'secret'
  | 'workspace'
  | 'webhook'
  | 'apiToken'
  | 'nodeRun'
  | 'invitation'
  | 'member'
  | 'budget'
  | 'template'
  | 'approval';

export const notFound = (what: Missing) => apiError(404, 'NOT_FOUND', { key: `NOT_FOUND.${what}` });

// The helpers of before the catalogue, kept so that code written against them still compiles; the
// messages they carry are served untranslated, and errors-catalogue.test.ts lists every caller.
/** @deprecated Use apiError with a key of the `errors` catalogue (FORBIDDEN.*). */
export const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message);
/** @deprecated Use apiError(400, code, { key, params, details }). */
export const badRequest = (code: string, message: string, details?: unknown) => new HttpError(400, code, message, details);
/** @deprecated Use apiError(409, code, { key, params }). */
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
