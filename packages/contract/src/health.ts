import { z } from 'zod';
import { route } from './route';

export const PartState = z.enum(['ok', 'down']);
/** 200 when every part is up; 503 with the same body (and `details` of what is down) otherwise. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  db: PartState,
  temporal: PartState,
  worker: PartState,
  details: z.record(z.string(), z.string()).optional(),
});

export const health = {
  get: route({ method: 'GET', path: '/api/health', response: { 200: Health, 503: Health } }),
};

/** The OpenAPI 3 description of every route, generated from this contract. */
export const openapi = {
  get: route({ method: 'GET', path: '/api/openapi.json', response: { 200: z.record(z.string(), z.unknown()) } }),
};

export type Health = z.infer<typeof Health>;
