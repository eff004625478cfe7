import { z } from 'zod';
import { errorResponses, IdParams, IsoDate, IsoDateOrNull, NoContent } from './common';
import { route } from './route';

/**
 * What a token may do: `full` everything but minting tokens, `run` reads plus starting, cancelling
 * and resuming runs, `read` only reads. Only a signed-in session mints tokens.
 */
export const TokenScope = z.enum(['full', 'run', 'read']);
/** A personal API token as listed: never the token itself, only its first characters. */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: TokenScope,
  createdAt: IsoDate,
  lastUsedAt: IsoDateOrNull,
});
export const CreateTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token.').max(100), scope: TokenScope.default('full') });
/** The only answer that carries the token: it is shown once. */
export const CreatedToken = z.object({ id: z.string(), name: z.string(), scope: TokenScope, token: z.string() });

export const tokens = {
  create: route({ method: 'POST', path: '/api/tokens', body: CreateTokenBody, response: { 201: CreatedToken, ...errorResponses } }),
  list: route({ method: 'GET', path: '/api/tokens', response: { 200: z.object({ tokens: z.array(ApiToken) }), ...errorResponses } }),
  remove: route({ method: 'DELETE', path: '/api/tokens/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
};

export type TokenScope = z.infer<typeof TokenScope>;
export type ApiToken = z.infer<typeof ApiToken>;
export type CreatedToken = z.infer<typeof CreatedToken>;
