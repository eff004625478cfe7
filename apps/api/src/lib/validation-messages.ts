import { resources, SOURCE_LOCALE, type AppLocale } from '@bm/i18n';
import { errorMessage, type ErrorKey } from './messages';

/**
 * The contract's zod schemas say what to fix in English ("Name the bot."): @bm/contract is pure
 * and the web shows the same words before a request is sent. The `errors` catalogue holds each of
 * them under `VALIDATION_FAILED.hint.*` with its translation; here an English hint is found by its
 * text and answered in the caller's language (validation-messages.test.ts proves every hint of
 * the contract is in the catalogue). zod's own generic messages ("Too small: expected …") stay as
 * they are in English and become one localized sentence elsewhere: the field path beside it
 * still says where.
 */
const hints = resources[SOURCE_LOCALE].errors as { VALIDATION_FAILED: { hint: Record<string, string> } };
const HINT_KEYS = new Map(
  Object.entries(hints.VALIDATION_FAILED.hint).map(([k, text]) => [text, `VALIDATION_FAILED.hint.${k}` as ErrorKey]),
);

export function validationMessage(locale: AppLocale, english: string): string {
  const key = HINT_KEYS.get(english);
  if (key) return errorMessage(locale, key);
  if (locale === SOURCE_LOCALE || !english) return english || errorMessage(locale, 'VALIDATION_FAILED.invalid');
  return errorMessage(locale, 'VALIDATION_FAILED.invalid');
}

/** The English hints the catalogue knows (for the guard test). */
export const knownHints = () => [...HINT_KEYS.keys()];
