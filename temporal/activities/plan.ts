import type { Graph } from '@bm/graph';
import { outputPortsOf, topologicalOrder } from '@bm/graph';
import { getNodeDefinition, graphLoops, type NodeDefinition } from '@bm/nodes';
import type { LoopPlan, PlanEdge, PlanNode } from '../shared';

/** A loop's child workflow stays under this many history events per batch (Temporal warns at 10 240, stops at 51 200). */
const EVENTS_PER_BATCH = 5_000;
/** Events one node of one item costs at most: scheduled, started, completed, and a workflow task around it. */
const EVENTS_PER_NODE = 6;
const MAX_BATCH = 250;

/** Items per child workflow for a body of this many nodes: at least the concurrency, so a batch keeps every lane busy. */
export function loopBatchSize(bodyNodes: number, concurrency: number): number {
  const fit = Math.floor(EVENTS_PER_BATCH / (EVENTS_PER_NODE * Math.max(1, bodyNodes) + 3));
  return Math.max(1, Math.min(MAX_BATCH, Math.max(fit, concurrency)));
}

/**
 * The interpreter's view of a graph: ids, dependencies, incoming connections (with the output port
 * each leaves), execution settings and flow control, in topological order. A node's settings
 * override its definition's execution defaults field by field. A loop's body nodes are not in the
 * top-level list: they are in their loop's `loop.body`, and the collect node waits for the loop.
 * Called on a validated graph, so every node's type and version exist.
 */
export function buildPlan(graph: Graph): PlanNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const defs = new Map<string, NodeDefinition>();
  for (const n of graph.nodes) {
    const def = getNodeDefinition(n.type, n.version ?? 1);
    if (!def) throw new Error(`buildPlan: node "${n.id}" has no definition ${n.type} v${n.version ?? 1}; validate the graph first.`);
    defs.set(n.id, def);
  }
  const edgesInto = new Map<string, PlanEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    if (!source || !edgesInto.has(e.target)) continue;
    // An edge without a handle leaves the source's first output (as the editor draws it).
    const port = e.sourceHandle ?? outputPortsOf(defs.get(e.source)!, source)[0]?.name ?? 'out';
    edgesInto.get(e.target)!.push({ from: e.source, port });
  }
  const { loops, loopOf } = graphLoops(graph);

  const planNode = (id: string): PlanNode => {
    const n = byId.get(id)!;
    const def = defs.get(id)!;
    const s = n.settings ?? {};
    const { retry, timeoutMs, local } = def.execution;
    const edges = edgesInto.get(id)!;
    return {
      id,
      type: n.type,
      deps: [...new Set(edges.map((e) => e.from))],
      edges,
      retry: {
        maximumAttempts: s.retry?.maxAttempts ?? retry.maxAttempts,
        initialIntervalMs: s.retry?.initialIntervalMs ?? retry.initialIntervalMs,
        backoffCoefficient: s.retry?.backoffCoefficient ?? retry.backoffCoefficient,
        maximumIntervalMs: s.retry?.maximumIntervalMs ?? retry.maximumIntervalMs,
      },
      timeoutMs: s.timeoutMs ?? timeoutMs,
      continueOnFailure: s.continueOnFailure ?? false,
      ...(s.errorOutput ? { errorOutput: true } : {}),
      local,
      ...(def.control ? { control: def.control } : {}),
      // n8n's rule: a disabled node with one input passes that input on; otherwise it is skipped.
      ...(n.disabled ? { disabled: edges.length === 1 ? ('pass' as const) : ('skip' as const) } : {}),
    };
  };

  const order = topologicalOrder(graph);
  const collectOf = new Map([...loops.values()].filter((l) => l.collectId).map((l) => [l.collectId!, l.loopId]));
  const plan: PlanNode[] = [];
  for (const id of order) {
    if (loopOf.has(id)) continue;
    const node = planNode(id);
    const loop = loops.get(id);
    if (loop) {
      const params = byId.get(id)!.params as { concurrency?: number; onItemError?: LoopPlan['onItemError'] };
      const concurrency = params.concurrency ?? 4;
      const body = loop.body.map(planNode);
      // The body's outside inputs have finished before the first item starts.
      node.deps = [...new Set([...node.deps, ...loop.externalDeps])];
      node.loop = { body, concurrency, onItemError: params.onItemError ?? 'stop', batchSize: loopBatchSize(body.length, concurrency) };
    }
    const loopId = collectOf.get(id);
    if (loopId) {
      // The collect node gathers what the items left: it runs once its loop is done.
      node.deps = [loopId];
      node.edges = [{ from: loopId, port: 'item' }];
    }
    plan.push(node);
  }
  return plan;
}
