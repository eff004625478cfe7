import type { XYPosition } from '@xyflow/react';
import type { StoreApi } from 'zustand';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { DEFAULT_NODE_SIZE, overlapping } from '@bm/layout';
import { checkConnection, portsCompatible } from '../store/connection-rules';
import { withDirty } from '../store/document-slice';
import type { BotFlowEdge, BotFlowNode } from '../store/flow-types';
import { newEdgeId } from '../store/ids';
import { outputsOfNode } from '../store/port-edges';
import type { EditorState } from '../store/types';

type Ctx = Pick<EditorState, 'nodes' | 'edges' | 'nodeTypes' | 'nodeTypeVersions'>;

const edge = (source: string, sourceHandle: string | null, target: string, targetHandle: string | null): BotFlowEdge => ({
  id: newEdgeId(),
  source,
  sourceHandle,
  target,
  targetHandle,
});

/** The type of output `port` of node `nodeId`, if the node has it. */
export function outputType(s: Ctx, nodeId: string, port: string): string | undefined {
  const node = s.nodes.find((n) => n.id === nodeId);
  return node ? outputsOfNode(s, node).find((p) => p.name === port)?.type : undefined;
}

/** Whether a node of type `def` has an input that output type `from` may feed (the "+" palette's filter). */
export const acceptsFrom = (from: string) => (def: NodeTypeDef) => def.inputs.some((p) => portsCompatible(from, p.type));

/**
 * The two edges that put node `middle` into edge `e` (source → middle → target), through the
 * middle node's first input and first output that checkConnection allows; null when it has none.
 */
export function splitEdge(s: Ctx, e: BotFlowEdge, middle: BotFlowNode): [BotFlowEdge, BotFlowEdge] | null {
  const def = s.nodeTypes[middle.data.type];
  if (!def || e.source === middle.id || e.target === middle.id) return null;
  const nodes = s.nodes.some((n) => n.id === middle.id) ? s.nodes : [...s.nodes, middle];
  const ctx = { nodes, catalogue: s.nodeTypes };
  const rest = s.edges.filter((x) => x.id !== e.id);
  const input = def.inputs.find(
    (p) => checkConnection({ source: e.source, sourceHandle: e.sourceHandle, target: middle.id, targetHandle: p.name }, rest, ctx).ok,
  );
  if (!input) return null;
  const first = edge(e.source, e.sourceHandle ?? null, middle.id, input.name);
  const output = outputsOfNode(s, middle).find(
    (p) =>
      checkConnection({ source: middle.id, sourceHandle: p.name, target: e.target, targetHandle: e.targetHandle }, [...rest, first], ctx)
        .ok,
  );
  if (!output) return null;
  return [first, edge(middle.id, output.name, e.target, e.targetHandle ?? null)];
}

/** Replaces edge `edgeId` by the two through node `middleId`, without a checkpoint of its own; false when it cannot. */
export function insertIntoEdge(store: StoreApi<EditorState>, edgeId: string, middleId: string): boolean {
  const s = store.getState();
  const e = s.edges.find((x) => x.id === edgeId);
  const middle = s.nodes.find((n) => n.id === middleId);
  if (!e || !middle) return false;
  const pair = splitEdge(s, e, middle);
  if (!pair) return false;
  store.setState((st) => withDirty(st, { edges: [...st.edges.filter((x) => x.id !== edgeId), ...pair] }));
  return true;
}

/**
 * Adds a node of `type` at `at`; with `edgeId`, puts it into that edge when it fits there (else it
 * just lands). One undo step: addNode's checkpoint covers the edges changed after it.
 */
export function addIntoEdge(store: StoreApi<EditorState>, type: string, at: XYPosition, edgeId: string | null): string | null {
  const id = store.getState().addNode(type, at);
  if (id && edgeId) insertIntoEdge(store, edgeId, id);
  return id;
}

/** `at`, or the first spot below it where a new box of `size` (a card by default) covers no card. */
export function freeSpot(
  nodes: readonly BotFlowNode[],
  at: XYPosition,
  size: { width: number; height: number } = DEFAULT_NODE_SIZE,
): XYPosition {
  const boxes = nodes.map((n) => ({ id: n.id, position: n.position, width: n.measured?.width, height: n.measured?.height }));
  const step = DEFAULT_NODE_SIZE.height + 32;
  const NEW = '\u0000new';
  for (let y = at.y; y < at.y + step * 50; y += step) {
    const spot = { x: at.x, y };
    if (!overlapping([...boxes, { id: NEW, position: spot, ...size }]).some((pair) => pair.includes(NEW))) return spot;
  }
  return at;
}

/**
 * Adds a node of `type` at `at` (moved down past any card already there) fed by output `port` of
 * `from`, through its first compatible input. One undo step.
 */
export function addConnected(
  store: StoreApi<EditorState>,
  type: string,
  at: XYPosition,
  from: { nodeId: string; port: string },
): string | null {
  const id = store.getState().addNode(type, freeSpot(store.getState().nodes, at));
  if (!id) return null;
  const s = store.getState();
  const def = s.nodeTypes[type];
  const ctx = { nodes: s.nodes, catalogue: s.nodeTypes };
  const input = def?.inputs.find(
    (p) => checkConnection({ source: from.nodeId, sourceHandle: from.port, target: id, targetHandle: p.name }, s.edges, ctx).ok,
  );
  if (input) store.setState((st) => withDirty(st, { edges: [...st.edges, edge(from.nodeId, from.port, id, input.name)] }));
  return id;
}
