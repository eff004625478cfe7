import type { GraphShape } from './topology';

/** What a node receives from the nodes wired into it. */
export interface NodeInputs {
  /** Upstream outputs in edge order (one per incoming edge). */
  all: unknown[];
  /** Upstream outputs by source node id. */
  byNode: Record<string, unknown>;
  /** Upstream outputs by input port (the edge's targetHandle, or `defaultPort`). */
  byPort: Record<string, unknown[]>;
}

/**
 * Builds a node's inputs from the outputs recorded so far. Sources without a recorded output are
 * left out; a source that failed with continue-on-failure is included, its output being `{ error }`.
 */
export function collectNodeInputs(
  graph: GraphShape,
  nodeId: string,
  outputs: Record<string, { output: unknown }>,
  defaultPort = 'in',
): NodeInputs {
  const inputs: NodeInputs = { all: [], byNode: {}, byPort: {} };
  for (const e of graph.edges) {
    if (e.target !== nodeId || !Object.prototype.hasOwnProperty.call(outputs, e.source)) continue;
    const output = outputs[e.source]!.output;
    inputs.all.push(output);
    inputs.byNode[e.source] = output;
    (inputs.byPort[e.targetHandle ?? defaultPort] ??= []).push(output);
  }
  return inputs;
}
