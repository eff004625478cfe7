import type { GraphEdge } from '@bm/graph';

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(key(it));
    if (list) list.push(it);
    else m.set(key(it), [it]);
  }
  return m;
}

/** The edges that close a loop (back edges of a depth-first walk from each node, in order). */
export function loopEdges(edges: readonly GraphEdge[], nodeIds: readonly string[]): Set<GraphEdge> {
  const out = groupBy(edges, (e) => e.source);
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<GraphEdge>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.target);
      if (s === 'open') back.add(e);
      else if (s === undefined) visit(e.target);
    }
    state.set(id, 'done');
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);
  return back;
}

/** Every node that runs before `id` (follows edges backwards). */
export function ancestors(edges: readonly GraphEdge[], id: string): Set<string> {
  const into = groupBy(edges, (e) => e.target);
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    for (const e of into.get(stack.pop()!) ?? []) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  return seen;
}
