import { errorMessage, isApiError } from '../api/api-error';
import { t } from './i18n';

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
