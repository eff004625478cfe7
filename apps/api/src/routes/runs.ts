import type { FastifyRequest } from 'fastify';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { type NodeRun, type Run, type RunCost } from '@bm/db';
import type { Graph } from '@bm/graph';
import { loopItems } from '../lib/loop-items';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { startBotRun } from '../lib/runs';
import { accessTo } from '../plugins/access';

/** A script (API token) starts `api` runs; a person in the browser (session) `manual` ones. */
const triggerOf = (req: FastifyRequest) => (req.headers.authorization ? 'api' : 'manual');

const { runs } = contract;

/** Outputs above this are left out of GET /api/runs/:id and fetched by reference. */
const INLINE_OUTPUT_BYTES = 256 * 1024;

const NO_COST: RunCost = { costUsd: 0, unpricedCalls: 0 };

const summary = (r: Run, { costUsd, unpricedCalls }: RunCost) => ({
  id: r.id,
  botId: r.botId,
  version: r.version,
  status: r.status,
  trigger: r.trigger,
  error: r.error as { message: string } | null,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  resumedFromId: r.resumedFromId,
  rerunOfId: r.rerunOfId,
  parentRunId: r.parentRunId,
  startAt: r.startAt,
  ...(r.startAt ? { only: r.onlyStartAt } : {}),
  costUsd,
  unpricedCalls,
});

function nodeOut(runId: string, n: NodeRun) {
  const large = n.outputBytes > INLINE_OUTPUT_BYTES;
  return {
    nodeId: n.nodeId,
    type: n.type,
    status: n.status,
    input: n.input,
    output: large ? null : n.output,
    ...(large ? { outputRef: `/api/runs/${runId}/nodes/${encodeURIComponent(n.nodeId)}/output` } : {}),
    error: n.error as { message: string } | null,
    attempts: n.attempts,
    reused: n.reused,
    ...(n.reused && n.reusedFrom ? { reusedFrom: n.reusedFrom as { runId: string } | 'pinned' } : {}),
    startedAt: n.startedAt,
    finishedAt: n.finishedAt,
    ...(n.inputTokens != null || n.outputTokens != null
      ? {
          usage: {
            inputTokens: n.inputTokens ?? 0,
            outputTokens: n.outputTokens ?? 0,
            ...(n.cachedTokens != null ? { cachedTokens: n.cachedTokens } : {}),
          },
        }
      : {}),
    ...(n.model ? { model: n.model } : {}),
    costUsd: n.costUsd,
    ...(n.price ? { price: n.price as { inputPerMTok: number; outputPerMTok: number; source: string } } : {}),
    ...(Array.isArray(n.warnings) && n.warnings.length ? { warnings: n.warnings as { code: string; message: string }[] } : {}),
    ...(Array.isArray(n.ports) ? { ports: n.ports as string[] } : {}),
    ...(n.item >= 0 ? { item: n.item } : {}),
  };
}

/** Nodes not reached yet are listed as pending, in graph order, so a client can draw the whole run. */
const pending = (g: { id: string; type: string }) => ({
  nodeId: g.id,
  type: g.type,
  status: 'pending' as const,
  input: null,
  output: null,
  error: null,
  attempts: 0,
  reused: false,
  startedAt: null,
  finishedAt: null,
  costUsd: null,
});

/**
 * The body of GET /api/runs/:id: the run with every graph node, recorded or pending. Takes the run
 * row when the caller has it (the access check read it), else reads it.
 */
