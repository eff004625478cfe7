import type { Edge, Node } from '@xyflow/react';
import type { NodeSettings } from '@bm/contract';

/** What a canvas node carries: the stored graph node minus id/position. Serialisable JSON only. */
export type BotNodeData = {
  type: string;
  version?: number;
  params: Record<string, unknown>;
  label?: string;
  settings?: NodeSettings;
  /** Kept but not run (the run records it as skipped, NODE_DISABLED). */
  disabled?: boolean;
};

export type BotFlowNode = Node<BotNodeData, 'bot'>;
export type BotFlowEdge = Edge;

export const BOT_NODE_KIND = 'bot' as const;
