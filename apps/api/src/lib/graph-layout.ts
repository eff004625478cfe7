import { outputPortsOf } from '@bm/graph';
import { layoutGraph, needsLayout } from '@bm/layout';
import { getNodeDefinition } from '@bm/nodes';

type Positioned = {
  nodes: {
    id: string;
    type: string;
    version?: number;
    params?: Record<string, unknown>;
    settings?: { errorOutput?: boolean };
    position: { x: number; y: number };
  }[];
  edges?: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }[];
};

/**
 * The graph with its nodes placed by @bm/layout (the editor's "Tidy up"): always with `force`
 * (an n8n workflow's coordinates are made for n8n's small square nodes), otherwise only when its
 * positions are unusable (nodes stacked on each other). Ports come from the registry, so a switch's
 * branches keep their case order. Everything but the positions is left as it was.
 */
export async function laidOutGraph<G extends Positioned>(graph: G, opts: { force?: boolean } = {}): Promise<G> {
  if (graph.nodes.length === 0 || (!opts.force && !needsLayout(graph.nodes))) return graph;
  const positions = await layoutGraph(
    graph.nodes.map((n) => {
      const def = getNodeDefinition(n.type, n.version);
      return def ? { id: n.id, inputs: def.inputs.map((p) => p.name), outputs: outputPortsOf(def, n).map((p) => p.name) } : { id: n.id };
    }),
    graph.edges ?? [],
  );
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position })) };
}
