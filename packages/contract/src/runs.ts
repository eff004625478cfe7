import { z } from 'zod';
import { errorResponses, Failure, IdParams, IsoDate, IsoDateOrNull } from './common';
import { RunStarted } from './webhooks';
import { route } from './route';

const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
/**
 * `pending`: not reached yet (listed so a client can draw the whole run). `waiting`: a flow.wait,
 * flow.approval or flow.subbot node waiting for its timer, a person or the other bot (the run is `running`).
 */
export const NodeRunStatus = z.enum(['pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled']);
/** `subbot`: started by another run's flow.subbot node; `onFailure`: a bot's on-failure run (both: `parentRunId`). */
const RUN_TRIGGERS = ['manual', 'api', 'schedule', 'webhook', 'resume', 'subbot', 'onFailure'] as const;
export const RunTrigger = z.enum(RUN_TRIGGERS);

export const RunSummary = z.object({
  id: z.string(),
  botId: z.string(),
  version: z.number().int(),
  status: RunStatus,
  trigger: RunTrigger,
  error: Failure.nullable(),
  /** When it was asked for (a run that never started has no startedAt). */
  createdAt: IsoDate,
  startedAt: IsoDateOrNull,
  finishedAt: IsoDateOrNull,
  resumedFromId: z.string().nullable(),
  /** The run this one re-runs (POST /api/runs/:id/rerun): same input, every node run afresh. */
  rerunOfId: z.string().nullable().optional(),
  /** The run that started this one (a flow.subbot node's run, or the failed run of an on-failure run). */
  parentRunId: z.string().nullable().optional(),
  /** A debug run from this node (alone when `only`); the other outputs were reused. */
  startAt: z.string().nullable().optional(),
  only: z.boolean().optional(),
  /** What the run's LLM calls cost the key owners (USD), every billed attempt counted. */
  costUsd: z.number(),
  /** LLM calls on models without a price: `costUsd` leaves them out ($0), so a list can say so. */
  unpricedCalls: z.number().int(),
});

export const NodeUsage = z.object({ inputTokens: z.number(), outputTokens: z.number(), cachedTokens: z.number().optional() });
/**
 * The price a node's LLM call was charged at, when it was made (USD per million tokens); `source`:
 * the price package and version, `connection` (the connection's override) or `unpriced` (0).
 */
export const PriceUsed = z.object({
  inputPerMTok: z.number(),
  outputPerMTok: z.number(),
  cachedInputPerMTok: z.number().optional(),
  source: z.string(),
});

export const NodeRun = z.object({
  nodeId: z.string(),
  type: z.string(),
  status: NodeRunStatus,
  /** The params as the node ran with them, expressions resolved. */
  input: z.unknown(),
  output: z.unknown(),
  /** Set when the output is too large to inline: GET it separately. */
  outputRef: z.string().optional(),
  error: Failure.nullable(),
  attempts: z.number().int(),
  /** Not run: its output was reused (a resumed run, a run from a node, pinned data). */
  reused: z.boolean(),
  /** Where a reused output came from: an earlier run, or the node's pinned data. */
  reusedFrom: z.union([z.object({ runId: z.string() }), z.literal('pinned')]).optional(),
  startedAt: IsoDateOrNull,
  finishedAt: IsoDateOrNull,
  usage: NodeUsage.optional(),
  model: z.string().optional(),
  /** What the node's LLM calls cost (USD, billed attempts included); null for nodes that call none. */
  costUsd: z.number().nullable(),
  price: PriceUsed.optional(),
  /** What the run noticed but did not fail on (e.g. characters removed that the database cannot store). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
  /** The outputs a branching node took (flow.if, flow.switch, flow.approval, an error output); absent: all of them. */
  ports: z.array(z.string()).optional(),
  /** The flow.loop item this node run belongs to (GET /api/runs/:id/items/:item). */
  item: z.number().int().optional(),
});

/** A loop's items in a run: each item's state, from its node runs (the run view's item picker). */
export const RunLoopItems = z.object({
  nodeId: z.string(),
  items: z.array(z.object({ item: z.number().int(), status: z.enum(['running', 'succeeded', 'failed', 'cancelled', 'skipped']) })),
});

export const RunDetail = RunSummary.extend({
  input: z.unknown(),
  nodes: z.array(NodeRun),
  /** The runs that resumed (`resume`) or re-ran (`rerun`) this one, oldest first. */
  followUps: z.array(z.object({ id: z.string(), kind: z.enum(['resume', 'rerun']) })).optional(),
});

/** A comma list of an enum's values (`status=failed,cancelled`); an unknown one is refused with `message`. */
const commaList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .max(300)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(values, { message })).max(values.length));
/** A date (`2026-12-01`) or a time (ISO 8601). */
const When = z
  .string()
  .max(40)
  .pipe(z.coerce.date({ message: 'Use a date such as 2026-12-01.' }));

/** The run history's page position: the last run's createdAt and id (opaque to clients). */
export const RunCursor = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[A-Za-z0-9_-]+$/, 'This page cursor is not valid; start again from the first page.');

