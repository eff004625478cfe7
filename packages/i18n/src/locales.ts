/** The languages the product speaks. `en` is the source language every other one is checked against. */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/**
 * A pseudo-locale for spotting untranslated text: English, accented, padded and bracketed, so
 * text that was not looked up in the catalogue stands out in a screenshot. Dev and test only.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = Locale | typeof PSEUDO_LOCALE;

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export function isAppLocale(value: unknown): value is AppLocale {
  return value === PSEUDO_LOCALE || (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The first supported locale among the user's preferences (the browser's language list, or the tags of an
 * Accept-Language header in order), matching on the language subtag ("ko-KR" → "ko"); else English.
 */
export function matchLocale(preferred: readonly string[] | undefined | null): Locale {
  for (const tag of preferred ?? []) {
    const lang = tag.trim().toLowerCase().split(/[-_]/)[0];
    const hit = LOCALES.find((l) => l === lang);
    if (hit) return hit;
  }
  return SOURCE_LOCALE;
}

/** The tags of an Accept-Language header, best first (`ko-KR,ko;q=0.9,en;q=0.8` → [ko-KR, ko, en]). */
export function parseAcceptLanguage(header: string | undefined | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}

/** The real language behind a locale: what Intl formats with and what the API is told. */
export function baseLocale(locale: AppLocale): Locale {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}
