import { t } from '../i18n/i18n';

/**
 * Where the useful part of each node type's output lives (API.md → Expressions; each node's docs),
 * so "insert" offers `{{ nodes.rss.output.items }}` rather than the whole envelope.
 */
const WHAT = {
  body: 'editor:expressions.what.body',
  items: 'editor:expressions.what.items',
  text: 'editor:expressions.what.text',
  answer: 'editor:expressions.what.answer',
} as const;
const OUTPUT_PATHS: Record<string, { path: string; what: (typeof WHAT)[keyof typeof WHAT] }> = {
  'source.http': { path: 'output.body', what: WHAT.body },
  'source.rss': { path: 'output.items', what: WHAT.items },
  'source.webpage': { path: 'output.text', what: WHAT.text },
  'llm.chat': { path: 'output.text', what: WHAT.answer },
  'transform.filter': { path: 'output.items', what: WHAT.items },
  'transform.split': { path: 'output.items', what: WHAT.items },
  'transform.template': { path: 'output', what: WHAT.text },
};

export type ExpressionRef = { expression: string; label: string };

/** The reference a later node uses for `nodeId`'s output, with a label a person recognises. */
export function referenceFor(nodeId: string, type: string, title: string): ExpressionRef {
  const known = OUTPUT_PATHS[type];
  return {
    expression: `{{ nodes.${nodeId}.${known?.path ?? 'output'} }}`,
    label: known ? `${title} · ${t(known.what)}` : title,
  };
}

/** The run input's chip; its label is a catalogue key. */
export const RUN_INPUT_REF = { expression: '{{ input }}', label: 'editor:expressions.runInput' } as const satisfies ExpressionRef;
