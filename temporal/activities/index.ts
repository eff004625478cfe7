import { validateBotGraph, type NodeContext } from '@bm/nodes';
import type { ClaimedRun, Repositories, RunEventBus } from '@bm/db';
import { classifyDbError } from '@bm/db/errors';
import type { CallLlmRequest, LlmResult } from '@bm/llm';
import type { BotActivities, RunPlan } from '../shared';
import { toActivityFailure } from './failure';
import { RunCache, type LoadedRun } from './run-cache';
import { budgetExceeded } from './budget-guard';
import { patientRepositories } from './patient-repos';
import { runNode } from './run-node';
import type { SecretResolver } from './node-secrets';
import { runEventRecorder } from './run-events';
import { ERROR_PORT, planPartialRun } from '@bm/graph';
import { completeNode } from './complete-node';
import { runFailed } from './run-failed';
import { skipDisabledNode } from './disabled-node';

const UPSTREAM_FAILED = { code: 'UPSTREAM_FAILED', message: 'Skipped because an upstream node failed.', key: 'run.upstreamFailed' };
const BRANCH_NOT_TAKEN = { code: 'BRANCH_NOT_TAKEN', message: 'Skipped: the way it is on was not taken.', key: 'run.branchNotTaken' };

export { buildPlan } from './plan';
export { toActivityFailure, toFailureInfo, type FailureInfo } from './failure';
export type { SecretResolver } from './node-secrets';
export type { LoadedRun } from './run-cache';

export interface ActivityDeps {
  repos: Repositories;
  llm: { callLLM(req: CallLlmRequest): Promise<LlmResult> };
  /** The SSRF-guarded fetch (packages/net). Nodes never use the global fetch. */
  fetch: typeof fetch;
  email?: NodeContext['email'];
  log?: (msg: string, data?: Record<string, unknown>) => void;
  /** Outputs larger than this fail the node instead of bloating the database. */
  maxOutputBytes?: number;
  /** The node limit (BOT_MANAGER_MAX_NODES): checked again before a schedule's run (the API checks the runs it starts). */
  maxNodes?: number;
  /** Workspace secrets for `{{ secrets.NAME }}` (decrypted in memory inside the node's activity). */
  secrets?: SecretResolver;
  /** Live readers of runs (GET /api/runs/:id/events): told of each recorded event, and of streamed LLM text. */
  events?: RunEventBus;
  /** BOT_MANAGER_PUBLIC_URL: where people open the app (a flow.approval's signed links); unset: no links are sent. */
  publicUrl?: string;
}

