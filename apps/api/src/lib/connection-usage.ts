import type { Graph } from '@bm/graph';
import { getNodeDefinition } from '@bm/nodes';

/** The nodes whose connection params (registry facts, as in graphConnectionIds) name this connection. */
export function nodesUsing(graph: Pick<Graph, 'nodes'>, connectionId: string): string[] {
  return graph.nodes
    .filter((n) => (getNodeDefinition(n.type, n.version ?? 1)?.connectionParams ?? []).some((p) => n.params?.[p] === connectionId))
    .map((n) => n.id);
}

/** The graph with every connection param naming `from` pointed at `to`; other params untouched. */
export function switchedGraph<G extends Pick<Graph, 'nodes'>>(graph: G, from: string, to: string): G {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const params = getNodeDefinition(n.type, n.version ?? 1)?.connectionParams ?? [];
      if (!params.some((p) => n.params?.[p] === from)) return n;
      return { ...n, params: { ...n.params, ...Object.fromEntries(params.filter((p) => n.params?.[p] === from).map((p) => [p, to])) } };
    }),
  };
}
