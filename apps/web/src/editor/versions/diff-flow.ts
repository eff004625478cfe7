import type { GraphInput as Graph } from '@bm/contract';
import { diffGraphs, type GraphDiff } from '@bm/graph';
import { graphToFlow } from '../store/graph-convert';
import type { BotFlowEdge, BotFlowNode } from '../store/flow-types';

export type DiffMark = 'added' | 'removed' | 'changed';

/**
 * The canvas of a diff: every node of `after`, plus the nodes only `before` had (where they were),
 * each marked added, removed or changed; edges likewise. The diff itself is @bm/graph's, the same
 * function the API's history summaries come from.
 */
export function diffFlow(before: Graph, after: Graph): { diff: GraphDiff; nodes: BotFlowNode[]; edges: BotFlowEdge[] } {
  const diff = diffGraphs(before, after);
  const marks = new Map<string, DiffMark>();
  for (const n of diff.nodes.added) marks.set(n.id, 'added');
  for (const n of diff.nodes.changed) marks.set(n.id, 'changed');
  for (const n of diff.nodes.removed) marks.set(n.id, 'removed');
  const now = graphToFlow(after);
  const old = graphToFlow(before);
  const removedIds = new Set(diff.nodes.removed.map((n) => n.id));
  const mark = (n: BotFlowNode): BotFlowNode => {
    const m = marks.get(n.id);
    return m ? { ...n, className: `diff-${m}` } : n;
  };
  const nodes = [...now.nodes.map(mark), ...old.nodes.filter((n) => removedIds.has(n.id)).map(mark)];
  const addedEdges = new Set(diff.edges.added.map((e) => e.id));
  const removedEdges = new Set(diff.edges.removed.map((e) => e.id));
  const edges = [
    ...now.edges.map((e) => (addedEdges.has(e.id) ? { ...e, className: 'diff-added' } : e)),
    ...old.edges.filter((e) => removedEdges.has(e.id)).map((e) => ({ ...e, id: `removed:${e.id}`, className: 'diff-removed' })),
  ];
  return { diff, nodes, edges };
}
