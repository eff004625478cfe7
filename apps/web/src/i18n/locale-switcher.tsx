import { LOCALE_NAMES, LOCALES, PSEUDO_LOCALE, isAppLocale } from '@bm/i18n';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from './i18n';

/** The language menu of the app shell and the login pages; the pseudo-locale is offered in dev builds. */
export function LocaleSwitcher({ className = 'select select-sm' }: { className?: string }) {
  const { t } = useTranslation();
  const options: string[] = [...LOCALES, ...(import.meta.env.DEV || currentLocale() === PSEUDO_LOCALE ? [PSEUDO_LOCALE] : [])];
  return (
    <select
      className={className}
      aria-label={t('common:language.label')}
      data-testid="locale-switcher"
      translate="no"
      value={currentLocale()}
      onChange={(e) => isAppLocale(e.target.value) && void setLocale(e.target.value)}
    >
      {options.map((l) => (
        <option key={l} value={l} lang={l === PSEUDO_LOCALE ? 'en' : l}>
          {l in LOCALE_NAMES ? LOCALE_NAMES[l as keyof typeof LOCALE_NAMES] : l}
        </option>
      ))}
    </select>
  );
}
