import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Result } from '@bm/db';
import type { AppDeps } from '../app';
import { IdParams, Iso, errorResponses } from '../lib/schemas';
import { requireInWorkspace, requireWorkspace } from '../plugins/auth';

const ResultOut = z.object({
  id: z.string(),
  botId: z.string(),
  runId: z.string().nullable(),
  title: z.string().nullable(),
  content: z.string(),
  data: z.unknown(),
  createdAt: Iso,
});
const Query = z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const out = (r: Result) => ({ id: r.id, botId: r.botId, runId: r.runId, title: r.title, content: r.content, data: r.data, createdAt: r.createdAt });

export const resultRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos } = deps.services;

  app.get('/api/bots/:id/results', {
    schema: { params: IdParams, querystring: Query, response: { 200: z.object({ results: z.array(ResultOut) }), ...errorResponses } },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    return { results: (await repos.results.list({ botId: row.id, q: req.query.q, take: req.query.limit })).map(out) };
  });

  /** The workspace-wide inbox across bots. */
  app.get('/api/results', {
    schema: { querystring: Query.extend({ workspaceId: z.string().max(100).optional() }), response: { 200: z.object({ results: z.array(ResultOut) }), ...errorResponses } },
  }, async (req) => {
    const { workspaceId } = await requireWorkspace(deps, req, req.query.workspaceId);
    return { results: (await repos.results.list({ workspaceId, q: req.query.q, take: req.query.limit })).map(out) };
  });
};
