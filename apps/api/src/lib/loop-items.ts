import type { Graph } from '@bm/graph';
import { graphLoops } from '@bm/nodes';
import type { RunLoopItems } from '@bm/contract';

type ItemStatus = RunLoopItems['items'][number]['status'];

/** An item's state from its node runs: failed beats running beats cancelled; all skipped is skipped. */
function itemStatus(statuses: string[]): ItemStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.some((s) => s === 'running' || s === 'waiting' || s === 'pending')) return 'running';
  if (statuses.includes('cancelled')) return 'cancelled';
  if (statuses.every((s) => s === 'skipped')) return 'skipped';
  return 'succeeded';
}

/** Groups a run's item rows by the loop their node belongs to. */
export function loopItems(graph: Graph, rows: { nodeId: string; item: number; status: string }[]): RunLoopItems[] {
  const { loops, loopOf } = graphLoops(graph);
  const byLoop = new Map<string, Map<number, string[]>>([...loops.keys()].map((id) => [id, new Map()]));
  for (const r of rows) {
    const loop = loopOf.get(r.nodeId);
    const items = loop ? byLoop.get(loop) : undefined;
    if (!items) continue;
    (items.get(r.item) ?? items.set(r.item, []).get(r.item)!).push(r.status);
  }
  return [...byLoop].map(([nodeId, items]) => ({
    nodeId,
    items: [...items].sort(([a], [b]) => a - b).map(([item, statuses]) => ({ item, status: itemStatus(statuses) })),
  }));
}
