import { z } from 'zod';
import { errorResponses, IdParams, IsoDate, NoContent } from './common';
import { route } from './route';

/** What happens when a run is due while the previous one still runs (Temporal's overlap policies). */
export const OverlapPolicy = z.enum(['skip', 'buffer_one', 'allow_all', 'cancel_other']);
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
/** Five cron fields; Temporal parses them (a refusal is 400 INVALID_CRON). */
const Cron = z.string().trim().min(1).max(200);

export const Schedule = z.object({
  id: z.string(),
  botId: z.string(),
  cron: z.string(),
  timezone: z.string(),
  overlap: OverlapPolicy,
  paused: z.boolean(),
  input: z.unknown(),
  /** The next few fire times (ISO 8601); empty while paused. */
  nextRuns: z.array(z.string()),
  /** About how many runs it starts in the next 30 days (0 while paused; null when the spec is one we cannot count). */
  runsPer30Days: z.number().int().nullable(),
  createdAt: IsoDate,
});

export const CreateScheduleBody = z.object({
  cron: Cron,
  timezone: Timezone.default('UTC'),
  overlap: OverlapPolicy.default('skip'),
  paused: z.boolean().default(false),
  input: z.unknown().optional(),
});
export const UpdateScheduleBody = z.object({
  cron: Cron.optional(),
  timezone: Timezone.optional(),
  overlap: OverlapPolicy.optional(),
  paused: z.boolean().optional(),
});

export const schedules = {
  list: route({
    method: 'GET',
    path: '/api/bots/:id/schedules',
    params: IdParams,
    response: { 200: z.object({ schedules: z.array(Schedule) }), ...errorResponses },
  }),
  create: route({
    method: 'POST',
    path: '/api/bots/:id/schedules',
    params: IdParams,
    body: CreateScheduleBody,
    response: { 201: Schedule, ...errorResponses },
  }),
  update: route({
    method: 'PATCH',
    path: '/api/schedules/:id',
    params: IdParams,
    body: UpdateScheduleBody,
    response: { 200: Schedule, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/schedules/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  /** Starts a run now, as the schedule would. */
  trigger: route({
    method: 'POST',
    path: '/api/schedules/:id/trigger',
    params: IdParams,
    response: { 202: z.object({ ok: z.literal(true) }), ...errorResponses },
  }),
};

export type OverlapPolicy = z.infer<typeof OverlapPolicy>;
export type Schedule = z.output<typeof Schedule>;
export type CreateScheduleBody = z.input<typeof CreateScheduleBody>;
export type UpdateScheduleBody = z.input<typeof UpdateScheduleBody>;
