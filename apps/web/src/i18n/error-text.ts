import type { Failure } from '@bm/contract';
import { errorMessage, isApiError } from '../api/api-error';
import { i18n, t } from './i18n';

/**
 * An error as a sentence in the user's language. The server's messages arrive already in it (the
 * request said Accept-Language); what the client itself says (no network, a thrown non-error) is
 * looked up here.
 */
export function errorText(err: unknown): string {
  if (isApiError(err) && err.code === 'NETWORK_ERROR') return t('common:errors.network');
  if (!(err instanceof Error)) return t('common:errors.unknown');
  return errorMessage(err);
}

/**
 * A recorded run or node failure in the user's language. The server stores the English `message`
 * and, where the error has one, its `key` in the `errors` catalogue with `params`: those render
 * here. Rows recorded before keys existed, and errors without one, show their message as stored.
 */
export function failureText(failure: Failure | null | undefined): string | null {
  if (!failure) return null;
  const { key, params } = failure as { key?: unknown; params?: unknown };
  if (typeof key === 'string' && i18n.exists(`errors:${key}`)) {
    return (t as unknown as (k: string, o: object) => string)(`errors:${key}`, params && typeof params === 'object' ? params : {});
  }
  return failure.message;
}