/** GET /api/bots/:id/runs: every filter optional, all of them together (AND), newest first. */
export const RunListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    status: commaList(RUN_STATUSES, 'Use run statuses from: queued, running, succeeded, failed, cancelled.').optional(),
    trigger: commaList(RUN_TRIGGERS, 'Use run triggers from: manual, api, schedule, webhook, resume, subbot, onFailure.').optional(),
    version: z.coerce.number().int().min(1).optional(),
    /** createdAt ≥ from (inclusive) and < to (exclusive). */
    from: When.optional(),
    to: When.optional(),
    /** A run id prefix, or text in the error (code or message) or in the run's input; case-insensitive. */
    q: z.string().trim().max(200).optional(),
    /** `nextCursor` of the page before. */
    cursor: RunCursor.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'The end of the date range must be after its start.', path: ['to'] });
export const RunList = z.object({
  runs: z.array(RunSummary),
  /** Pass as `cursor` for the next (older) page; null: this is the last one. */
  nextCursor: z.string().nullable(),
});

/** Longest a start call may wait for the run to finish (`wait`, seconds). */
export const MAX_RUN_WAIT_SECONDS = 30;

export const StartRunBody = z
  .object({
    input: z.unknown().optional(),
    /** Seconds to wait for the run to finish: 200 with the finished run in time, else 202 as without it. */
    wait: z.number().min(0).max(MAX_RUN_WAIT_SECONDS).optional(),
    /** Run this node and (unless `only`) everything downstream; every other output is reused. */
    startAt: z.string().min(1).max(128).optional(),
    only: z.boolean().optional(),
    /** Reuse outputs from this run of the bot (default: each node's latest recorded output). */
    reuseRunId: z.string().min(1).max(64).optional(),
    /** Use pinned outputs instead of running pinned nodes. Editor runs only (a signed-in session): ignored for API tokens. */
    usePinned: z.boolean().optional(),
  })
  .nullish();

/** `GET /api/runs/:id/events` (Server-Sent Events; documented in apps/api/README.md). */
export const RunEventsQuery = z.object({
  /** Resume after this event (the same as the `Last-Event-ID` header, for clients that cannot set one). */
  after: z.coerce.number().int().min(0).optional(),
});

export const runs = {
  start: route({
    method: 'POST',
    path: '/api/bots/:id/runs',
    params: IdParams,
    body: StartRunBody,
    response: { 200: RunDetail, 202: RunStarted, ...errorResponses },
  }),
  listForBot: route({
    method: 'GET',
    path: '/api/bots/:id/runs',
    params: IdParams,
    querystring: RunListQuery,
    response: { 200: RunList, ...errorResponses },
  }),
  get: route({ method: 'GET', path: '/api/runs/:id', params: IdParams, response: { 200: RunDetail, ...errorResponses } }),
  nodeOutput: route({
    method: 'GET',
    path: '/api/runs/:id/nodes/:nodeId/output',
    params: IdParams.extend({ nodeId: z.string().min(1).max(200) }),
    response: { 200: z.object({ output: z.unknown() }), ...errorResponses },
  }),
  cancel: route({
    method: 'POST',
    path: '/api/runs/:id/cancel',
    params: IdParams,
    response: { 202: z.object({ status: z.literal('cancelling') }), ...errorResponses },
  }),
  events: route({
    method: 'GET',
    path: '/api/runs/:id/events',
    params: IdParams,
    querystring: RunEventsQuery,
    /** text/event-stream: `node`, `llm.delta` and `run` events (see apps/api/README.md). */
    response: { 200: z.string(), ...errorResponses },
  }),
  /** Every flow.loop of the run with its items' states. */
  items: route({
    method: 'GET',
    path: '/api/runs/:id/items',
    params: IdParams,
    response: { 200: z.object({ loops: z.array(RunLoopItems) }), ...errorResponses },
  }),
  /** The node runs of one loop item (its per-item steps), as in GET /api/runs/:id. */
  itemNodes: route({
    method: 'GET',
    path: '/api/runs/:id/items/:item',
    params: IdParams.extend({ item: z.coerce.number().int().min(0).max(1_000_000) }),
    response: { 200: z.object({ item: z.number().int(), nodes: z.array(NodeRun) }), ...errorResponses },
  }),
  /** A new run that reuses the finished nodes' outputs of a failed or cancelled one. */
  resume: route({ method: 'POST', path: '/api/runs/:id/resume', params: IdParams, response: { 202: RunStarted, ...errorResponses } }),
  /**
   * A fresh run of the bot's CURRENT version with a finished run's input (nothing reused); 409
   * RUN_NOT_FINISHED while that run is queued or running.
   */
  rerun: route({ method: 'POST', path: '/api/runs/:id/rerun', params: IdParams, response: { 202: RunStarted, ...errorResponses } }),
};

export type RunStatus = z.infer<typeof RunStatus>;
export type NodeRunStatus = z.infer<typeof NodeRunStatus>;
export type RunSummary = z.output<typeof RunSummary>;
export type NodeRun = z.output<typeof NodeRun>;
export type RunDetail = z.output<typeof RunDetail>;
export type RunListQuery = z.input<typeof RunListQuery>;
export type RunList = z.output<typeof RunList>;
export type RunLoopItems = z.output<typeof RunLoopItems>;
