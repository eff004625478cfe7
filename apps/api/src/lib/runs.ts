import type { Bot, RunTrigger } from '@bm/db';
import { runWorkflowId } from '@bm/temporal/shared';
import type { AppDeps } from '../deps';
import { apiError } from './errors';
import { validGraphOr422 } from './graph';
import { requireWithinPlan } from './plans';
import { planReuse, type DebugRunRequest } from './debug-runs';

/**
 * Creates a run of the bot's current version and starts its workflow. The graph is validated
 * again first (a connection may have been deactivated since it was saved).
 */
export async function startBotRun(
  deps: AppDeps,
  bot: Bot,
  opts: {
    userId: string;
    trigger: RunTrigger;
    input?: unknown;
    version?: number;
    resumedFromId?: string;
    /** A re-run of this run (POST /api/runs/:id/rerun). */
    rerunOfId?: string;
    copyFrom?: string;
    /** Run from a node / reuse outputs / use pins (POST /api/bots/:id/runs). */
    debug?: DebugRunRequest;
  },
) {
  const { repos } = deps.services;
  await requireWithinPlan(deps, bot.workspaceId, 'runsPerMonth');
  const version = await repos.bots.version(bot.id, opts.version ?? bot.currentVersion);
  if (!version) throw apiError(409, 'VERSION_MISSING');
  const graph = await validGraphOr422(deps, version.graph, {
    userId: opts.userId,
    workspaceId: bot.workspaceId,
    botConnectionId: bot.llmConnectionId,
  });
  const reuse = opts.debug ? await planReuse(deps, bot.id, graph, opts.debug) : null;
  const runId = repos.runs.newId();
  await repos.runs.create({
    id: runId,
    botId: bot.id,
    botVersionId: version.id,
    version: version.version,
    workspaceId: bot.workspaceId,
    userId: opts.userId,
    trigger: opts.trigger,
    input: opts.input,
    workflowId: runWorkflowId(runId),
    resumedFromId: opts.resumedFromId,
    rerunOfId: opts.rerunOfId,
    startAt: reuse?.startAt,
    onlyStartAt: reuse?.only,
    reuses: reuse !== null || opts.copyFrom !== undefined,
  });
  // The reused outputs are in place before the workflow starts; each is announced like a finished node.
  let reused: { nodeId: string; reusedFrom: { runId: string } | 'pinned' }[] = [];
  if (opts.copyFrom) {
    const from = { runId: opts.copyFrom };
    reused = (await repos.nodeRuns.copySucceeded(opts.copyFrom, runId)).map((nodeId) => ({ nodeId, reusedFrom: from }));
  }
  if (reuse) {
    await repos.nodeRuns.reuseInto(runId, bot.id, reuse);
    reused = (await repos.nodeRuns.reusedIn(runId)).map((r) => ({
      nodeId: r.nodeId,
      reusedFrom: r.reusedFrom as { runId: string } | 'pinned',
    }));
  }
  if (reused.length)
    await repos.runEvents.append(
      runId,
      reused.map((r) => ({ type: 'node' as const, data: { nodeId: r.nodeId, status: 'succeeded', reusedFrom: r.reusedFrom } })),
    );
  try {
    await deps.scheduler.startRun(runId);
  } catch (err) {
    const error = apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.queueRun' });
    // Stored with its catalogue key: the web shows it in the reader's language (see error-text.ts).
    await repos.runs.finish(runId, 'failed', { code: error.code, message: error.message, key: error.key });
    deps.services.logger.error({ err, runId }, 'starting the run workflow failed');
    throw error;
  }
  return runId;
}
