import {
  createFormatter,
  createI18n,
  ensurePseudo,
  isAppLocale,
  matchLocale,
  PSEUDO_LOCALE,
  type AppLocale,
  type Formatter,
  type Locale,
} from '@bm/i18n';

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
const urlLocale = (): string | null => (typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lng'));

function initialLocale(): AppLocale {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = urlLocale();
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

/**
 * The value of every API request's Accept-Language header, so the server answers in the same
 * language (for a signed-in user the server uses their stored setting, which setLocale keeps equal).
 * The pseudo-locale goes as `en-XA`: the server pseudo-localizes its texts too.
 */
export function acceptLanguage(): string {
  return current;
}

/** Formatting (dates in the browser's time zone, numbers, durations, money) for the current language. */
export function formatter(): Formatter {
  return fmt;
}

let saveForUser: ((locale: Locale) => Promise<unknown>) | null = null;

/** How a chosen language is saved as the signed-in user's setting (main.tsx wires PATCH /api/me). */
export function saveLocaleWith(save: (locale: Locale) => Promise<unknown>): void {
  saveForUser = save;
}

/**
 * After sign-in (GET /api/me): the user's stored language wins over this browser's, unless the
 * URL asks for one (`?lng=`, dev and tests). `null` means they never chose: keep the current one.
 */
export function adoptUserLocale(stored: string | null | undefined): void {
  // The pseudo-locale is a tester's choice for this tab: it is never replaced behind their back.
  if (!stored || !isAppLocale(stored) || stored === current || current === PSEUDO_LOCALE || isAppLocale(urlLocale())) return;
  void setLocale(stored, { save: false });
}

/**
 * THE place that changes the language: the catalogue, the formatter, <html lang>, what is
 * remembered in this browser, and (signed in, `save`) the user's setting on the server.
 */
export async function setLocale(locale: AppLocale, { save = true }: { save?: boolean } = {}): Promise<void> {
  if (save && locale !== PSEUDO_LOCALE && saveForUser) void saveForUser(locale).catch(() => {});
  if (locale === PSEUDO_LOCALE) ensurePseudo(i18n);
  current = locale;
  fmt = createFormatter({ locale });
  persist(locale);
  applyToDocument(locale);
  await i18n.changeLanguage(locale);
}
