import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NodeRun, Run } from '@bm/db';
import type { AppDeps } from '../app';
import { HttpError, notFound } from '../lib/errors';
import { startBotRun } from '../lib/runs';
import { IdParams, Iso, IsoOrNull, errorResponses } from '../lib/schemas';
import { requireInWorkspace, requireUser } from '../plugins/auth';

/** Outputs above this are left out of GET /api/runs/:id and fetched by reference. */
const INLINE_OUTPUT_BYTES = 256 * 1024;

const RunSummary = z.object({
  id: z.string(),
  botId: z.string(),
  version: z.number(),
  status: z.string(),
  trigger: z.string(),
  error: z.unknown(),
  createdAt: Iso,
  startedAt: IsoOrNull,
  finishedAt: IsoOrNull,
  resumedFromId: z.string().nullable(),
});

const NodeOut = z.object({
  nodeId: z.string(),
  type: z.string(),
  status: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  outputRef: z.string().optional(),
  error: z.unknown(),
  attempts: z.number(),
  reused: z.boolean(),
  startedAt: IsoOrNull,
  finishedAt: IsoOrNull,
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), cachedTokens: z.number().optional() }).optional(),
  model: z.string().optional(),
});

const summary = (r: Run) => ({
  id: r.id,
  botId: r.botId,
  version: r.version,
  status: r.status,
  trigger: r.trigger,
  error: r.error,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  resumedFromId: r.resumedFromId,
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
    error: n.error,
    attempts: n.attempts,
    reused: n.reused,
    startedAt: n.startedAt,
    finishedAt: n.finishedAt,
    ...(n.inputTokens != null || n.outputTokens != null
      ? { usage: { inputTokens: n.inputTokens ?? 0, outputTokens: n.outputTokens ?? 0, ...(n.cachedTokens != null ? { cachedTokens: n.cachedTokens } : {}) } }
      : {}),
    ...(n.model ? { model: n.model } : {}),
  };
}

export const runRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos } = deps.services;

  async function loadRun(req: Parameters<typeof requireUser>[0], id: string, min: 'viewer' | 'editor' = 'viewer') {
    return requireInWorkspace(deps, req, await repos.runs.get(id), 'Run', min);
  }

  app.post('/api/bots/:id/runs', {
    schema: { params: IdParams, body: z.object({ input: z.unknown().optional() }).nullish(), response: { 202: z.object({ runId: z.string() }), ...errorResponses } },
  }, async (req, reply) => {
    const { user, row: bot } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    const trigger = req.headers.authorization ? 'api' : 'manual';
    const runId = await startBotRun(deps, bot, { userId: user.id, trigger, input: req.body?.input });
    return reply.code(202).send({ runId });
  });

  app.get('/api/bots/:id/runs', {
    schema: { params: IdParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ runs: z.array(RunSummary) }), ...errorResponses } },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    return { runs: (await repos.runs.list(row.id, req.query.limit)).map(summary) };
  });

  app.get('/api/runs/:id', {
    schema: { params: IdParams, response: { 200: RunSummary.extend({ input: z.unknown(), nodes: z.array(NodeOut) }), ...errorResponses } },
  }, async (req) => {
    await loadRun(req, req.params.id);
    const run = (await repos.runs.getForDisplay(req.params.id, INLINE_OUTPUT_BYTES))!;
    const recorded = new Map(run.nodes.map((n) => [n.nodeId, n]));
    // Nodes not reached yet are listed as pending, in graph order, so a client can draw the whole run.
    const graphNodes = ((run.botVersion.graph as { nodes?: { id: string; type: string }[] }).nodes ?? []);
    const nodes = graphNodes.map((g) => {
      const n = recorded.get(g.id);
      return n
        ? nodeOut(run.id, n)
        : { nodeId: g.id, type: g.type, status: 'pending', input: null, output: null, error: null, attempts: 0, reused: false, startedAt: null, finishedAt: null };
    });
    return { ...summary(run), input: run.input, nodes };
  });

  app.get('/api/runs/:id/nodes/:nodeId/output', {
    schema: { params: IdParams.extend({ nodeId: z.string().min(1).max(200) }), response: { 200: z.object({ output: z.unknown() }), ...errorResponses } },
  }, async (req) => {
    await loadRun(req, req.params.id);
    const n = await repos.nodeRuns.get(req.params.id, req.params.nodeId);
    if (!n) throw notFound('Node run');
    return { output: n.output };
  });

  app.post('/api/runs/:id/cancel', {
    schema: { params: IdParams, response: { 202: z.object({ status: z.literal('cancelling') }), ...errorResponses } },
  }, async (req, reply) => {
    const { row } = await loadRun(req, req.params.id, 'editor');
    if (!['queued', 'running'].includes(row.status)) throw new HttpError(409, 'RUN_FINISHED', `The run has already ${row.status === 'cancelled' ? 'been cancelled' : row.status}.`);
    const found = await deps.scheduler.cancelRun(row.workflowId).catch(() => {
      throw new HttpError(503, 'TEMPORAL_UNAVAILABLE', 'The run could not be cancelled: the workflow service is unreachable. Try again shortly.');
    });
    // No workflow to cancel (never started, or already closed) but the row is still open: close it here.
    if (!found) await repos.runs.finish(row.id, 'cancelled');
    return reply.code(202).send({ status: 'cancelling' as const });
  });

  app.post('/api/runs/:id/resume', {
    schema: { params: IdParams, response: { 202: z.object({ runId: z.string() }), ...errorResponses } },
  }, async (req, reply) => {
    const { user, row } = await loadRun(req, req.params.id, 'editor');
    if (!['failed', 'cancelled'].includes(row.status)) {
      throw new HttpError(409, 'RUN_NOT_RESUMABLE', `Only a failed or cancelled run can be resumed; this one is ${row.status}.`);
    }
    const bot = await repos.bots.get(row.botId);
    if (!bot) throw notFound('Bot');
    const runId = await startBotRun(deps, bot, {
      userId: user.id,
      trigger: 'resume',
      input: row.input ?? undefined,
      version: row.version,
      resumedFromId: row.id,
      copyFrom: row.id,
    });
    return reply.code(202).send({ runId });
  });
};
