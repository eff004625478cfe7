import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';

export type ExpressionRef = { expression: string; label: string };

/**
 * The reference a later node uses for `nodeId`'s output, with a label a person recognises: the
 * useful part the node type declares (`output.primaryPath`), so "insert" offers
 * `{{ nodes.rss.output.items }}` rather than the whole envelope.
 */
export function referenceFor(nodeId: string, def: Pick<NodeTypeDef, 'output'> | undefined, title: string): ExpressionRef {
  const path = def?.output.primaryPath;
  const label = def?.output.primaryLabel;
  return {
    expression: `{{ nodes.${nodeId}.${path ?? 'output'} }}`,
    label: path && label ? `${title} · ${label}` : title,
  };
}

/** The run input's chip; its label is a catalogue key. */
export const RUN_INPUT_REF = { expression: '{{ input }}', label: 'editor:expressions.runInput' } as const satisfies ExpressionRef;
