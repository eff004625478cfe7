import type { Graph } from '@bm/graph';
import { topologicalOrder } from '@bm/graph';
import { DEFAULT_NODE_TIMEOUT_MS, defaultRetry, type PlanNode } from '../shared';

/** Pure, quick node types: no outside I/O, so no need for a server round trip per attempt. */
const LOCAL_NODE_TYPES = new Set(['source.manual', 'transform.template', 'transform.jsonata', 'transform.filter', 'transform.split', 'transform.merge']);

/** The interpreter's view of a graph: ids, dependencies and execution settings, in topological order. */
export function buildPlan(graph: Graph): PlanNode[] {
  const deps = new Map<string, Set<string>>(graph.nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of graph.edges) deps.get(e.target)?.add(e.source);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return topologicalOrder(graph).map((id) => {
    const n = byId.get(id)!;
    const s = n.settings ?? {};
    const defaults = defaultRetry(n.type);
    return {
      id,
      type: n.type,
      deps: [...deps.get(id)!],
      retry: {
        maximumAttempts: s.retry?.maxAttempts ?? defaults.maximumAttempts,
        initialIntervalMs: s.retry?.initialIntervalMs ?? defaults.initialIntervalMs,
        backoffCoefficient: s.retry?.backoffCoefficient ?? defaults.backoffCoefficient,
        maximumIntervalMs: s.retry?.maximumIntervalMs ?? defaults.maximumIntervalMs,
      },
      timeoutMs: s.timeoutMs ?? DEFAULT_NODE_TIMEOUT_MS,
      continueOnFailure: s.continueOnFailure ?? false,
      local: LOCAL_NODE_TYPES.has(n.type),
    };
  });
}
