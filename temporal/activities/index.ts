import { Context } from '@temporalio/activity';
import { collectNodeInputs, parseGraph, upstreamOf, type Graph } from '@bm/graph';
import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import type { Repositories } from '@bm/db';
import type { CallLlmRequest, LlmResult } from '@bm/llm';
import { scheduleWorkflowId, type BotActivities, type RunPlan } from '../shared';
import { toApplicationFailure, toFailureInfo } from './failure';
import { buildPlan } from './plan';
import { maskCredentials } from './redact-input';
import { validateBotGraph } from './validate';

export { buildPlan } from './plan';
export { validateBotGraph } from './validate';
export { toFailureInfo } from './failure';

export interface ActivityDeps {
  repos: Repositories;
  llm: { callLLM(req: CallLlmRequest): Promise<LlmResult> };
  /** The SSRF-guarded fetch (packages/net). Nodes never use the global fetch. */
  fetch: typeof fetch;
  email?: NodeContext['email'];
  log?: (msg: string, data?: Record<string, unknown>) => void;
  /** Outputs larger than this fail the node instead of bloating the database. */
  maxOutputBytes?: number;
}

interface LoadedRun {
  id: string;
  botId: string;
  workspaceId: string;
  userId: string;
  input: unknown;
  graph: Graph;
}

const noEmail: NodeContext['email'] = {
  async send() {
    throw Object.assign(new Error('Email is not configured on this server. An administrator sets BOT_MANAGER_SMTP_URL.'), {
      code: 'EMAIL_NOT_CONFIGURED',
      retryable: false,
    });
  },
};

