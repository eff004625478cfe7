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
    if (n.disabled) data.disabled = true;
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

// The store replaces a node or edge when it changes and never mutates one, so an unchanged one's
// conversion — and its JSON, which the dirty check builds on every store update (every frame of a
// drag) — is made once and reused. Frozen, so that nobody can change what the caches hold.
const graphNodes = new WeakMap<BotFlowNode, GraphNode>();
const graphEdges = new WeakMap<BotFlowEdge, GraphEdge>();
const converted = new WeakSet<object>();
const jsonOf = new WeakMap<object, string>();

function toGraphNode(n: BotFlowNode): GraphNode {
  let out = graphNodes.get(n);
  if (out) return out;
  out = {
    id: n.id,
    type: n.data.type,
    params: n.data.params,
    position: { x: round(n.position.x), y: round(n.position.y) },
  };
  if (n.data.version !== undefined) out.version = n.data.version;
  if (n.data.label) out.label = n.data.label;
  if (n.data.settings && Object.keys(n.data.settings).length > 0) out.settings = n.data.settings;
  if (n.data.disabled) out.disabled = true;
  converted.add(Object.freeze(out));
  graphNodes.set(n, out);
  return out;
}

function toGraphEdge(e: BotFlowEdge): GraphEdge {
  let out = graphEdges.get(e);
  if (out) return out;
  out = { id: e.id, source: e.source, target: e.target };
  if (e.sourceHandle) out.sourceHandle = e.sourceHandle;
  if (e.targetHandle) out.targetHandle = e.targetHandle;
  converted.add(Object.freeze(out));
  graphEdges.set(e, out);
  return out;
}

export function flowToGraph(nodes: readonly BotFlowNode[], edges: readonly BotFlowEdge[], notes: readonly NoteFlowNode[] = []): Graph {
  return {
    // Left out when there are none, so a graph without notes saves as it always did.
    ...(notes.length > 0 ? { notes: notes.map(flowToNote) } : {}),
    nodes: nodes.map(toGraphNode),
    edges: edges.map(toGraphEdge),
  };
}

/** JSON with sorted object keys, so equal documents compare equal whatever order keys were set in. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (!converted.has(value)) return objectJson(value);
  let json = jsonOf.get(value);
  if (json === undefined) {
    json = objectJson(value);
    jsonOf.set(value, json);
  }
  return json;
}

function objectJson(value: object): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
