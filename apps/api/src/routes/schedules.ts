import type { ContractPlugin } from '../lib/response-serializer';
import { contract, type OverlapPolicy } from '@bm/contract';
import type { Schedule } from '@bm/db';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { validGraphOr422 } from '../lib/graph';
import { firingsPer30Days, intervalProblem } from '../lib/schedule-interval';
import { accessTo } from '../plugins/access';
import { planMinIntervalMs, requireWithinPlan } from '../lib/plans';
import { audit } from '../lib/audit';

const { schedules } = contract;

/** Cron schedules of a bot; each row has a Temporal schedule of the same id. */
export const scheduleRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    const { scheduler } = deps;
    const out = async (s: Schedule) => ({
      id: s.id,
      botId: s.botId,
      cron: s.cron,
      timezone: s.timezone,
      overlap: s.overlap as OverlapPolicy,
      paused: s.paused,
      input: s.input,
      nextRuns: s.paused ? [] : await scheduler.nextRuns(s.id),
      runsPer30Days: s.paused ? 0 : (firingsPer30Days(s.cron, s.timezone) ?? null),
      createdAt: s.createdAt,
    });
    // Temporal parses the cron expression: its refusal (INVALID_ARGUMENT — a TypeError from the client,
    // the gRPC error itself, or its cause on the worker's native connection the embedded app shares)
    // is the user's to fix; anything else means Temporal could not be reached.
    const scheduleError = (err: unknown) => {
      const e = err as { code?: number; message?: string; cause?: { code?: number; message?: string } };
      if (err instanceof TypeError || e.code === 3) return apiError(400, 'INVALID_CRON', { params: { reason: String(e.message) } });
      if (e.cause?.code === 3) return apiError(400, 'INVALID_CRON', { params: { reason: String(e.cause.message) } });
      return apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.saveSchedule' });
    };
    /** A schedule may not fire more often than the installation allows (BOT_MANAGER_MIN_SCHEDULE_INTERVAL). */
    // The installation's floor, or the workspace plan's when it is stricter.
    const checkInterval = async (workspaceId: string, cron: string, timezone: string) => {
      const problem = intervalProblem(cron, timezone, await planMinIntervalMs(deps, workspaceId));
      if (problem)
        throw apiError(422, 'SCHEDULE_TOO_FREQUENT', {
          params: problem,
          details: [{ path: 'cron', key: 'SCHEDULE_TOO_FREQUENT', params: problem }],
        });
    };
    const rethrow = (err: unknown): never => {
      throw scheduleError(err);
    };

    app.route({
      ...fromContract(schedules.list),
      handler: async (req) => ({ schedules: await Promise.all((await repos.schedules.list(accessTo(req, 'bot').row.id)).map(out)) }),
    });

    app.route({
      ...fromContract(schedules.create),
      handler: async (req, reply) => {
        const { user, row: bot } = accessTo(req, 'bot');
        await checkInterval(bot.workspaceId, req.body.cron, req.body.timezone);
        if (!req.body.paused) await requireWithinPlan(deps, bot.workspaceId, 'activeSchedules');
        await validGraphOr422(deps, bot.graph, { userId: user.id, workspaceId: bot.workspaceId, botConnectionId: bot.llmConnectionId });
        const b = req.body;
        const id = repos.schedules.newId();
        // The row first: a Temporal schedule must never fire for a row that does not exist.
        const s = await repos.schedules.create({
          id,
          botId: bot.id,
          workspaceId: bot.workspaceId,
          createdById: user.id,
          cron: b.cron,
          timezone: b.timezone,
          overlap: b.overlap,
          paused: b.paused,
          input: b.input,
        });
        try {
          await scheduler.createSchedule({ id, cron: b.cron, timezone: b.timezone, overlap: b.overlap, paused: b.paused });
        } catch (err) {
          await repos.schedules.delete(id);
          throw scheduleError(err);
        }
        await audit(deps, req, {
          workspaceId: bot.workspaceId,
          action: 'schedule.created',
          target: { type: 'schedule', id, name: bot.name },
          details: { cron: b.cron, timezone: b.timezone },
        });
        return reply.code(201).send(await out(s));
      },
    });

    app.route({
      ...fromContract(schedules.update),
      handler: async (req) => {
        const { row } = accessTo(req, 'schedule');
        const b = req.body;
        const next = {
          cron: b.cron ?? row.cron,
          timezone: b.timezone ?? row.timezone,
          overlap: b.overlap ?? (row.overlap as OverlapPolicy),
        };
        if (b.cron || b.timezone) await checkInterval(row.workspaceId, next.cron, next.timezone);
        if (b.paused === false && row.paused) await requireWithinPlan(deps, row.workspaceId, 'activeSchedules');
        // Each Temporal change is followed by its row change at once, so the two never drift apart.
        if (b.cron || b.timezone || b.overlap) {
          await scheduler.updateSchedule({ id: row.id, ...next }).catch(rethrow);
          await repos.schedules.update(row.id, next);
        }
        if (b.paused !== undefined && b.paused !== row.paused) {
          await scheduler.pauseSchedule(row.id, b.paused).catch(rethrow);
          await repos.schedules.update(row.id, { paused: b.paused });
        }
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'schedule.changed',
          target: { type: 'schedule', id: row.id },
          details: { ...b, input: undefined },
        });
        return out((await repos.schedules.get(row.id))!);
      },
    });

    app.route({
      ...fromContract(schedules.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'schedule');
        await scheduler.deleteSchedule(row.id).catch(rethrow);
        await repos.schedules.delete(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'schedule.deleted',
          target: { type: 'schedule', id: row.id },
          details: { cron: row.cron },
        });
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(schedules.trigger),
      handler: async (req, reply) => {
        await scheduler.triggerSchedule(accessTo(req, 'schedule').row.id).catch((err: Error) => {
          throw apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.triggerSchedule', params: { reason: err.message } });
        });
        return reply.code(202).send({ ok: true as const });
      },
    });
  };
