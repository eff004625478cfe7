import type { NodeRun } from '@bm/contract';

/** Nodes in the order they ran; those that never started follow, in graph order (the API's). */
export function inRunOrder(nodes: readonly NodeRun[]): NodeRun[] {
  const at = (n: NodeRun) => (n.startedAt ? Date.parse(n.startedAt) : Number.POSITIVE_INFINITY);
  return nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => at(a.n) - at(b.n) || a.i - b.i)
    .map(({ n }) => n);
}
