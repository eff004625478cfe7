import type { BotFlowEdge } from './flow-types';

/** Ids of nodes upstream of `nodeId` (whose outputs its expressions may reference), nearest first. */
export function upstreamNodeIds(graph: { edges: readonly BotFlowEdge[] }, nodeId: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of graph.edges) {
        if (e.target === id && !seen.has(e.source)) {
          seen.add(e.source);
          order.push(e.source);
          next.push(e.source);
        }
      }
    }
    frontier = next;
  }
  return order;
}
