/**
 * Where the useful part of each node type's output lives (API.md → Expressions; each node's docs),
 * so "insert" offers `{{ nodes.rss.output.items }}` rather than the whole envelope.
 */
const OUTPUT_PATHS: Record<string, { path: string; what: string }> = {
  'source.http': { path: 'output.body', what: 'body' },
  'source.rss': { path: 'output.items', what: 'items' },
  'source.webpage': { path: 'output.text', what: 'text' },
  'llm.chat': { path: 'output.text', what: 'answer' },
  'transform.filter': { path: 'output.items', what: 'items' },
  'transform.split': { path: 'output.items', what: 'items' },
  'transform.template': { path: 'output', what: 'text' },
};

export type ExpressionRef = { expression: string; label: string };

/** The reference a later node uses for `nodeId`'s output, with a label a person recognises. */
export function referenceFor(nodeId: string, type: string, title: string): ExpressionRef {
  const known = OUTPUT_PATHS[type];
  return {
    expression: `{{ nodes.${nodeId}.${known?.path ?? 'output'} }}`,
    label: known ? `${title} · ${known.what}` : title,
  };
}

export const RUN_INPUT_REF: ExpressionRef = { expression: '{{ input }}', label: 'Run input' };
