import { baseLocale, createFormatter, createI18n, ensurePseudo, isAppLocale, matchLocale, PSEUDO_LOCALE, type AppLocale, type Formatter } from '@bm/i18n';

const STORAGE_KEY = 'bm.locale';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The language to start in: `?lng=` (also how the pseudo-locale is picked in dev and tests), then
 * the user's last choice, then the browser's languages (Chromium derives them from Accept-Language).
 */
function initialLocale(): AppLocale {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = new URLSearchParams(window.location.search).get('lng');
  if (isAppLocale(fromUrl)) {
    persist(fromUrl);
    return fromUrl;
  }
  const saved = stored();
  if (isAppLocale(saved)) return saved;
  return matchLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

function persist(locale: AppLocale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const first = initialLocale();
/** The app's one i18next instance; components reach it through react-i18next's useTranslation. */
export const i18n = createI18n({ locale: first, pseudo: first === PSEUDO_LOCALE });
/** For code outside components (toasts, stores, helpers): the current language's messages. */
export const t = i18n.t.bind(i18n);

let current: AppLocale = first;
let fmt: Formatter = createFormatter({ locale: current });

function applyToDocument(locale: AppLocale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale === PSEUDO_LOCALE ? 'en' : locale;
}
applyToDocument(first);

export function currentLocale(): AppLocale {
  return current;
}

/** The value of every API request's Accept-Language header, so the server answers in the same language. */
export function acceptLanguage(): string {
  return baseLocale(current);
}

/** Formatting (dates in the browser's time zone, numbers, durations, money) for the current language. */
export function formatter(): Formatter {
  return fmt;
}

/**
 * THE place that changes the language: the catalogue, the formatter, <html lang>, and what is
 * remembered. A per-user setting on the server would be saved from here too.
 */
export async function setLocale(locale: AppLocale): Promise<void> {
  if (locale === PSEUDO_LOCALE) ensurePseudo(i18n);
  current = locale;
  fmt = createFormatter({ locale });
  persist(locale);
  applyToDocument(locale);
  await i18n.changeLanguage(locale);
}
