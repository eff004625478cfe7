import type { Graph } from '@bm/graph';
import { topologicalOrder } from '@bm/graph';
import { getNodeDefinition } from '@bm/nodes';
import type { PlanNode } from '../shared';

/**
 * The interpreter's view of a graph: ids, dependencies and execution settings, in topological
 * order. A node's settings override its definition's execution defaults field by field. Called on
 * a validated graph, so every node's type and version exist.
 */
export function buildPlan(graph: Graph): PlanNode[] {
  const deps = new Map<string, Set<string>>(graph.nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of graph.edges) deps.get(e.target)?.add(e.source);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return topologicalOrder(graph).map((id) => {
    const n = byId.get(id)!;
    const def = getNodeDefinition(n.type, n.version ?? 1);
    if (!def) throw new Error(`buildPlan: node "${id}" has no definition ${n.type} v${n.version ?? 1}; validate the graph first.`);
    const s = n.settings ?? {};
    const { retry, timeoutMs, local } = def.execution;
    return {
      id,
      type: n.type,
      deps: [...deps.get(id)!],
      retry: {
        maximumAttempts: s.retry?.maxAttempts ?? retry.maxAttempts,
        initialIntervalMs: s.retry?.initialIntervalMs ?? retry.initialIntervalMs,
        backoffCoefficient: s.retry?.backoffCoefficient ?? retry.backoffCoefficient,
        maximumIntervalMs: s.retry?.maximumIntervalMs ?? retry.maximumIntervalMs,
      },
      timeoutMs: s.timeoutMs ?? timeoutMs,
      continueOnFailure: s.continueOnFailure ?? false,
      local,
    };
  });
}
