import { createI18n, type AppLocale, type Resources } from '@bm/i18n';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message of the `errors` catalogue (the English one is the source of the key set). */
export type ErrorKey = Leaves<Resources['errors']>;
/** A message used as an argument of another ("The graph has problems: {first}"), rendered in the same language. */
export type NestedMessage = { key: string; params?: Record<string, string | number> };
export type ErrorParams = Record<string, string | number | NestedMessage>;

type I18n = ReturnType<typeof createI18n>;

// One i18next instance per language, made on first use: the catalogues are bundled and small.
const instances = new Map<AppLocale, I18n>();
function instance(locale: AppLocale): I18n {
  let i = instances.get(locale);
  if (!i) instances.set(locale, (i = createI18n({ locale, pseudo: true })));
  return i;
}

/** A message of the `ns` catalogue in a language (English when that language lacks it). */
export function message(locale: AppLocale, ns: 'errors' | 'nodes' | 'templates', key: string, params: ErrorParams = {}): string {
  const flat = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? message(locale, ns, v.key, v.params) : v]),
  );
  return (instance(locale).t as (k: string, o: object) => string)(`${ns}:${key}`, flat);
}

export const errorMessage = (locale: AppLocale, key: ErrorKey, params: ErrorParams = {}) => message(locale, 'errors', key, params);

/** Whether the catalogue has a message under this key (source language). */
export const hasMessage = (ns: 'errors' | 'nodes' | 'templates', key: string) => instance('en').exists(`${ns}:${key}`);
