import { analyzeLoops, type Graph, type LoopAnalysis } from '@bm/graph';
import { getNodeDefinition } from './registry';

/** What viewers see instead of a secret param's value (the API masks graphs with it). */
export const SECRET_MASK = '[secret]';

/** A value that only names a workspace secret hides nothing: it is shown as it is. */
const SECRET_REFERENCE = /^\s*\{\{\s*secrets(\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]]+\])\s*\}\}\s*$/;

/**
 * The graph with every secret param's value replaced by SECRET_MASK: secret params are write-only
 * in the API (a Slack incoming-webhook URL is itself the credential). Empty values and plain
 * `{{ secrets.NAME }}` references stay as they are (nothing to hide); nodes of unknown types are
 * left untouched. Returns a copy.
 */
export function maskSecretParams<G extends Graph>(graph: G): G {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const secret = getNodeDefinition(node.type, node.version ?? 1)?.secretParams ?? [];
      const hidden = secret.filter(
        (p) => !isEmpty(node.params?.[p]) && !(typeof node.params?.[p] === 'string' && SECRET_REFERENCE.test(node.params[p] as string)),
      );
      if (hidden.length === 0) return node;
      return { ...node, params: { ...node.params, ...Object.fromEntries(hidden.map((p) => [p, SECRET_MASK])) } };
    }),
  };
}

/**
 * A graph a client sends back after reading a masked one: every secret param still holding
 * SECRET_MASK gets the value stored for the same node (same id and type). Returns the graph and the
 * nodes/params whose mask has nothing to stand for (a new node pasted with a masked value).
 */
export function restoreSecretParams<G extends Graph>(
  incoming: G,
  stored: Graph | null | undefined,
): { graph: G; unresolved: { nodeId: string; param: string }[] } {
  const before = new Map((stored?.nodes ?? []).map((n) => [n.id, n]));
  const unresolved: { nodeId: string; param: string }[] = [];
  const nodes = incoming.nodes.map((node) => {
    const secret = getNodeDefinition(node.type, node.version ?? 1)?.secretParams ?? [];
    const masked = secret.filter((p) => node.params?.[p] === SECRET_MASK);
    if (!masked.length) return node;
    const old = before.get(node.id);
    const params = { ...node.params };
    for (const p of masked) {
      const value = old && old.type === node.type ? old.params?.[p] : undefined;
      if (value === undefined || value === SECRET_MASK) unresolved.push({ nodeId: node.id, param: p });
      else params[p] = value;
    }
    return { ...node, params };
  });
  return { graph: { ...incoming, nodes }, unresolved };
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

/** The graph's loops (flow.loop bodies and their collect nodes), with each node's flow control read from the registry. */
export function graphLoops(graph: Pick<Graph, 'nodes' | 'edges'>): LoopAnalysis {
  const types = new Map(graph.nodes.map((n) => [n.id, getNodeDefinition(n.type, n.version ?? 1)?.control]));
  return analyzeLoops(graph, (id) => types.get(id));
}
