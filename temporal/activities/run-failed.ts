import { createHash } from 'node:crypto';
import type { ActivityDeps } from './index';
import { runWorkflowId } from '../shared';
import { channelSends, sendNotices, type NoticeChannels } from './notices';

/** A bot's "on failure" setting (Bot.onFailure): another bot to run with the failed run's details, and channels to tell. */
export interface OnFailureSetting {
  botId?: string;
  notify?: NoticeChannels;
}

const noEmail = {
  async send(): Promise<never> {
    throw Object.assign(new Error('Email is not configured on this server. An administrator sets BOT_MANAGER_SMTP_URL.'), {
      code: 'EMAIL_NOT_CONFIGURED',
    });
  },
};

/** One on-failure run per failed run, whatever retries happen. */
const onFailureRunId = (failedRunId: string) => `run_of${createHash('sha256').update(failedRunId).digest('hex').slice(0, 22)}`;

/**
 * After a run failed: tells the bot's on-failure channels and creates the on-failure bot's run
 * (the workflow starts it; it goes on by itself). An on-failure run that fails starts nothing: no
 * chains of failure runs.
 */
export async function runFailed({ runId }: { runId: string }, deps: ActivityDeps): Promise<{ onFailureRunId?: string }> {
  const { repos } = deps;
  const run = await repos.runs.get(runId);
  if (!run || run.trigger === 'onFailure') return {};
  const bot = await repos.bots.get(run.botId);
  const setting = (bot?.onFailure ?? null) as OnFailureSetting | null;
  if (!bot || !setting) return {};
  const error = (run.error ?? {}) as { code?: string; message?: string; nodeId?: string };
  const failedNodes = (await repos.runs.nodesForDisplay(runId, 0))
    .filter((n) => n.status === 'failed')
    .map((n) => ({ nodeId: n.nodeId, type: n.type, error: n.error }));
  const details = {
    runId,
    botId: bot.id,
    botName: bot.name,
    trigger: run.trigger,
    error: { code: error.code ?? 'RUN_FAILED', message: error.message ?? 'The run failed.', nodeId: error.nodeId ?? null },
    failedNodes,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
  if (setting.notify) {
    const notice = {
      title: `A run of "${bot.name}" failed`,
      content: `${details.error.message}\nRun ${runId}`,
      event: 'run.failed',
      data: { runId, botId: bot.id, botName: bot.name, error: details.error },
    };
    const failures = await sendNotices(
      { fetch: deps.fetch, email: deps.email ?? noEmail, secrets: deps.secrets },
      { id: runId, workspaceId: run.workspaceId, botId: bot.id, userId: run.userId },
      channelSends(setting.notify, notice, `run-failed:${runId}`),
    );
    for (const f of failures) deps.log?.('an on-failure notice could not be sent', { runId, channel: f.channel, code: f.code });
  }
  if (!setting.botId) return {};
  const id = onFailureRunId(runId);
  if (await repos.runs.get(id)) return { onFailureRunId: id };
  const target = await repos.bots.get(setting.botId);
  // A bot of another workspace, or one deleted since, runs nothing.
  const version = target && target.workspaceId === run.workspaceId ? await repos.bots.version(target.id, target.currentVersion) : null;
  if (!target || !version) {
    deps.log?.('the on-failure bot no longer exists', { runId, botId: setting.botId });
    return {};
  }
  await repos.runs.create({
    id,
    botId: target.id,
    botVersionId: version.id,
    version: version.version,
    workspaceId: run.workspaceId,
    userId: run.userId,
    trigger: 'onFailure',
    input: details,
    workflowId: runWorkflowId(id),
    parentRunId: runId,
  });
  return { onFailureRunId: id };
}
