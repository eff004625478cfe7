import { z } from 'zod';
import { errorResponses, IdParams, NoContent } from './common';
import { route } from './route';

export const RunStarted = z.object({ runId: z.string() });

export const webhooks = {
  /** A new secret URL (the old one stops working); runs it starts execute as the caller. */
  rotate: route({
    method: 'POST',
    path: '/api/bots/:id/webhook',
    params: IdParams,
    response: { 200: z.object({ url: z.string() }), ...errorResponses },
  }),
  disable: route({ method: 'DELETE', path: '/api/bots/:id/webhook', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  /** Public: the token in the URL is the credential; any body (JSON or text) becomes the run input. */
  trigger: route({
    method: 'POST',
    path: '/api/hooks/:token',
    params: z.object({ token: z.string().min(10).max(200) }),
    body: z.unknown(),
    response: { 202: RunStarted, ...errorResponses },
  }),
};

export type RunStarted = z.infer<typeof RunStarted>;
