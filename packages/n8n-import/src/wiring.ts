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
  // Depth-first without recursion (a chain may be thousands of nodes long).
  const visit = (root: string) => {
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const e = (out.get(top.id) ?? [])[top.next++];
      if (!e) {
        state.set(top.id, 'done');
        stack.pop();
      } else if (state.get(e.target) === 'open') back.add(e);
      else if (!state.has(e.target)) {
        state.set(e.target, 'open');
        stack.push({ id: e.target, next: 0 });
      }
    }
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
