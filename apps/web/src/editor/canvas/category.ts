import type { NodeCategory } from '@bm/contract';

export const CATEGORY_ORDER: NodeCategory[] = ['source', 'llm', 'transform', 'output'];

export const CATEGORY_LABEL: Record<NodeCategory, string> = {
  source: 'Sources',
  llm: 'LLM',
  transform: 'Transform',
  output: 'Outputs',
};

export const CATEGORY_HINT: Record<NodeCategory, string> = {
  source: 'Where data comes from',
  llm: 'Ask your model',
  transform: 'Reshape data',
  output: 'Deliver results',
};

/** Two letters for a node type's glyph: `llm.chat` → "Ch", `transform.jsonata` → "Js". */
export function glyphFor(typeId: string, title?: string): string {
  const word = (title ?? typeId.split('.').pop() ?? '?').replace(/[^A-Za-z0-9]/g, '');
  return (word.charAt(0).toUpperCase() + word.charAt(1).toLowerCase()) || '?';
}
