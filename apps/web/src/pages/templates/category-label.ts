import { i18n, t } from '../../i18n/i18n';

/**
 * A template's category as people read it: a built-in category is a key with a name in the
 * server's `templates` catalogue (`digests` → "Digests"); a published template's category is its
 * publisher's own words and stays as written.
 */
export function categoryLabel(category: string): string {
  const key = `templates:categories.${category}`;
  return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : category;
}