async function runDetail(repos: AppDeps['services']['repos'], runOrId: Run | string) {
  const run =
    typeof runOrId === 'string'
      ? await repos.runs.getForDisplay(runOrId, INLINE_OUTPUT_BYTES)
      : { ...runOrId, nodes: await repos.runs.nodesForDisplay(runOrId.id, INLINE_OUTPUT_BYTES) };
  if (!run) return null;
  const recorded = new Map(run.nodes.map((n) => [n.nodeId, n]));
  // The version's graph lists the nodes not reached yet; versions never change (kept in memory).
  const graph = (await repos.bots.versionGraph(run.botVersionId)) as { nodes?: { id: string; type: string }[] } | null;
  const graphNodes = graph?.nodes ?? [];
  const nodes = graphNodes.map((g) => {
    const n = recorded.get(g.id);
    return n ? nodeOut(run.id, n) : pending(g);
  });
  // Loop items' node runs are not in `nodes` (GET /api/runs/:id/items) but their calls are the run's cost.
  const cost = (await repos.nodeRuns.costs([run.id])).get(run.id) ?? NO_COST;
  const followUps = await repos.runs.followUps(run);
  return { ...summary(run, cost), input: run.input, nodes, ...(followUps.length ? { followUps } : {}) };
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** `<createdAt ISO>_<run id>` (the contract's RunCursor has checked its shape). */
function cursorPosition(cursor: string | undefined) {
  if (!cursor) return undefined;
  const cut = cursor.indexOf('Z_');
  const createdAt = new Date(cursor.slice(0, cut + 1));
  if (Number.isNaN(createdAt.getTime())) throw apiError(400, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED.hint.runCursor' });
  return { createdAt, id: cursor.slice(cut + 2) };
}

export const runRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(runs.start),
      handler: async (req, reply) => {
        const { user, row: bot } = accessTo(req, 'bot');
        const trigger = triggerOf(req);
        const b = req.body ?? {};
        const debug =
          b.startAt || b.reuseRunId || b.usePinned
            ? {
                startAt: b.startAt,
                only: b.only,
                reuseRunId: b.reuseRunId,
                // Pinned data is for building in the editor: a script's (token) run always runs every node.
                usePinned: b.usePinned === true && trigger === 'manual',
              }
            : undefined;
        const runId = await startBotRun(deps, bot, { userId: user.id, trigger, input: b.input, debug });
        // The synchronous form for scripts: wait on Temporal (not by polling the database), then read once.
        const wait = req.body?.wait;
        if (wait && (await deps.scheduler.waitForRun(runId, wait * 1000))) {
          const run = await runDetail(repos, runId);
          if (run && FINAL.has(run.status)) return reply.code(200).send(run);
        }
        return reply.code(202).send({ runId });
      },
    });

    app.route({
      ...fromContract(runs.listForBot),
      handler: async (req) => {
        const { limit, cursor, ...filter } = req.query;
        const page = await repos.runs.search(accessTo(req, 'bot').row.id, { ...filter, after: cursorPosition(cursor) }, limit);
        const costs = await repos.nodeRuns.costs(page.runs.map((r) => r.id));
        const last = page.runs.at(-1);
        return {
          runs: page.runs.map((r) => summary(r, costs.get(r.id) ?? NO_COST)),
          nextCursor: page.more && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
        };
      },
    });

    app.route({
      ...fromContract(runs.get),
      handler: async (req) => {
        const run = await runDetail(repos, accessTo(req, 'run').row);
        if (!run) throw notFound('run');
        return run;
      },
    });

    app.route({
      ...fromContract(runs.items),
      handler: async (req) => {
        const run = accessTo(req, 'run').row;
        const graph = (await repos.bots.versionGraph(run.botVersionId)) as Graph | null;
        return { loops: graph ? loopItems(graph, await repos.runs.items(run.id)) : [] };
      },
    });

    app.route({
      ...fromContract(runs.itemNodes),
      handler: async (req) => {
        const run = accessTo(req, 'run').row;
        const nodes = await repos.runs.nodesForDisplay(run.id, INLINE_OUTPUT_BYTES, req.params.item);
        return { item: req.params.item, nodes: nodes.map((n) => nodeOut(run.id, n)) };
      },
    });

    app.route({
      ...fromContract(runs.nodeOutput),
      handler: async (req) => {
        const n = await repos.nodeRuns.get(accessTo(req, 'run').row.id, req.params.nodeId);
        if (!n) throw notFound('nodeRun');
        return { output: n.output };
      },
    });

    app.route({
      ...fromContract(runs.cancel),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'run');
        if (!['queued', 'running'].includes(row.status)) throw apiError(409, 'RUN_FINISHED', { params: { status: row.status } });
        const found = await deps.scheduler.cancelRun(row.workflowId).catch(() => {
          throw apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.cancelRun' });
        });
        // No workflow to cancel (never started, or already closed) but the row is still open: close it here.
        if (!found && (await repos.runs.finish(row.id, 'cancelled')).count) deps.services.events.publish({ runId: row.id, kind: 'event' });
        return reply.code(202).send({ status: 'cancelling' as const });
      },
    });

    app.route({
      ...fromContract(runs.resume),
      handler: async (req, reply) => {
        const { user, row } = accessTo(req, 'run');
        if (!['failed', 'cancelled'].includes(row.status)) {
          throw apiError(409, 'RUN_NOT_RESUMABLE', { params: { status: row.status } });
        }
        const bot = await repos.bots.get(row.botId);
        if (!bot) throw notFound('bot');
        const runId = await startBotRun(deps, bot, {
          userId: user.id,
          trigger: 'resume',
          input: row.input ?? undefined,
          version: row.version,
          resumedFromId: row.id,
          copyFrom: row.id,
        });
        return reply.code(202).send({ runId });
      },
    });

    app.route({
      ...fromContract(runs.rerun),
      handler: async (req, reply) => {
        const { user, row } = accessTo(req, 'run');
        if (!FINAL.has(row.status)) throw apiError(409, 'RUN_NOT_FINISHED', { params: { status: row.status } });
        const bot = await repos.bots.get(row.botId);
        if (!bot) throw notFound('bot');
        // The current version and nothing reused: a fresh run, as if started again with that input.
        const runId = await startBotRun(deps, bot, {
          userId: user.id,
          trigger: triggerOf(req),
          input: row.input ?? undefined,
          rerunOfId: row.id,
        });
        return reply.code(202).send({ runId });
      },
    });
  };
