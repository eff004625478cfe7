import type { NodeCategory } from '@bm/contract';

export const CATEGORY_ORDER: NodeCategory[] = ['source', 'llm', 'transform', 'flow', 'output'];

/** Catalogue keys of the palette's group names and hints. */
export const CATEGORY_LABEL = {
  source: 'editor:categories.source',
  llm: 'editor:categories.llm',
  transform: 'editor:categories.transform',
  flow: 'editor:categories.flow',
  output: 'editor:categories.output',
} as const satisfies Record<NodeCategory, string>;

export const CATEGORY_HINT = {
  source: 'editor:categoryHints.source',
  llm: 'editor:categoryHints.llm',
  transform: 'editor:categoryHints.transform',
  flow: 'editor:categoryHints.flow',
  output: 'editor:categoryHints.output',
} as const satisfies Record<NodeCategory, string>;

/**
 * A node type's glyph: two Latin letters (`llm.chat` → "Ch", `transform.jsonata` → "Js"), or the
 * first syllable of a title in a script such as Hangul, where one character is already a word.
 */
export function glyphFor(typeId: string, title?: string): string {
  const word = (title ?? typeId.split('.').pop() ?? '?').replace(/[^\p{L}\p{N}]/gu, '');
  if (word && !/^[A-Za-z0-9]/.test(word)) return [...word][0]!;
  return word.charAt(0).toUpperCase() + word.charAt(1).toLowerCase() || '?';
}
