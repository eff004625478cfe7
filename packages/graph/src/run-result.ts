import { topologicalOrder, type GraphShape } from './topology';

/**
 * The type id of the node that says what a run answers (API.md fixes it): the webhook's
 * `respondNode` mode and a sub-bot's result both read it.
 */
export const RESPOND_NODE_TYPE = 'output.respond';

/** What runResult reads of one recorded node run (loop items excluded: the node's own row). */
export interface RunResultNode {
  nodeId: string;
  status: string;
  output: unknown;
}

/**
 * A run's result, by one rule: the output of the `output.respond` node when it succeeded, else
 * the output of the last succeeded node in topological order (the graph's stable order, so that of
 * two parallel branches the one listed later wins). Undefined when no node succeeded. Pure: the
 * webhook's answer and the sub-bot node compute the same thing from the same records.
 */
export function runResult(
  graph: Omit<GraphShape, 'nodes'> & { nodes: readonly { id: string; type: string }[] },
  nodes: readonly RunResultNode[],
): { nodeId: string; output: unknown } | undefined {
  const succeeded = new Map(nodes.filter((n) => n.status === 'succeeded').map((n) => [n.nodeId, n]));
  const respond = graph.nodes.find((n) => n.type === RESPOND_NODE_TYPE && succeeded.has(n.id));
  if (respond) return pick(succeeded.get(respond.id)!);
  let order: string[];
  try {
    order = topologicalOrder(graph);
  } catch {
    // A stored graph always validated (no cycle); should one slip through, its listed order will do.
    order = graph.nodes.map((n) => n.id);
  }
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const hit = succeeded.get(order[i]!);
    if (hit) return pick(hit);
  }
  return undefined;
}

const pick = (n: RunResultNode) => ({ nodeId: n.nodeId, output: n.output });
