import { isDeepStrictEqual } from 'node:util';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectionUsableBy } from '@bm/llm';
import { describeNodeTypes } from '@bm/nodes';
import { executionDefaults } from '@bm/temporal/shared';
import type { Bot, Prisma, Role } from '@bm/db';
import type { AppDeps } from '../app';
import { HttpError } from '../lib/errors';
import { validGraphOr422 } from '../lib/graph';
import { GraphBody, IdParams, Iso, WorkspaceQuery, errorResponses } from '../lib/schemas';
import { atLeast } from '../lib/roles';
import { requireInWorkspace, requireUser, requireWorkspace } from '../plugins/auth';

const BotOut = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string(),
  graph: z.unknown(),
  version: z.number(),
  llmConnectionId: z.string().nullable(),
  llmModelOverride: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  createdAt: Iso,
  updatedAt: Iso,
});

const BotFields = {
  name: z.string().trim().min(1, 'Name the bot.').max(120),
  description: z.string().max(2000).optional(),
  llmConnectionId: z.string().max(100).nullable().optional(),
  llmModelOverride: z.string().trim().max(200).nullable().optional(),
};

export const botRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos } = deps.services;
  /** The webhook URL is a credential that starts runs: editors and up see it. */
  const toOut = (b: Bot, role: Role) => ({
    id: b.id,
    workspaceId: b.workspaceId,
    name: b.name,
    description: b.description,
    graph: b.graph,
    version: b.currentVersion,
    llmConnectionId: b.llmConnectionId,
    llmModelOverride: b.llmModelOverride || null,
    webhookUrl: b.webhookToken && atLeast(role, 'editor') ? deps.webhookUrl(b.webhookToken) : null,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  });

  /** A bot's default connection must be one the caller can use in that workspace. */
  async function checkConnection(id: string | null | undefined, userId: string, workspaceId: string) {
    if (!id) return;
    const c = await repos.connections.get(id);
    if (!c || !connectionUsableBy(c, userId, workspaceId)) {
      throw new HttpError(422, 'INVALID_CONNECTION', 'The chosen LLM connection was not found in this workspace.', [
        { message: 'The chosen LLM connection was not found in this workspace.' },
      ]);
    }
  }

  // The catalogue the editor builds its palette and forms from, with each type's execution defaults.
  const nodeTypes = describeNodeTypes().map((d) => ({ ...d, execution: executionDefaults(d.id) }));
  app.get('/api/node-types', { schema: { response: { 200: z.object({ nodeTypes: z.array(z.unknown()) }), 401: errorResponses[401] } } }, async (req) => {
    requireUser(req);
    return { nodeTypes };
  });

  app.post('/api/bots', {
    schema: { body: z.object({ ...BotFields, workspaceId: z.string().max(100).optional(), graph: GraphBody }), response: { 201: BotOut, ...errorResponses } },
  }, async (req, reply) => {
    const { user, workspaceId, role } = await requireWorkspace(deps, req, req.body.workspaceId, 'editor');
    const b = req.body;
    await checkConnection(b.llmConnectionId, user.id, workspaceId);
    const graph = await validGraphOr422(deps, b.graph, { userId: user.id, workspaceId, botConnectionId: b.llmConnectionId ?? null });
    const bot = await repos.bots.create({
      workspaceId,
      createdById: user.id,
      name: b.name,
      description: b.description,
      graph: graph as unknown as Prisma.InputJsonValue,
      llmConnectionId: b.llmConnectionId ?? null,
      llmModelOverride: b.llmModelOverride || null,
    });
    return reply.code(201).send(toOut(bot, role));
  });

  app.get('/api/bots', { schema: { querystring: WorkspaceQuery, response: { 200: z.object({ bots: z.array(BotOut) }), ...errorResponses } } }, async (req) => {
    const { workspaceId, role } = await requireWorkspace(deps, req, req.query.workspaceId);
    return { bots: (await repos.bots.list(workspaceId)).map((b) => toOut(b, role)) };
  });

  app.get('/api/bots/:id', { schema: { params: IdParams, response: { 200: BotOut, ...errorResponses } } }, async (req) => {
    const { row, role } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    return toOut(row, role);
  });

  app.patch('/api/bots/:id', {
    schema: {
      params: IdParams,
      body: z.object({ ...BotFields, name: BotFields.name.optional(), graph: GraphBody.optional() }),
      response: { 200: BotOut, ...errorResponses },
    },
  }, async (req) => {
    const { user, row, role } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    const b = req.body;
    if (b.llmConnectionId !== undefined) await checkConnection(b.llmConnectionId, user.id, row.workspaceId);
    const botConnectionId = b.llmConnectionId !== undefined ? b.llmConnectionId : row.llmConnectionId;
    let graph: Prisma.InputJsonValue | undefined;
    let changed = false;
    if (b.graph !== undefined || b.llmConnectionId !== undefined) {
      const g = await validGraphOr422(deps, b.graph ?? row.graph, { userId: user.id, workspaceId: row.workspaceId, botConnectionId });
      graph = g as unknown as Prisma.InputJsonValue;
      // Compared as data, not text: PostgreSQL's jsonb does not keep key order.
      changed = b.graph !== undefined && !isDeepStrictEqual(JSON.parse(JSON.stringify(g)), row.graph);
    }
    const patch = {
      name: b.name,
      description: b.description,
      llmConnectionId: b.llmConnectionId,
      llmModelOverride: b.llmModelOverride === undefined ? undefined : b.llmModelOverride || null,
      graph: changed ? graph : undefined,
    };
    const updated = await repos.bots.update(row.id, user.id, patch, changed).catch((err: { code?: string }) => {
      // Two saves raced for the same next version: the second one loses cleanly.
      if (err.code === 'P2002' || err.code === 'P2025') {
        throw new HttpError(409, 'EDIT_CONFLICT', 'This bot was saved by someone else at the same moment. Reload it and save again.');
      }
      throw err;
    });
    return toOut(updated, role);
  });

  app.delete('/api/bots/:id', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    // Stop what would keep spending the user's LLM budget: schedules, then runs in flight.
    for (const s of await repos.schedules.list(row.id)) {
      await deps.scheduler.deleteSchedule(s.id).catch(() => {
        throw new HttpError(503, 'TEMPORAL_UNAVAILABLE', "The bot's schedules could not be stopped: the workflow service is unreachable. Try again shortly.");
      });
    }
    for (const r of await repos.runs.listOpen(row.id)) {
      await deps.scheduler.cancelRun(r.workflowId).catch(() => {
        throw new HttpError(503, 'TEMPORAL_UNAVAILABLE', "The bot's running runs could not be stopped: the workflow service is unreachable. Try again shortly.");
      });
    }
    await repos.bots.delete(row.id);
    return reply.code(204).send(null);
  });

  // Every saved change of the graph is an immutable version; runs record which one they executed.
  app.get('/api/bots/:id/versions', {
    schema: {
      params: IdParams,
      response: { 200: z.object({ versions: z.array(z.object({ version: z.number(), createdAt: Iso, createdById: z.string().nullable() })) }), ...errorResponses },
    },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    return { versions: await repos.bots.versions(row.id) };
  });

  app.get('/api/bots/:id/versions/:version', {
    schema: {
      params: IdParams.extend({ version: z.coerce.number().int().min(1) }),
      response: { 200: z.object({ version: z.number(), graph: z.unknown(), createdAt: Iso }), ...errorResponses },
    },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    const v = await repos.bots.version(row.id, req.params.version);
    if (!v) throw new HttpError(404, 'NOT_FOUND', `Version ${req.params.version} of this bot was not found.`);
    return { version: v.version, graph: v.graph, createdAt: v.createdAt };
  });

  app.post('/api/bots/validate', {
    schema: {
      body: z.object({ graph: z.unknown(), workspaceId: z.string().max(100).optional(), llmConnectionId: z.string().max(100).nullable().optional() }),
      response: { 200: z.object({ ok: z.boolean(), errors: z.array(z.object({ nodeId: z.string().optional(), message: z.string() }).passthrough()) }), ...errorResponses },
    },
  }, async (req) => {
    const { user, workspaceId } = await requireWorkspace(deps, req, req.body.workspaceId);
    try {
      await validGraphOr422(deps, req.body.graph, { userId: user.id, workspaceId, botConnectionId: req.body.llmConnectionId ?? null });
      return { ok: true, errors: [] };
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 422) return { ok: false, errors: err.details as { message: string }[] };
      throw err;
    }
  });

  app.post('/api/bots/:id/webhook', { schema: { params: IdParams, response: { 200: z.object({ url: z.string() }), ...errorResponses } } }, async (req) => {
    const { row, user } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    return { url: deps.webhookUrl(await repos.bots.rotateWebhook(row.id, user.id)) };
  });

  app.delete('/api/bots/:id/webhook', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    await repos.bots.disableWebhook(row.id);
    return reply.code(204).send(null);
  });
};
