import type { FastifyRequest } from 'fastify';
import { isAppLocale, matchLocale, parseAcceptLanguage, PSEUDO_LOCALE, type AppLocale, type Locale } from '@bm/i18n';

/** A language a user can store: the product's own ones (the pseudo-locale is for testing only). */
export const storedLocale = (value: unknown): Locale | null => (isAppLocale(value) && value !== PSEUDO_LOCALE ? value : null);

/** The language of an Accept-Language header; `en-XA` first asks for the pseudo-locale. */
export function headerLocale(header: string | undefined): AppLocale {
  const tags = parseAcceptLanguage(header);
  if (tags[0]?.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  return matchLocale(tags);
}

/** The product language an Accept-Language header names, or null when it names none of them. */
export function acceptedLocale(header: string | undefined): Locale | null {
  const tags = parseAcceptLanguage(header);
  const hit = matchLocale(tags);
  return tags.some((t) => t.toLowerCase().split(/[-_]/)[0] === hit) ? hit : null;
}

/**
 * The language a request is answered in: the signed-in user's stored setting, else the browser's
 * Accept-Language, else English. Only messages follow it; user content is never translated.
 */
export function requestLocale(req: FastifyRequest): AppLocale {
  const asked = headerLocale(req.headers['accept-language']);
  // No browser sends the pseudo-locale: asking for it is a tester's override of the stored setting.
  if (asked === PSEUDO_LOCALE) return asked;
  return storedLocale(req.user?.locale) ?? asked;
}
