import type { AppLocale } from '@bm/i18n';
import { describeNodeTypes, nodeTextPaths, nodeTextPrefix, withNodeTexts, type NodeTypeDescription } from '@bm/nodes';
import { hasMessage, message } from './messages';

/**
 * ICU treats `{`, `}`, `#`, tags and some apostrophes as syntax (`|` is plain text: quoting it would leave the apostrophes); node texts are full of `{{ templates }}`.
 * Quoting them makes the catalogue's English render back to exactly the definition's text.
 */
export const icuEscape = (text: string) => text.replace(/'/g, "''").replace(/[{}#<>]+/g, (m) => `'${m}'`);

type Tree = { [k: string]: string | Tree };

/**
 * The English `nodes` catalogue as the definitions say it (scripts/node-texts.ts writes it to
 * packages/i18n/messages/en/nodes.json; node-texts.test.ts fails when that file is stale).
 */
export function englishNodeTexts(): Tree {
  const tree: Tree = {};
  for (const d of describeNodeTypes()) {
    for (const [path, text] of nodeTextPaths(d)) {
      const parts = `${nodeTextPrefix(d)}.${path}`.split('.');
      let node = tree;
      for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Tree;
      node[parts.at(-1)!] = icuEscape(text);
    }
  }
  return tree;
}

const catalogues = new Map<AppLocale, NodeTypeDescription[]>();

/** GET /api/node-types in a language: built once per language, from the definitions and the `nodes` catalogue. */
export function nodeCatalogue(locale: AppLocale): NodeTypeDescription[] {
  let c = catalogues.get(locale);
  if (!c) {
    const english = describeNodeTypes();
    c =
      locale === 'en'
        ? english
        : english.map((d) => withNodeTexts(d, (key) => (hasMessage('nodes', key) ? message(locale, 'nodes', key) : undefined)));
    catalogues.set(locale, c);
  }
  return c;
}
