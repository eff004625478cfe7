import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Schedule } from '@bm/db';
import { OVERLAP_POLICIES, type OverlapPolicy } from '@bm/temporal/client';
import type { AppDeps } from '../app';
import { HttpError, badRequest } from '../lib/errors';
import { validGraphOr422 } from '../lib/graph';
import { IdParams, Iso, errorResponses } from '../lib/schemas';
import { requireInWorkspace } from '../plugins/auth';

const Overlap = z.enum(Object.keys(OVERLAP_POLICIES) as [OverlapPolicy, ...OverlapPolicy[]]);
const Timezone = z
  .string()
  .max(100)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown timezone; use an IANA name such as Europe/Berlin or UTC.');
const Cron = z.string().trim().min(1).max(200);

const ScheduleOut = z.object({
  id: z.string(),
  botId: z.string(),
  cron: z.string(),
  timezone: z.string(),
  overlap: z.string(),
  paused: z.boolean(),
  input: z.unknown(),
  nextRuns: z.array(z.string()),
  createdAt: Iso,
});

export const scheduleRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos } = deps.services;
  const { scheduler } = deps;
  const out = async (s: Schedule) => ({
    id: s.id,
    botId: s.botId,
    cron: s.cron,
    timezone: s.timezone,
    overlap: s.overlap,
    paused: s.paused,
    input: s.input,
    nextRuns: s.paused ? [] : await scheduler.nextRuns(s.id),
    createdAt: s.createdAt,
  });
  // Temporal parses the cron expression: its refusal (INVALID_ARGUMENT, which the client raises as a
  // TypeError) is the user's to fix; anything else means Temporal could not be reached.
  const scheduleError = (err: unknown) =>
    err instanceof TypeError || (err as { code?: number }).code === 3
      ? badRequest('INVALID_CRON', `The schedule was refused: ${(err as Error).message}. Use five cron fields, e.g. "0 9 * * 1-5".`)
      : new HttpError(503, 'TEMPORAL_UNAVAILABLE', 'The schedule could not be saved: the workflow service is unreachable. Try again shortly.');

  app.get('/api/bots/:id/schedules', {
    schema: { params: IdParams, response: { 200: z.object({ schedules: z.array(ScheduleOut) }), ...errorResponses } },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot');
    return { schedules: await Promise.all((await repos.schedules.list(row.id)).map(out)) };
  });

  app.post('/api/bots/:id/schedules', {
    schema: {
      params: IdParams,
      body: z.object({ cron: Cron, timezone: Timezone.default('UTC'), overlap: Overlap.default('skip'), paused: z.boolean().default(false), input: z.unknown().optional() }),
      response: { 201: ScheduleOut, ...errorResponses },
    },
  }, async (req, reply) => {
    const { user, row: bot } = await requireInWorkspace(deps, req, await repos.bots.get(req.params.id), 'Bot', 'editor');
    await validGraphOr422(deps, bot.graph, { userId: user.id, workspaceId: bot.workspaceId, botConnectionId: bot.llmConnectionId });
    const b = req.body;
    const id = repos.schedules.newId();
    // The row first: a Temporal schedule must never fire for a row that does not exist.
    const s = await repos.schedules.create({ id, botId: bot.id, workspaceId: bot.workspaceId, createdById: user.id, cron: b.cron, timezone: b.timezone, overlap: b.overlap, paused: b.paused, input: b.input });
    try {
      await scheduler.createSchedule({ id, cron: b.cron, timezone: b.timezone, overlap: b.overlap, paused: b.paused });
    } catch (err) {
      await repos.schedules.delete(id);
      throw scheduleError(err);
    }
    return reply.code(201).send(await out(s));
  });

  app.patch('/api/schedules/:id', {
    schema: {
      params: IdParams,
      body: z.object({ cron: Cron.optional(), timezone: Timezone.optional(), overlap: Overlap.optional(), paused: z.boolean().optional() }),
      response: { 200: ScheduleOut, ...errorResponses },
    },
  }, async (req) => {
    const { row } = await requireInWorkspace(deps, req, await repos.schedules.get(req.params.id), 'Schedule', 'editor');
    const b = req.body;
    const next = { cron: b.cron ?? row.cron, timezone: b.timezone ?? row.timezone, overlap: (b.overlap ?? row.overlap) as OverlapPolicy };
    // Each Temporal change is followed by its row change at once, so the two never drift apart.
    if (b.cron || b.timezone || b.overlap) {
      await scheduler.updateSchedule({ id: row.id, ...next }).catch((err) => {
        throw scheduleError(err);
      });
      await repos.schedules.update(row.id, next);
    }
    if (b.paused !== undefined && b.paused !== row.paused) {
      await scheduler.pauseSchedule(row.id, b.paused).catch((err) => {
        throw scheduleError(err);
      });
      await repos.schedules.update(row.id, { paused: b.paused });
    }
    return out((await repos.schedules.get(row.id))!);
  });

  app.delete('/api/schedules/:id', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const { row } = await requireInWorkspace(deps, req, await repos.schedules.get(req.params.id), 'Schedule', 'editor');
    await scheduler.deleteSchedule(row.id).catch((err) => {
      throw scheduleError(err);
    });
    await repos.schedules.delete(row.id);
    return reply.code(204).send(null);
  });

  app.post('/api/schedules/:id/trigger', { schema: { params: IdParams, response: { 202: z.object({ ok: z.literal(true) }), ...errorResponses } } }, async (req, reply) => {
    const { row } = await requireInWorkspace(deps, req, await repos.schedules.get(req.params.id), 'Schedule', 'editor');
    await scheduler.triggerSchedule(row.id).catch((err: Error) => {
      throw new HttpError(503, 'TEMPORAL_UNAVAILABLE', `The schedule could not be triggered: ${err.message}`);
    });
    return reply.code(202).send({ ok: true as const });
  });
};
