// Written as the API takes it (version and params may be left out); what it returns fits too.
import type { GraphInput as Graph, GraphEdgeInput as GraphEdge, GraphNodeInput as GraphNode } from '@bm/contract';
import { flowToNote, noteToFlow } from '../notes/note-convert';
import { BOT_NODE_KIND, type BotFlowEdge, type BotFlowNode, type NoteFlowNode } from './flow-types';

const round = (n: number) => Math.round(n);

/** Sticky notes come back apart from the bot nodes, so nothing that reads `nodes` ever sees one. */
export function graphToFlow(graph: Graph | null | undefined): { nodes: BotFlowNode[]; edges: BotFlowEdge[]; notes: NoteFlowNode[] } {
  const nodes: BotFlowNode[] = (graph?.nodes ?? []).map((n) => {
    const data: BotFlowNode['data'] = { type: n.type, params: structuredClone(n.params ?? {}) };
    if (n.version !== undefined) data.version = n.version;
    if (n.label) data.label = n.label;
    if (n.settings && Object.keys(n.settings).length > 0) data.settings = structuredClone(n.settings);
    return { id: n.id, type: BOT_NODE_KIND, position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 }, data };
  });
  const edges: BotFlowEdge[] = (graph?.edges ?? []).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: e.sourceHandle ?? null,
    targetHandle: e.targetHandle ?? null,
  }));
  return { nodes, edges, notes: (graph?.notes ?? []).map(noteToFlow) };
}

export function flowToGraph(nodes: readonly BotFlowNode[], edges: readonly BotFlowEdge[], notes: readonly NoteFlowNode[] = []): Graph {
  return {
    // Left out when there are none, so a graph without notes saves as it always did.
    ...(notes.length > 0 ? { notes: notes.map(flowToNote) } : {}),
    nodes: nodes.map((n) => {
      const out: GraphNode = {
        id: n.id,
        type: n.data.type,
        params: n.data.params,
        position: { x: round(n.position.x), y: round(n.position.y) },
      };
      if (n.data.version !== undefined) out.version = n.data.version;
      if (n.data.label) out.label = n.data.label;
      if (n.data.settings && Object.keys(n.data.settings).length > 0) out.settings = n.data.settings;
      return out;
    }),
    edges: edges.map((e) => {
      const out: GraphEdge = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) out.sourceHandle = e.sourceHandle;
      if (e.targetHandle) out.targetHandle = e.targetHandle;
      return out;
    }),
  };
}

/** JSON with sorted object keys, so equal documents compare equal whatever order keys were set in. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
