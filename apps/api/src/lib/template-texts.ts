import type { AppLocale } from '@bm/i18n';
import { GALLERY, GALLERY_CATEGORY_NAMES } from '../gallery';
import { hasMessage, message } from './messages';
import { icuEscape } from './node-catalogue';

/**
 * A built-in template's name or description in a language: the `templates` catalogue
 * (`gallery.<key>.<field>`, English generated from apps/api/src/gallery). Templates users publish
 * are their content and are never translated. Undefined: the catalogue has no such text.
 */
export function galleryText(locale: AppLocale, key: string, field: 'name' | 'description'): string | undefined {
  const k = `gallery.${key}.${field}`;
  return hasMessage('templates', k) ? message(locale, 'templates', k) : undefined;
}

/**
 * The English `templates` catalogue as the gallery says it (scripts/node-texts.ts writes it to
 * packages/i18n/messages/en/templates.json; gallery-texts.test.ts fails when that file is stale).
 */
export function englishTemplateTexts() {
  return {
    categories: Object.fromEntries(Object.entries(GALLERY_CATEGORY_NAMES).map(([k, v]) => [k, icuEscape(v)])),
    gallery: Object.fromEntries(GALLERY.map((t) => [t.key, { name: icuEscape(t.name), description: icuEscape(t.description) }])),
  };
}
