import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { baseLocale, PSEUDO_LOCALE, SOURCE_LOCALE, type AppLocale } from './locales';
import { pseudoLocalizeTree } from './pseudo';
import { NAMESPACES, resources } from './resources';

export type CreateI18nOptions = {
  locale: AppLocale;
  /** Serve the pseudo-locale when asked for it (dev and test); otherwise it falls back to English. */
  pseudo?: boolean;
};

/** Adds the pseudo-locale's catalogues (derived from English) to an instance, once. */
export function ensurePseudo(instance: i18n): void {
  if (instance.hasResourceBundle(PSEUDO_LOCALE, 'common')) return;
  for (const ns of NAMESPACES) instance.addResourceBundle(PSEUDO_LOCALE, ns, pseudoLocalizeTree(resources.en[ns]));
}

/**
 * A ready i18next instance (ICU message syntax, every catalogue loaded synchronously: they are
 * small and bundled, so no backend and no flash of keys). Each caller gets its own instance, so a
 * server can keep one per request language.
 */
export function createI18n({ locale, pseudo = false }: CreateI18nOptions): i18n {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    resources: { ...resources },
    lng: pseudo || locale !== PSEUDO_LOCALE ? locale : baseLocale(locale),
    fallbackLng: SOURCE_LOCALE,
    ns: [...NAMESPACES],
    defaultNS: [...NAMESPACES],
    initAsync: false,
    returnNull: false,
    // React escapes what it renders; escaping here would show "&amp;" in the UI.
    interpolation: { escapeValue: false },
  });
  if (pseudo && locale === PSEUDO_LOCALE) ensurePseudo(instance);
  return instance;
}
