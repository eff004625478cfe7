import type { GraphEdge } from './schema';

/** The minimum of a graph the ordering helpers need (validated or not). */
export interface GraphShape {
  nodes: readonly { id: string }[];
  edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target' | 'sourceHandle' | 'targetHandle'>[];
}

export class GraphCycleError extends Error {
  readonly code = 'CYCLE';
  constructor(readonly nodeIds: string[]) {
    super(`The graph has a cycle through: ${nodeIds.join(' → ')}`);
    this.name = 'GraphCycleError';
  }
}

interface Adjacency {
  ids: string[];
  index: Map<string, number>;
  out: number[][];
  inn: number[][];
}

/** Edges whose endpoints are unknown are ignored here (validation reports them). */
function adjacency(graph: GraphShape): Adjacency {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const n of graph.nodes) {
    if (index.has(n.id)) continue;
    index.set(n.id, ids.length);
    ids.push(n.id);
  }
  const out: number[][] = ids.map(() => []);
  const inn: number[][] = ids.map(() => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    out[s]!.push(t);
    inn[t]!.push(s);
  }
  return { ids, index, out, inn };
}

/**
 * Kahn's algorithm; among ready nodes the one listed first in `graph.nodes` goes first, so the
 * order is stable across saves. Throws GraphCycleError when not every node can be ordered.
 */
export function topologicalOrder(graph: GraphShape): string[] {
  const { ids, out, inn } = adjacency(graph);
  const indegree = inn.map((l) => l.length);
  // ids.length is small (≤ maxNodes), so a sorted ready-list beats a heap in simplicity.
  const ready: number[] = [];
  indegree.forEach((d, i) => d === 0 && ready.push(i));
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const n = ready.shift()!;
    order.push(ids[n]!);
    for (const t of out[n]!) {
      indegree[t]! -= 1;
      if (indegree[t] === 0) ready.push(t);
    }
  }
  if (order.length < ids.length) {
    throw new GraphCycleError(findCycles(graph)[0] ?? ids.filter((id) => !order.includes(id)));
  }
  return order;
}

/**
 * Groups nodes into levels: a node's level is one more than its deepest predecessor, so every
 * node of a level can run in parallel once the previous levels finished. Stable within a level.
 */
export function executionLevels(graph: GraphShape): string[][] {
  const order = topologicalOrder(graph);
  const { index, inn, ids } = adjacency(graph);
  const level = new Array<number>(ids.length).fill(0);
  for (const id of order) {
    const i = index.get(id)!;
    for (const p of inn[i]!) level[i] = Math.max(level[i]!, level[p]! + 1);
  }
  const levels: string[][] = [];
  ids.forEach((id, i) => {
    (levels[level[i]!] ??= []).push(id);
  });
  return levels;
}

function reach(graph: GraphShape, nodeId: string, dir: 'up' | 'down'): string[] {
  const { ids, index, out, inn } = adjacency(graph);
  const start = index.get(nodeId);
  if (start === undefined) return [];
  const next = dir === 'up' ? inn : out;
  const seen = new Set<number>();
  const stack = [...next[start]!];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...next[n]!);
  }
  return ids.filter((_, i) => seen.has(i));
}

/** Every node with a path to `nodeId` (not itself unless it sits on a cycle), in graph order. */
export function upstreamOf(graph: GraphShape, nodeId: string): string[] {
  return reach(graph, nodeId, 'up');
}

/** Every node reachable from `nodeId`, in graph order (what a failure of `nodeId` blocks). */
export function downstreamOf(graph: GraphShape, nodeId: string): string[] {
  return reach(graph, nodeId, 'down');
}

/** Edges into `nodeId`, in edge order. */
export function incomingEdges<E extends GraphShape['edges'][number]>(graph: { edges: readonly E[] }, nodeId: string): E[] {
  return graph.edges.filter((e) => e.target === nodeId);
}

/**
 * One concrete cycle (as a node path, first node not repeated) per strongly connected component
 * that has one, using Tarjan's algorithm (iterative: no recursion limit on big graphs).
 */
export function findCycles(graph: GraphShape): string[][] {
  const { ids, out } = adjacency(graph);
  const n = ids.length;
  const idx = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root += 1) {
    if (idx[root] !== -1) continue;
    const work: { v: number; edge: number }[] = [{ v: root, edge: 0 }];
    idx[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = out[frame.v]!;
      if (frame.edge < succ.length) {
        const w = succ[frame.edge++]!;
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, edge: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v]!, idx[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!);
      if (low[frame.v] === idx[frame.v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp.push(w);
        } while (w !== frame.v);
        const selfLoop = comp.length === 1 && out[comp[0]!]!.includes(comp[0]!);
        if (comp.length > 1 || selfLoop) components.push(comp);
      }
    }
  }
  return components.map((comp) => cyclePath(comp, out).map((i) => ids[i]!)).sort((a, b) => ids.indexOf(a[0]!) - ids.indexOf(b[0]!));
}

/** A shortest cycle through the component's first node (graph order), found by BFS. */
function cyclePath(comp: number[], out: number[][]): number[] {
  const members = new Set(comp);
  const start = Math.min(...comp);
  const parent = new Map<number, number>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of out[v]!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return comp;
}