export function createActivities(deps: ActivityDeps): BotActivities {
  // Every database call of every activity waits out an outage instead of failing the attempt.
  const repos = patientRepositories(deps.repos, { log: deps.log });
  const maxOutputBytes = deps.maxOutputBytes ?? 10 * 1024 * 1024;
  const cache = new RunCache();
  const events = runEventRecorder(repos, deps.events, deps.log);

  const versionOf = (versionId: string) =>
    cache.version(versionId, async () => {
      const graph = await repos.bots.versionGraph(versionId);
      if (graph === null)
        throw Object.assign(new Error('The bot version of this run no longer exists.'), { code: 'RUN_NOT_FOUND', retryable: false });
      return graph;
    });

  const remember = async (run: Omit<ClaimedRun, 'status' | 'resumedFromId'>): Promise<LoadedRun> => {
    const version = await versionOf(run.botVersionId);
    return cache.remember({
      id: run.id,
      botId: run.botId,
      workspaceId: run.workspaceId,
      userId: run.userId,
      input: run.input ?? undefined,
      graph: version.graph,
      loops: version.loops,
      outputs: new Map(),
    });
  };

  /** The run's fixed facts: from memory while it runs here, else one read (another worker prepared it). */
  async function loadRun(runId: string): Promise<LoadedRun> {
    const hit = cache.run(runId);
    if (hit) return hit;
    const run = await repos.runs.get(runId);
    if (!run) throw Object.assign(new Error(`Run ${runId} does not exist.`), { code: 'RUN_NOT_FOUND', retryable: false });
    return remember(run);
  }

  async function createScheduledRun(scheduleId: string, workflowId: string): Promise<string> {
    const existing = await repos.runs.findByWorkflowId(workflowId);
    if (existing) return existing.id;
    const schedule = await repos.schedules.get(scheduleId);
    if (!schedule)
      throw Object.assign(new Error(`Schedule ${scheduleId} no longer exists.`), { code: 'SCHEDULE_NOT_FOUND', retryable: false });
    const bot = await repos.bots.get(schedule.botId);
    const version = bot && (await repos.bots.version(bot.id, bot.currentVersion));
    if (!bot || !version)
      throw Object.assign(new Error('The scheduled bot no longer exists.'), { code: 'BOT_NOT_FOUND', retryable: false });
    const run = await repos.runs.create({
      botId: bot.id,
      botVersionId: version.id,
      version: version.version,
      workspaceId: bot.workspaceId,
      userId: schedule.createdById,
      trigger: 'schedule',
      input: schedule.input ?? undefined,
      workflowId,
    });
    return run.id;
  }

  /** A graph checked when its run was created (every API start) is not checked again: only schedule firings are. */
  async function validateScheduled(run: LoadedRun): Promise<{ code: string; message: string } | undefined> {
    const bot = await repos.bots.get(run.botId);
    const result = await validateBotGraph(run.graph, {
      repos,
      userId: run.userId,
      workspaceId: run.workspaceId,
      botConnectionId: bot?.llmConnectionId ?? null,
      maxNodes: deps.maxNodes,
    });
    if (result.ok) return undefined;
    const error = {
      code: 'INVALID_GRAPH',
      message: `The bot cannot run: ${result.errors.map((e) => e.message).join(' ')}`,
      key: 'run.cannotRun',
      params: { first: result.errors[0]?.message ?? '', more: result.errors.length - 1 },
    };
    await repos.runs.finish(run.id, 'failed', { ...error, details: result.errors });
    events.recorded(run.id);
    return error;
  }

  /**
   * A schedule's run of a bot whose `stop` budget is spent is skipped before it starts, with the
   * reason recorded (cancelled, not failed: nothing went wrong), until the period resets or the
   * limit is raised.
   */
  async function skipWhenBudgetSpent(run: LoadedRun) {
    const budget = await repos.budgets.exhausted({ workspaceId: run.workspaceId, botId: run.botId });
    if (!budget) return undefined;
    const spent = await repos.budgets.spend(budget);
    const e = budgetExceeded(budget, spent.settledUsd);
    const error = { code: e.code, message: `Skipped: ${e.message}`, key: e.key, params: e.params };
    await repos.runs.finish(run.id, 'cancelled', error);
    events.recorded(run.id);
    return error;
  }

  async function prepareRun({ runId, scheduleId, workflowId }: Parameters<BotActivities['prepareRun']>[0]): Promise<RunPlan> {
    const id = runId ?? (await createScheduledRun(scheduleId!, workflowId));
    // One statement takes the run (queued → running) and reads it. Already final (e.g. marked
    // failed when the start call timed out although the workflow did start, or cancelled
    // meanwhile): never execute it behind the recorded state.
    const claimed = await repos.runs.claim(id);
    if (!claimed) throw Object.assign(new Error(`Run ${id} does not exist.`), { code: 'RUN_NOT_FOUND', retryable: false });
    if (claimed.status !== 'running') {
      return {
        runId: id,
        nodes: [],
        reused: [],
        error: {
          code: 'RUN_FINISHED',
          message: `The run was already ${claimed.status} before it started.`,
          key: 'run.alreadyFinished',
          params: { status: claimed.status },
        },
      };
    }
    const run = await remember(claimed);
    if (scheduleId) {
      const error = (await validateScheduled(run)) ?? (await skipWhenBudgetSpent(run));
      if (error) return { runId: id, nodes: [], reused: [], error };
    }
    events.recorded(id);
    const version = await versionOf(claimed.botVersionId);
    const rows = claimed.reuses || claimed.resumedFromId ? await repos.nodeRuns.reusedIn(id) : [];
    const reused = rows.map((r) => r.nodeId);
    const reusedPorts = Object.fromEntries(rows.filter((r) => Array.isArray(r.ports)).map((r) => [r.nodeId, r.ports as string[]]));
    const pinned = new Set(rows.filter((r) => r.reusedFrom === 'pinned').map((r) => r.nodeId));
    if (!claimed.startAt && !pinned.size) return { runId: id, nodes: version.plan, reused, reusedPorts };
    // A debug run: what executes is decided as the API decided it (planPartialRun over the same
    // graph, start node and pins); the outputs it reads were copied in (reused). The rest of the
    // graph is not part of the run.
    const { execute } = planPartialRun(version.graph, { startAt: claimed.startAt, only: claimed.onlyStartAt, pinned });
    const inRun = new Set([...execute, ...reused]);
    const nodes = version.plan.filter((n) => inRun.has(n.id)).map((n) => ({ ...n, deps: n.deps.filter((d) => inRun.has(d)) }));
    return { runId: id, nodes, reused, reusedPorts };
  }

  const activities: BotActivities = {
    prepareRun,

    runNode: (input) =>
      runNode(input, {
        ...deps,
        repos,
        loadRun,
        maxOutputBytes,
        record: events,
        keepOutput: (runId, nodeId, output, bytes) => cache.keepOutput(runId, nodeId, output, bytes),
      }),

    async recordNodeFailure({ runId, failure, continued, item = -1, routed }) {
      if (!(await repos.runs.get(runId))) return; // the bot (and its runs) was deleted meanwhile
      const { nodeId, ...error } = failure;
      await repos.nodeRuns.failFinal(runId, nodeId, { ...error, continued }, continued, item, routed ? [ERROR_PORT] : undefined);
      await events.nodes(runId, [{ nodeId, ...(item >= 0 ? { item } : {}), status: 'failed' }]);
    },

    async settleNodes({ runId, nodes, item = -1 }) {
      if (!(await repos.runs.get(runId))) return;
      const run = await loadRun(runId);
      const types = new Map(run.graph.nodes.map((n) => [n.id, n.type]));
      await repos.nodeRuns.settle(
        runId,
        nodes.map((n) => ({
          nodeId: n.nodeId,
          item,
          type: types.get(n.nodeId) ?? 'unknown',
          status: n.status,
          error: n.status !== 'skipped' ? undefined : n.reason === 'branch' ? BRANCH_NOT_TAKEN : UPSTREAM_FAILED,
        })),
      );
      await events.nodes(
        runId,
        nodes.map((n) => ({ nodeId: n.nodeId, ...(item >= 0 ? { item } : {}), status: n.status })),
      );
    },

    completeNode: (input) =>
      completeNode(input, { repos, loadRun, events, keepOutput: (id, key, o, b) => cache.keepOutput(id, key, o, b) }),

    skipDisabledNode: (input) =>
      skipDisabledNode(input, { repos, loadRun, events, keepOutput: (id, key, o, b) => cache.keepOutput(id, key, o, b) }),

    runFailed: (input) => runFailed(input, { ...deps, repos }),

    async finishRun({ runId, workflowId, status, error }) {
      // A scheduled run cancelled before prepareRun has no id yet: find it by workflow id, if it exists.
      const id = runId || (await repos.runs.findByWorkflowId(workflowId))?.id;
      if (id && (await repos.runs.finish(id, status, error)).count) events.recorded(id);
      // A run that ended leaves nothing to decide: its links stop working, the inbox stops asking.
      if (id) await repos.approvals.cancelOpen(id);
      cache.forget(runId);
    },
  };
  // Every failure leaves through the one normaliser: typed errors (a deleted bot or schedule, a
  // constraint error) fail at once instead of being retried for minutes; unknown ones are retried.
  // A database error reaches users as a plain sentence (its own text quotes our files and queries):
  // the original goes to the server log.
  const normalised =
    <I, O>(name: string, fn: (input: I) => Promise<O>): ((input: I) => Promise<O>) =>
    (input) =>
      fn(input).catch((err: unknown) => {
        if (classifyDbError(err))
          deps.log?.(`${name}: database error`, { err: String((err as Error)?.stack ?? err), cause: (err as { cause?: unknown })?.cause });
        return Promise.reject(toActivityFailure(err));
      });
  return {
    prepareRun: normalised('prepareRun', activities.prepareRun),
    runNode: normalised('runNode', activities.runNode),
    recordNodeFailure: normalised('recordNodeFailure', activities.recordNodeFailure),
    settleNodes: normalised('settleNodes', activities.settleNodes),
    completeNode: normalised('completeNode', activities.completeNode),
    skipDisabledNode: normalised('skipDisabledNode', activities.skipDisabledNode),
    runFailed: normalised('runFailed', activities.runFailed),
    finishRun: normalised('finishRun', activities.finishRun),
  };
}
