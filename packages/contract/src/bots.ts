import { z } from 'zod';
import { ErrorDetail, errorResponses, Id, IdParams, IsoDate, IsoDateOrNull, NoContent, WorkspaceQuery } from './common';
import { RunStatus } from './runs';
import { Graph } from './graph';
import { route } from './route';
import { BudgetNotify } from './budgets';

/**
 * What happens when a run of the bot fails: another bot of the workspace runs with the failed run's
 * details as its input (`{ runId, botId, botName, error, failedNodes, … }`), and/or a notice goes
 * to emails and to Slack / a webhook named by workspace secrets. An on-failure run that fails starts nothing.
 */
export const OnFailure = z
  .object({
    botId: Id.nullable().optional(),
    notify: BudgetNotify.optional(),
  })
  .strict();
import { WebhookResponse } from './webhooks';

/**
 * A bot (the design's "profile"). Webhook tokens are stored hashed, so `webhookUrl` is always null
 * here: the URL is shown once, in the answer of POST /api/bots/:id/webhook. `webhookEnabled` says
 * whether one exists.
 */
export const Bot = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string(),
  graph: Graph,
  version: z.number().int(),
  llmConnectionId: z.string().nullable(),
  llmModelOverride: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookEnabled: z.boolean(),
  onFailure: OnFailure.nullable(),
  /** How the webhook answers (PATCH /api/bots/:id/webhook changes it). */
  webhookResponse: WebhookResponse.default({ mode: 'immediate' }),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

/** GET /api/bots: each bot with what the list shows beside it (one query per concept, not per bot). */
export const BotListItem = Bot.extend({
  /** The newest run, whatever its state; null: never run. */
  lastRun: z.object({ id: z.string(), status: RunStatus, createdAt: IsoDate }).nullable(),
  /** The earliest next firing of the bot's active (not paused) schedules; null: none. */
  nextRunAt: IsoDateOrNull,
  /** Who created the bot; null when that account is gone. */
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});
export const BotSort = z.enum(['name', 'updated', 'lastRun']);
export const BotListQuery = WorkspaceQuery.extend({
  /** Text in the name or description (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  /** Default `updated` (newest first); `lastRun` puts never-run bots last. */
  sort: z.enum(BotSort.options, { message: 'Sort bots by name, updated or lastRun.' }).default('updated'),
  /** Default: `asc` for `name`, `desc` otherwise. */
  order: z.enum(['asc', 'desc'], { message: 'Use order asc or desc.' }).optional(),
});

const BotFields = {
  name: z.string().trim().min(1, 'Name the bot.').max(120),
  description: z.string().max(2000).optional(),
  llmConnectionId: Id.nullable().optional(),
  llmModelOverride: z.string().trim().max(200).nullable().optional(),
  /** `null` turns it off. */
  onFailure: OnFailure.nullable().optional(),
};

/** A graph that is not well-formed or does not validate is 422 INVALID_GRAPH with `details` per node. */
export const CreateBotBody = z.object({ ...BotFields, workspaceId: Id.optional(), graph: Graph });
/**
 * Every saved change of `graph` makes a new version. `baseVersion`: the version the client's
 * edit started from; when the bot has moved on since, the save is refused with 409
 * VERSION_CONFLICT and `error.details.current` (nothing another person saved is dropped). Without
 * it (scripts) the save is unconditional.
 */
export const UpdateBotBody = z.object({
  ...BotFields,
  name: BotFields.name.optional(),
  graph: Graph.optional(),
  baseVersion: z.number().int().min(1).optional(),
});

/** Checks a graph without saving it; problems are data here (200), not a 422. */
export const ValidateGraphBody = z.object({ graph: z.unknown(), workspaceId: Id.optional(), llmConnectionId: Id.nullable().optional() });
export const ValidateGraphResult = z.object({ ok: z.boolean(), errors: z.array(ErrorDetail) });

export const bots = {
  create: route({ method: 'POST', path: '/api/bots', body: CreateBotBody, response: { 201: Bot, ...errorResponses } }),
  list: route({
    method: 'GET',
    path: '/api/bots',
    querystring: BotListQuery,
    response: { 200: z.object({ bots: z.array(BotListItem) }), ...errorResponses },
  }),
  get: route({ method: 'GET', path: '/api/bots/:id', params: IdParams, response: { 200: Bot, ...errorResponses } }),
  update: route({
    method: 'PATCH',
    path: '/api/bots/:id',
    params: IdParams,
    body: UpdateBotBody,
    response: { 200: Bot, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/bots/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  validate: route({
    method: 'POST',
    path: '/api/bots/validate',
    body: ValidateGraphBody,
    response: { 200: ValidateGraphResult, ...errorResponses },
  }),
};

export type OnFailure = z.infer<typeof OnFailure>;
export type Bot = z.output<typeof Bot>;
export type BotListItem = z.output<typeof BotListItem>;
export type BotSort = z.infer<typeof BotSort>;
export type CreateBotBody = z.input<typeof CreateBotBody>;
export type UpdateBotBody = z.input<typeof UpdateBotBody>;
