import type { NAMESPACES, Resources } from './resources';

// Keys are checked at compile time: `t('pages:bots.title')` must name a message of the English
// (source) catalogue. Every namespace is a default one, so a plain useTranslation() accepts
// `ns:key` for all of them; code always writes the namespace (the unused-key test reads it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES;
    resources: Resources;
  }
}
