import { layoutGraph, type LayoutEngine, type LayoutNode, type Point } from '@bm/layout';
import type { StoreApi } from 'zustand';
import { nodeTypeOf } from '../store/catalogue-slice';
import { withDirty } from '../store/document-slice';
import { outputsOfNode } from '../store/port-edges';
import type { EditorState } from '../store/types';

/** What the layout needs of each canvas node: its measured size and its ports in drawn order. */
export function layoutInput(s: EditorState): LayoutNode[] {
  return s.nodes.map((n) => {
    const def = nodeTypeOf(s, n.data);
    const out: LayoutNode = { id: n.id, outputs: outputsOfNode(s, n).map((p) => p.name) };
    if (def) out.inputs = def.inputs.map((p) => p.name);
    if (n.measured?.width && n.measured.height) {
      out.width = n.measured.width;
      out.height = n.measured.height;
    }
    return out;
  });
}

/** Moves nodes to `positions` as one undo step; true when anything moved. */
export function applyPositions(store: StoreApi<EditorState>, positions: Record<string, Point>): boolean {
  const s = store.getState();
  const moved = s.nodes.some((n) => {
    const p = positions[n.id];
    return p && (p.x !== n.position.x || p.y !== n.position.y);
  });
  if (!moved) return false;
  s.checkpoint();
  store.setState((st) => withDirty(st, { nodes: st.nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n)) }));
  return true;
}

/** "Tidy up": lays the graph out left to right (see @bm/layout) and applies it as one undo step. */
export async function tidyUp(store: StoreApi<EditorState>, engine?: LayoutEngine): Promise<boolean> {
  const s = store.getState();
  if (s.nodes.length === 0) return false;
  const before = s.nodes;
  const positions = await layoutGraph(layoutInput(s), s.edges, engine);
  // An edit made while the layout ran (a node added or deleted) would be undone by applying a stale result.
  if (store.getState().nodes.length !== before.length) return false;
  return applyPositions(store, positions);
}
