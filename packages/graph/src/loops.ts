import { ERROR_PORT } from './ports';
import type { FlowControl } from './node-type';
import type { GraphShape } from './topology';
import { topologicalOrder } from './topology';

/** A flow.loop node and the nodes that run once per item: from its `item` output up to its collect node. */
export interface LoopBody {
  loopId: string;
  /** The flow.collect node that ends the loop (absent in an invalid graph). */
  collectId?: string;
  /** The per-item nodes, in topological order (neither the loop nor the collect node). */
  body: string[];
  /** Nodes outside the loop that body nodes read from: finished before the first item starts. */
  externalDeps: string[];
}

export type LoopIssue =
  | { kind: 'noCollect'; loopId: string }
  | { kind: 'manyCollects'; loopId: string; collectIds: string[] }
  | { kind: 'nested'; loopId: string; innerId: string }
  | { kind: 'leak'; loopId: string; nodeId: string; edgeId: string; target: string }
  | { kind: 'collectWithoutLoop'; collectId: string }
  | { kind: 'collectOutsideInput'; loopId: string; collectId: string; edgeId: string; source: string };

export interface LoopAnalysis {
  loops: Map<string, LoopBody>;
  /** Body node id → its loop's id. */
  loopOf: Map<string, string>;
  issues: LoopIssue[];
}

/**
 * Finds each loop's body: every node reachable from the loop's outputs (not its error output)
 * without passing its collect node. A per-item node without a way to the collect node is fine (a
 * message per item); one that also leads past the collect node is not (it would run per item and once). Pure and total: an invalid graph gives issues, not a throw
 * (a cyclic graph is reported elsewhere; its bodies are then listed in graph order).
 */
export function analyzeLoops(graph: GraphShape, controlOf: (nodeId: string) => FlowControl | undefined): LoopAnalysis {
  const out = new Map<string, GraphShape['edges'][number][]>();
  for (const e of graph.edges) (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
  let order: string[];
  try {
    order = topologicalOrder(graph);
  } catch {
    order = graph.nodes.map((n) => n.id);
  }
  const position = new Map(order.map((id, i) => [id, i]));
  const loops = new Map<string, LoopBody>();
  const loopOf = new Map<string, string>();
  const issues: LoopIssue[] = [];
  const collectsReached = new Set<string>();

  for (const n of graph.nodes) {
    if (controlOf(n.id) !== 'loop') continue;
    const body = new Set<string>();
    const collects = new Set<string>();
    const queue = (out.get(n.id) ?? []).filter((e) => e.sourceHandle !== ERROR_PORT).map((e) => e.target);
    while (queue.length) {
      const id = queue.shift()!;
      if (id === n.id || body.has(id) || collects.has(id)) continue;
      if (controlOf(id) === 'collect') {
        collects.add(id);
        continue;
      }
      body.add(id);
      for (const e of out.get(id) ?? []) queue.push(e.target);
    }
    const collectIds = [...collects];
    if (collectIds.length === 0) issues.push({ kind: 'noCollect', loopId: n.id });
    if (collectIds.length > 1) issues.push({ kind: 'manyCollects', loopId: n.id, collectIds });
    for (const c of collectIds) collectsReached.add(c);
    const collectId = collectIds.length === 1 ? collectIds[0] : undefined;
    // What comes after the collect node runs once: a per-item node that also leads there leaks out.
    const after = new Set<string>();
    const next = [...collects];
    while (next.length) {
      for (const e of out.get(next.pop()!) ?? []) if (!after.has(e.target)) next.push((after.add(e.target), e.target));
    }
    const external = new Set<string>();
    for (const e of graph.edges) {
      if (body.has(e.target) && e.source !== n.id && !body.has(e.source)) external.add(e.source);
      if (body.has(e.source) && after.has(e.target) && !after.has(e.source))
        issues.push({ kind: 'leak', loopId: n.id, nodeId: e.source, edgeId: e.id, target: e.target });
      if (collectId && e.target === collectId && e.source !== n.id && !body.has(e.source))
        issues.push({ kind: 'collectOutsideInput', loopId: n.id, collectId, edgeId: e.id, source: e.source });
    }
    for (const id of body) {
      if (controlOf(id) === 'loop') issues.push({ kind: 'nested', loopId: n.id, innerId: id });
      loopOf.set(id, n.id);
    }
    const sorted = [...body].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    loops.set(n.id, { loopId: n.id, collectId, body: sorted, externalDeps: [...external] });
  }
  for (const n of graph.nodes)
    if (controlOf(n.id) === 'collect' && !collectsReached.has(n.id)) issues.push({ kind: 'collectWithoutLoop', collectId: n.id });
  return { loops, loopOf, issues };
}
