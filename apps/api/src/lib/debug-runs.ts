import { planPartialRun, type Graph } from '@bm/graph';
import { graphLoops } from '@bm/nodes';
import type { AppDeps } from '../deps';
import { apiError } from './errors';

/** What a start asked for beyond a plain run (POST /api/bots/:id/runs). */
export interface DebugRunRequest {
  startAt?: string;
  only?: boolean;
  reuseRunId?: string;
  /** Already decided by the caller: true only for an editor run (a signed-in session). */
  usePinned: boolean;
}

/** The outputs a debug run reuses and where each comes from; null when the run reuses nothing. */
export interface ReusePlan {
  startAt?: string;
  only: boolean;
  copies: { nodeId: string; fromId: string; fromRunId: string }[];
  pinned: { nodeId: string; type: string }[];
}

/**
 * Decides, before the run exists, which nodes a debug run executes and which outputs stand in for
 * the others: a pin (editor runs only), else the node's output in `reuseRunId`, else its latest
 * recorded output among the bot's runs. An output an executing node reads that exists nowhere is a
 * 422 naming the node. Only ids are decided here: the outputs are copied database-side.
 */
export async function planReuse(deps: AppDeps, botId: string, graph: Graph, req: DebugRunRequest): Promise<ReusePlan | null> {
  const { repos } = deps.services;
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  if (req.startAt && !types.has(req.startAt))
    throw apiError(422, 'DEBUG_RUN', { key: 'DEBUG_RUN.startNodeMissing', params: { nodeId: req.startAt } });
  // A node inside a loop runs per item: running "from" it runs its whole loop, from the loop node.
  if (req.startAt) {
    const loopId = graphLoops(graph).loopOf.get(req.startAt);
    if (loopId) req = { ...req, startAt: loopId, only: false };
  }
  if (req.reuseRunId) {
    const run = await repos.runs.get(req.reuseRunId);
    if (!run || run.botId !== botId)
      throw apiError(422, 'DEBUG_RUN', { key: 'DEBUG_RUN.reuseRunMissing', params: { runId: req.reuseRunId } });
  }
  const pinnedIds = req.usePinned ? await repos.pins.nodeIds(botId) : new Set<string>();
  const pinnedInGraph = new Set([...pinnedIds].filter((id) => types.has(id)));
  if (!req.startAt && !pinnedInGraph.size) return null;
  const { reuse, needed } = planPartialRun(graph, { startAt: req.startAt, only: req.only, pinned: pinnedInGraph });
  const fromPins = reuse.filter((id) => pinnedInGraph.has(id));
  const fromRuns = reuse.filter((id) => !pinnedInGraph.has(id));
  const found = fromRuns.length
    ? await repos.nodeRuns.reusableOutputs(botId, fromRuns, { fromRunId: req.reuseRunId, pinned: req.usePinned })
    : [];
  const have = new Set([...fromPins, ...found.map((f) => f.nodeId)]);
  const missing = needed.find((id) => !have.has(id));
  if (missing)
    throw apiError(422, 'DEBUG_RUN', {
      key: 'DEBUG_RUN.upstreamMissing',
      params: { nodeId: missing, pinned: req.usePinned ? 'no' : 'yes' },
      details: [{ nodeId: missing, code: 'UPSTREAM_OUTPUT_MISSING', key: 'DEBUG_RUN.upstreamMissing', params: { nodeId: missing } }],
    });
  return {
    startAt: req.startAt,
    only: req.only === true,
    copies: found.map((f) => ({ nodeId: f.nodeId, fromId: f.id, fromRunId: f.runId })),
    pinned: fromPins.map((nodeId) => ({ nodeId, type: types.get(nodeId)! })),
  };
}
