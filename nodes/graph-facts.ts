import type { Graph } from '@bm/graph';
import { getNodeDefinition } from './registry';

/** What viewers see instead of a secret param's value (the API masks graphs with it). */
export const SECRET_MASK = '[secret]';

/**
 * The graph with every secret param's value replaced by SECRET_MASK, for people who may look at a
 * bot but not use its credentials. Empty values stay as they are (nothing to hide, and the form
 * shows them as missing); nodes of unknown types are left untouched. Returns a copy.
 */
export function maskSecretParams(graph: Graph): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const secret = getNodeDefinition(node.type, node.version ?? 1)?.secretParams ?? [];
      const hidden = secret.filter((p) => !isEmpty(node.params?.[p]));
      if (hidden.length === 0) return node;
      return { ...node, params: { ...node.params, ...Object.fromEntries(hidden.map((p) => [p, SECRET_MASK])) } };
    }),
  };
}

/** The LLM connection ids a graph's nodes name (their connection params), each once. */
export function graphConnectionIds(graph: Graph): string[] {
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    for (const p of getNodeDefinition(node.type, node.version ?? 1)?.connectionParams ?? []) {
      const id = node.params?.[p];
      if (typeof id === 'string' && id.trim()) ids.add(id);
    }
  }
  return [...ids];
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
