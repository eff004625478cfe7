import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { baseLocale, LOCALES, PSEUDO_LOCALE, SOURCE_LOCALE, type AppLocale } from './locales';
import { pseudoLocalizeTree } from './pseudo';
import { NAMESPACES, resources } from './resources';

export type CreateI18nOptions = {
  locale: AppLocale;
  /** Offer the pseudo-locale (dev and test builds). */
  pseudo?: boolean;
};

/**
 * A ready i18next instance (ICU message syntax, every catalogue loaded synchronously: they are
 * small and bundled, so no backend and no flash of keys). Each caller gets its own instance, so a
 * server can keep one per request language.
 */
export function createI18n({ locale, pseudo = false }: CreateI18nOptions): i18n {
  const all: Record<string, Record<string, unknown>> = { ...resources };
  if (pseudo) all[PSEUDO_LOCALE] = Object.fromEntries(NAMESPACES.map((ns) => [ns, pseudoLocalizeTree(resources.en[ns])]));
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    resources: all as never,
    lng: pseudo || locale !== PSEUDO_LOCALE ? locale : baseLocale(locale),
    fallbackLng: SOURCE_LOCALE,
    supportedLngs: [...LOCALES, ...(pseudo ? [PSEUDO_LOCALE] : [])],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    // React escapes what it renders; escaping here would show "&amp;" in the UI.
    interpolation: { escapeValue: false },
  });
  return instance;
}
