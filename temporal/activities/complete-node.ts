import { RESPOND_NODE_TYPE, runResult, type Graph } from '@bm/graph';
import type { Repositories } from '@bm/db';
import type { CompleteNodeInput, NodeFailure } from '../shared';
import { outputKey, type LoadedRun } from './run-cache';
import type { RunEventRecorder } from './run-events';

interface Deps {
  repos: Repositories;
  loadRun(runId: string): Promise<LoadedRun>;
  events: RunEventRecorder;
  keepOutput(runId: string, key: string, output: unknown, bytes: number): void;
}

/** Outputs this large are not kept in memory (the next node reads them from the database). */
const KEEP_BYTES = 256 * 1024;

/**
 * A run's result as a parent's flow.subbot node receives it (runResult's one rule): the body its
 * output.respond node answers with, or else the output of its last succeeded node.
 */
function childResult(graph: Graph, nodes: { nodeId: string; type: string; status: string; output: unknown }[]): unknown {
  const result = runResult(graph, nodes);
  if (!result) return null;
  const respond = graph.nodes.find((n) => n.id === result.nodeId)?.type === RESPOND_NODE_TYPE;
  return (respond ? (result.output as { body?: unknown } | null)?.body : result.output) ?? null;
}

const APPROVAL_PORT = { approved: 'approved', rejected: 'rejected', timeout: 'timeout' } as const;

/**
 * Completes a flow node once its wait is over: the timer fired, a person decided (or the timeout
 * passed), the other bot's run ended, or every item ran. Returns the ports it takes, or the
 * failure to record (a sub-bot's run that failed).
 */
export async function completeNode(input: CompleteNodeInput, deps: Deps): Promise<{ ports?: string[]; failure?: NodeFailure }> {
  const { runId, nodeId, item = -1, kind } = input;
  const { repos } = deps;
  if (!(await repos.runs.get(runId))) return {}; // the bot (and its runs) was deleted meanwhile
  let ports: string[] | undefined;
  let output: unknown;
  if (kind === 'approval') {
    const approval = await repos.approvals.settle(runId, nodeId, item, input.timedOut === true);
    if (!approval || approval.status === 'pending' || approval.status === 'cancelled')
      throw Object.assign(new Error('The approval has not been decided yet.'), { code: 'APPROVAL_PENDING', retryable: true });
    ports = [APPROVAL_PORT[approval.status]];
    if (approval.decidedPayload !== null) output = approval.decidedPayload;
  }
  if (kind === 'subbot' && input.child) {
    const child = await repos.runs.getForDisplay(input.child.runId, 2_147_483_647);
    if (input.child.status !== 'succeeded' || !child) {
      const error = (child?.error ?? null) as { message?: string } | null;
      const detail = error?.message ?? 'it did not finish.';
      return {
        failure:
          input.child.status === 'cancelled'
            ? { nodeId, code: 'SUBBOT_CANCELLED', message: 'The bot it ran was cancelled.', key: 'node.SUBBOT_CANCELLED' }
            : {
                nodeId,
                code: 'SUBBOT_FAILED',
                message: `The bot it ran failed: ${detail}`,
                key: 'node.SUBBOT_FAILED',
                params: { detail },
              },
      };
    }
    const graph = (await deps.loadRun(child.id)).graph;
    output = childResult(graph, child.nodes);
  }
  if (await repos.nodeRuns.complete(runId, nodeId, item, { ports, output })) {
    deps.events.recorded(runId);
    const kept = output === undefined ? (await repos.nodeRuns.outputs(runId, [nodeId], item))[0]?.output : output;
    const bytes = Buffer.byteLength(JSON.stringify(kept ?? null));
    if (bytes <= KEEP_BYTES) deps.keepOutput(runId, outputKey(nodeId, item), kept ?? null, bytes);
  }
  return ports ? { ports } : {};
}