export function createActivities(deps: ActivityDeps): BotActivities {
  const { repos } = deps;
  const maxOutputBytes = deps.maxOutputBytes ?? 10 * 1024 * 1024;
  // A run's version graph and input are immutable: cache them across the run's node activities.
  const runCache = new Map<string, LoadedRun>();

  async function loadRun(runId: string): Promise<LoadedRun> {
    const hit = runCache.get(runId);
    if (hit) return hit;
    const run = await repos.runs.getWithVersion(runId);
    if (!run) throw Object.assign(new Error(`Run ${runId} does not exist.`), { code: 'RUN_NOT_FOUND', retryable: false });
    const loaded: LoadedRun = {
      id: run.id,
      botId: run.botId,
      workspaceId: run.workspaceId,
      userId: run.userId,
      input: run.input ?? undefined,
      graph: parseGraph(run.botVersion.graph),
    };
    if (runCache.size > 200) runCache.delete(runCache.keys().next().value!);
    runCache.set(runId, loaded);
    return loaded;
  }

  async function createScheduledRun(scheduleId: string, workflowId: string): Promise<string> {
    const existing = await repos.runs.findByWorkflowId(workflowId);
    if (existing) return existing.id;
    const schedule = await repos.schedules.get(scheduleId);
    if (!schedule) throw Object.assign(new Error(`Schedule ${scheduleId} no longer exists.`), { code: 'SCHEDULE_NOT_FOUND', retryable: false });
    const bot = await repos.bots.get(schedule.botId);
    const version = bot && (await repos.bots.version(bot.id, bot.currentVersion));
    if (!bot || !version) throw Object.assign(new Error('The scheduled bot no longer exists.'), { code: 'BOT_NOT_FOUND', retryable: false });
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

  return {
    async prepareRun({ runId, scheduleId, workflowId }): Promise<RunPlan> {
      const id = runId ?? (await createScheduledRun(scheduleId!, workflowId));
      const run = await loadRun(id);
      const bot = await repos.bots.get(run.botId);
      const result = await validateBotGraph(run.graph, {
        repos,
        userId: run.userId,
        workspaceId: run.workspaceId,
        botConnectionId: bot?.llmConnectionId ?? null,
      });
      if (!result.ok) {
        const error = {
          code: 'INVALID_GRAPH',
          message: `The bot cannot run: ${result.errors.map((e) => e.message).join(' ')}`,
        };
        await repos.runs.finish(id, 'failed', { ...error, details: result.errors });
        return { runId: id, nodes: [], reused: [], error };
      }
      await repos.runs.markRunning(id);
      const reused = (await repos.nodeRuns.reusedIn(id)).map((r) => r.nodeId);
      return { runId: id, nodes: buildPlan(run.graph), reused };
    },

    async runNode({ runId, nodeId, maxAttempts }) {
      const actx = Context.current();
      const attempt = actx.info.attempt;
      // Exactly once: a retry after a worker died between recording and reporting reuses the record.
      const existing = await repos.nodeRuns.get(runId, nodeId);
      if (existing?.status === 'succeeded') return { reused: true };

      const run = await loadRun(runId);
      const node = run.graph.nodes.find((n) => n.id === nodeId);
      if (!node) throw toApplicationFailure({ code: 'NODE_NOT_FOUND', message: `Node ${nodeId} is not in this bot version.`, retryable: false });
      await repos.nodeRuns.start(runId, nodeId, node.type, attempt);
      const heartbeat = setInterval(() => actx.heartbeat(), 2_000);
      try {
        const def = getNodeDefinition(node.type, node.version ?? 1);
        if (!def) throw Object.assign(new Error(`Unknown node type ${node.type} v${node.version ?? 1}.`), { code: 'UNKNOWN_NODE_TYPE', retryable: false });
        // Expressions may reference any upstream node; outputs come from the database, not history.
        const rows = await repos.nodeRuns.outputs(runId, upstreamOf(run.graph, nodeId));
        const outputs = Object.fromEntries(rows.map((r) => [r.nodeId, { output: r.output as unknown }]));
        const inputs = collectNodeInputs(run.graph, nodeId, outputs);
        const ctx: NodeContext = {
          runId,
          botId: run.botId,
          userId: run.userId,
          nodeId,
          input: run.input,
          fetch: deps.fetch,
          signal: actx.cancellationSignal,
          llm: {
            call: (req) => deps.llm.callLLM({ ...req, userId: run.userId, botId: run.botId, nodeId, signal: req.signal ?? actx.cancellationSignal }),
          },
          results: {
            save: async (r) => {
              const row = await repos.results.save({ botId: run.botId, workspaceId: run.workspaceId, runId, nodeId, title: r.title, content: r.content, data: r.data });
              return { id: row.id };
            },
          },
          state: {
            get: async (key) => (await repos.nodeState.get(run.botId, nodeId, key)) as never,
            set: async (key, value) => {
              await repos.nodeState.set(run.botId, nodeId, key, value as never);
            },
          },
          email: deps.email ?? noEmail,
          log: deps.log,
        };
        const scope = { input: run.input, nodes: outputs };
        const { output, params } = await executeNode(def, node.params ?? {}, scope, ctx, inputs);
        const serialized = JSON.stringify(output ?? null);
        const outputBytes = Buffer.byteLength(serialized);
        if (outputBytes > maxOutputBytes) {
          throw Object.assign(new Error(`The node produced ${outputBytes} bytes; the limit is ${maxOutputBytes}. Reduce what it returns (e.g. a lower item limit).`), {
            code: 'OUTPUT_TOO_LARGE',
            retryable: false,
          });
        }
        const llmOut = output as { usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number }; model?: string } | null;
        await repos.nodeRuns.succeed(runId, nodeId, {
          input: maskCredentials(params),
          output: output ?? null,
          outputBytes,
          usage: def.usesLlm ? llmOut?.usage : undefined,
          model: def.usesLlm ? llmOut?.model : undefined,
        });
        return { reused: false };
      } catch (err) {
        if (actx.cancellationSignal.aborted) throw err;
        const info = toFailureInfo(err);
        const final = !info.retryable || attempt >= maxAttempts;
        await repos.nodeRuns.fail(runId, nodeId, { code: info.code, message: info.message, attempt }, final, attempt);
        throw toApplicationFailure(info);
      } finally {
        clearInterval(heartbeat);
      }
    },

    async recordNodeFailure({ runId, failure, continued }) {
      await repos.nodeRuns.failFinal(runId, failure.nodeId, { code: failure.code, message: failure.message, continued }, continued);
    },

    async settleNodes({ runId, nodes }) {
      const run = await loadRun(runId);
      const types = new Map(run.graph.nodes.map((n) => [n.id, n.type]));
      await repos.nodeRuns.settle(
        runId,
        nodes.map((n) => ({
          nodeId: n.nodeId,
          type: types.get(n.nodeId) ?? 'unknown',
          status: n.status,
          error: n.status === 'skipped' ? { code: 'UPSTREAM_FAILED', message: 'Skipped because an upstream node failed.' } : undefined,
        })),
      );
    },

    async finishRun({ runId, status, error }) {
      await repos.runs.finish(runId, status, error);
      runCache.delete(runId);
    },
  };
}

export { scheduleWorkflowId };
