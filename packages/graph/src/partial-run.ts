import { extractReferences } from './expression/parse';
import { downstreamOf, upstreamOf, type GraphShape } from './topology';

/** The part of a graph a run needs: ids, edges and (for the expressions they hold) params. */
export interface PartialRunGraph extends GraphShape {
  nodes: readonly { id: string; params?: unknown }[];
}

/** Node ids a value's `{{ nodes.<id>… }}` expressions name (a broken expression names none: it fails when rendered). */
export function referencedNodeIds(params: unknown, out = new Set<string>()): Set<string> {
  if (typeof params === 'string') {
    if (params.includes('{{')) {
      try {
        for (const r of extractReferences(params)) if (r.root === 'nodes' && r.nodeId) out.add(r.nodeId);
      } catch {
        // A syntax error surfaces when the node renders its params, with the position.
      }
    }
  } else if (Array.isArray(params)) {
    for (const v of params) referencedNodeIds(v, out);
  } else if (params && typeof params === 'object') {
    for (const v of Object.values(params)) referencedNodeIds(v, out);
  }
  return out;
}

/** What a node reads from earlier nodes: its direct inputs plus the nodes its expressions name. */
export function nodesReadBy(graph: PartialRunGraph, nodeId: string): Set<string> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  const ids = referencedNodeIds(node?.params);
  for (const e of graph.edges) if (e.target === nodeId) ids.add(e.source);
  return ids;
}

/** The nodes a run from `startAt` covers: it and, unless `only`, everything downstream; every node without `startAt`. */
export function runScope(graph: GraphShape, startAt?: string | null, only?: boolean): Set<string> {
  if (!startAt) return new Set(graph.nodes.map((n) => n.id));
  return new Set([startAt, ...(only ? [] : downstreamOf(graph, startAt))]);
}

export interface PartialRun {
  /** Nodes that execute. */
  execute: string[];
  /** Nodes whose recorded output (or pin) stands in for running them. */
  reuse: string[];
  /** Of `reuse`, the outputs an executing node reads: the run cannot start without them. */
  needed: string[];
}

/**
 * Which nodes a debug run executes and which it reuses. The scope (runScope) executes, except
 * pinned nodes — their pin stands in — unless a pinned node is `startAt` itself ("run this node"
 * means run it). Everything upstream of what executes, and what its expressions name, is reused.
 */
export function planPartialRun(
  graph: PartialRunGraph,
  opts: { startAt?: string | null; only?: boolean; pinned?: ReadonlySet<string> },
): PartialRun {
  const pinned = opts.pinned ?? new Set<string>();
  const scope = runScope(graph, opts.startAt, opts.only);
  const executing = new Set(graph.nodes.map((n) => n.id).filter((id) => scope.has(id) && (id === opts.startAt || !pinned.has(id))));
  // A node whose every consumer is pinned (or itself not run) feeds nothing that runs: running it
  // would spend (an LLM call) for nothing. Nodes nothing consumes — outputs — always run.
  const children = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) children.get(e.source)?.push(e.target);
  const readers = new Map<string, Set<string>>();
  for (const n of graph.nodes) for (const r of nodesReadBy(graph, n.id)) readers.set(r, (readers.get(r) ?? new Set()).add(n.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const id of executing) {
      const consumers = new Set([...(children.get(id) ?? []), ...(readers.get(id) ?? [])]);
      if (id === opts.startAt || consumers.size === 0 || [...consumers].some((c) => executing.has(c))) continue;
      executing.delete(id);
      changed = true;
    }
  }
  const execute = graph.nodes.map((n) => n.id).filter((id) => executing.has(id));
  const reuse = new Set<string>();
  const needed = new Set<string>();
  for (const id of execute) {
    for (const r of nodesReadBy(graph, id)) if (!executing.has(r)) needed.add(r);
    for (const up of upstreamOf(graph, id)) if (!executing.has(up)) reuse.add(up);
  }
  for (const id of needed) reuse.add(id);
  // Pinned nodes in scope stand in for themselves; a node left out above is reused when it can be.
  for (const id of scope) if (!executing.has(id) && pinned.has(id)) reuse.add(id);
  const order = graph.nodes.map((n) => n.id);
  return { execute, reuse: order.filter((id) => reuse.has(id)), needed: order.filter((id) => needed.has(id)) };
}
