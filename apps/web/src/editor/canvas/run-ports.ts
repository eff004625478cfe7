import { ERROR_PORT } from '@bm/graph';
import type { NodeRun } from '@bm/contract';
import type { BotFlowEdge } from '../store/flow-types';

/**
 * Whether a finished node's run sent data out of `handle`: the outputs a branching node took are
 * its `ports`; without them every output but the error one carried it. Undefined: not decided yet.
 */
export function portTaken(run: NodeRun | undefined, handle: string | null | undefined): boolean | undefined {
  if (!run || !handle || (run.status !== 'succeeded' && run.status !== 'failed')) return undefined;
  if (run.ports) return run.ports.includes(handle);
  return handle === ERROR_PORT ? false : undefined;
}

/** Why a skipped node was skipped, from the edges into it: a branch not taken, or nothing upstream reached it. */
export function skipReason(nodeId: string, edges: readonly BotFlowEdge[], runNodes: Record<string, NodeRun>): 'branch' | 'upstream' {
  const incoming = edges.filter((e) => e.target === nodeId);
  const notTaken = incoming.some((e) => portTaken(runNodes[e.source], e.sourceHandle) === false);
  return notTaken ? 'branch' : 'upstream';
}
