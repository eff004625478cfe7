import type { BotFlowEdge, BotFlowNode } from './flow-types';

// Built once per edges/nodes array (the store replaces arrays on change), so a lookup stays O(V + E)
// on a large graph however often the inspector asks.
const incomingCache = new WeakMap<readonly BotFlowEdge[], Map<string, string[]>>();
const byIdCache = new WeakMap<readonly BotFlowNode[], Map<string, BotFlowNode>>();

function incoming(edges: readonly BotFlowEdge[]): Map<string, string[]> {
  let map = incomingCache.get(edges);
  if (!map) {
    map = new Map();
    for (const e of edges) {
      const list = map.get(e.target);
      if (list) list.push(e.source);
      else map.set(e.target, [e.source]);
    }
    incomingCache.set(edges, map);
  }
  return map;
}

/** Ids of nodes upstream of `nodeId` (whose outputs its expressions may reference), nearest first. */
export function upstreamNodeIds(graph: { edges: readonly BotFlowEdge[] }, nodeId: string): string[] {
  const into = incoming(graph.edges);
  const order: string[] = [];
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const source of into.get(id) ?? []) {
        if (!seen.has(source)) {
          seen.add(source);
          order.push(source);
          next.push(source);
        }
      }
    }
    frontier = next;
  }
  return order;
}

/** A node by id without scanning the list each time. */
export function nodeById(nodes: readonly BotFlowNode[], id: string): BotFlowNode | undefined {
  let map = byIdCache.get(nodes);
  if (!map) {
    map = new Map(nodes.map((n) => [n.id, n]));
    byIdCache.set(nodes, map);
  }
  return map.get(id);
}
