import { z } from 'zod';
import { errorResponses, IdParams, NoContent } from './common';
import { route } from './route';

export const RunStarted = z.object({ runId: z.string() });

/** How long a waiting webhook waits for its answer before it answers 202 `{ runId }`. */
export const WEBHOOK_WAIT_DEFAULT_MS = 30_000;
export const WEBHOOK_WAIT_MAX_MS = 120_000;

/**
 * What a bot's webhook answers: `immediate` 202 `{ runId }` (the default); `respondNode` the
 * status, headers and body recorded by the run's `output.respond` node (the last node's output when
 * its branch was not taken); `lastNode` 200 with the run's result (the output of its last succeeded
 * node). A waiting mode answers 202 `{ runId }` after `timeoutMs`, and 502 RUN_FAILED when the run
 * fails or is cancelled first.
 */
export const WebhookResponse = z.object({
  mode: z.enum(['immediate', 'respondNode', 'lastNode']).describe('immediate: 202 at once; respondNode / lastNode: wait for the run.'),
  timeoutMs: z
    .number()
    .int()
    .min(1_000)
    .max(WEBHOOK_WAIT_MAX_MS)
    .optional()
    .describe(`How long a waiting mode waits before answering 202 { runId } (default ${WEBHOOK_WAIT_DEFAULT_MS}).`),
});

/** A bot's webhook: whether its URL exists (the URL itself is shown once, when made) and how it answers. */
export const WebhookSettings = z.object({ enabled: z.boolean(), response: WebhookResponse });

/** The answer of a waiting webhook whose run failed or was cancelled before it answered. */
export const RunFailedBody = z.object({
  error: z.object({ code: z.literal('RUN_FAILED'), message: z.string(), runId: z.string() }),
});

export const webhooks = {
  /** A new secret URL (the old one stops working); runs it starts execute as the caller. May set the response mode too. */
  rotate: route({
    method: 'POST',
    path: '/api/bots/:id/webhook',
    params: IdParams,
    // Optional: a bodyless POST (what the editor sends) arrives as null.
    body: z.object({ response: WebhookResponse.optional() }).nullish(),
    response: { 200: z.object({ url: z.string(), response: WebhookResponse }), ...errorResponses },
  }),
  /** Changes how the webhook answers; the URL stays as it is. */
  update: route({
    method: 'PATCH',
    path: '/api/bots/:id/webhook',
    params: IdParams,
    body: z.object({ response: WebhookResponse }),
    response: { 200: WebhookSettings, ...errorResponses },
  }),
  disable: route({ method: 'DELETE', path: '/api/bots/:id/webhook', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  /**
   * Public: the token in the URL is the credential; any body (JSON or text) becomes the run input.
   * 202 `{ runId }` unless the bot's webhook waits (`WebhookResponse`): then the Respond node's
   * status (any 2xx–5xx), headers and body, or 200 and the run's result, or 502 RUN_FAILED.
   */
  trigger: route({
    method: 'POST',
    path: '/api/hooks/:token',
    params: z.object({ token: z.string().min(10).max(200) }),
    body: z.unknown(),
    response: {
      200: z.unknown().describe("The Respond node's body, or the run's result (JSON, or text)."),
      202: RunStarted,
      ...errorResponses,
      502: RunFailedBody,
    },
  }),
};

export type RunStarted = z.infer<typeof RunStarted>;
export type WebhookResponse = z.infer<typeof WebhookResponse>;
export type WebhookSettings = z.infer<typeof WebhookSettings>;
