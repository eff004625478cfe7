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
