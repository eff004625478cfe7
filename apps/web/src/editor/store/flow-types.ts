import type { Edge, Node } from '@xyflow/react';
import type { GraphNote, NodeSettings } from '@bm/contract';

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

/** A sticky note's colour: the stored graph's enum. */
export type NoteColor = NonNullable<GraphNote['color']>;
/** A sticky note on the canvas (graph.notes): never a bot node, never run or validated. */
export type NoteData = { text: string; color?: NoteColor };
export type NoteFlowNode = Node<NoteData, 'note'>;

export const NOTE_NODE_KIND = 'note' as const;
