import { outputPortsOf } from '@bm/graph';
import type { PortDef } from '@bm/contract';
import { nodeTypeOf } from './catalogue-slice';
import type { BotFlowEdge, BotFlowNode } from './flow-types';
import type { CatalogueSlice } from './types';

/** A canvas node's output ports as @bm/graph's outputPortsOf makes them (the editor never re-derives the list). */
export function outputsOfNode(s: Pick<CatalogueSlice, 'nodeTypes' | 'nodeTypeVersions'>, node: Pick<BotFlowNode, 'data'>): PortDef[] {
  const def = nodeTypeOf(s, node.data);
  return def ? outputPortsOf(def, node.data) : [];
}

/**
 * Which ports became which after an edit of a node's params or settings: a port whose name changed
 * in place (same position, old name gone, new name not there before) was renamed — a switch case
 * the user renamed — and its edges follow it. A reorder keeps every name, so nothing is renamed.
 */
function renamedPorts(before: readonly PortDef[], after: readonly PortDef[]): Map<string, string> {
  const renames = new Map<string, string>();
  if (before.length !== after.length) return renames;
  const oldNames = new Set(before.map((p) => p.name));
  const newNames = new Set(after.map((p) => p.name));
  before.forEach((p, i) => {
    const next = after[i]!.name;
    if (p.name !== next && !newNames.has(p.name) && !oldNames.has(next)) renames.set(p.name, next);
  });
  return renames;
}

/**
 * The edges out of `nodeId` after its ports changed from `before` to `after`: an edge on a renamed
 * port moves to the new name, an edge on a port that is gone is removed. Returns the same array when
 * nothing changed (callers keep the document untouched then).
 */
export function reconcilePortEdges(
  edges: BotFlowEdge[],
  nodeId: string,
  before: readonly PortDef[],
  after: readonly PortDef[],
): BotFlowEdge[] {
  const renames = renamedPorts(before, after);
  const kept = new Set(after.map((p) => p.name));
  let changed = false;
  const next: BotFlowEdge[] = [];
  for (const e of edges) {
    // An edge without a handle is on the node's first port, which always exists.
    if (e.source !== nodeId || e.sourceHandle == null) next.push(e);
    else if (renames.has(e.sourceHandle)) {
      changed = true;
      next.push({ ...e, sourceHandle: renames.get(e.sourceHandle)! });
    } else if (kept.has(e.sourceHandle) || !before.some((p) => p.name === e.sourceHandle)) next.push(e);
    else changed = true;
  }
  return changed ? next : edges;
}
