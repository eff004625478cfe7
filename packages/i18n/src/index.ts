import './i18next-types';
export { createI18n, ensurePseudo, type CreateI18nOptions } from './create-i18n';
export { createFormatter, NO_VALUE, type FormatOptions, type Formatter } from './format';
export {
  baseLocale,
  isAppLocale,
  LOCALE_NAMES,
  LOCALES,
  matchLocale,
  parseAcceptLanguage,
  PSEUDO_LOCALE,
  SOURCE_LOCALE,
  type AppLocale,
  type Locale,
} from './locales';
export { flatten, messageArguments } from './catalogue';
export { pseudoLocalize } from './pseudo';
export { NAMESPACES, resources, sourceResources, type Namespace, type Resources } from './resources';
