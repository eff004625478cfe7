import type { Bot, RunTrigger } from '@bm/db';
import { runWorkflowId } from '@bm/temporal/shared';
import type { AppDeps } from '../deps';
import { HttpError } from './errors';
import { validGraphOr422 } from './graph';

/**
 * Creates a run of the bot's current version and starts its workflow. The graph is validated
 * again first (a connection may have been deactivated since it was saved).
 */
export async function startBotRun(
  deps: AppDeps,
  bot: Bot,
  opts: { userId: string; trigger: RunTrigger; input?: unknown; version?: number; resumedFromId?: string; copyFrom?: string },
) {
  const { repos } = deps.services;
  const version = await repos.bots.version(bot.id, opts.version ?? bot.currentVersion);
  if (!version) throw new HttpError(409, 'VERSION_MISSING', 'The bot version to run no longer exists.');
  await validGraphOr422(deps, version.graph, { userId: opts.userId, workspaceId: bot.workspaceId, botConnectionId: bot.llmConnectionId });
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
  });
  if (opts.copyFrom) await repos.nodeRuns.copySucceeded(opts.copyFrom, runId);
  try {
    await deps.scheduler.startRun(runId);
  } catch (err) {
    const error = { code: 'TEMPORAL_UNAVAILABLE', message: 'The run could not be queued: the workflow service is unreachable. Try again shortly.' };
    await repos.runs.finish(runId, 'failed', error);
    deps.services.logger.error({ err, runId }, 'starting the run workflow failed');
    throw new HttpError(503, error.code, error.message);
  }
  return runId;
}
