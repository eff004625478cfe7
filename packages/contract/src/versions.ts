import { z } from 'zod';
import { errorResponses, IdParams, IsoDate } from './common';
import { Graph } from './graph';
import { route } from './route';

/** Every saved change of a bot's graph is an immutable version; runs record which one they ran. */
export const BotVersionSummary = z.object({ version: z.number().int(), createdAt: IsoDate, createdById: z.string().nullable() });
export const BotVersion = z.object({ version: z.number().int(), graph: Graph, createdAt: IsoDate });
export const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1) });

export const versions = {
  list: route({
    method: 'GET',
    path: '/api/bots/:id/versions',
    params: IdParams,
    response: { 200: z.object({ versions: z.array(BotVersionSummary) }), ...errorResponses },
  }),
  get: route({
    method: 'GET',
    path: '/api/bots/:id/versions/:version',
    params: VersionParams,
    response: { 200: BotVersion, ...errorResponses },
  }),
};

export type BotVersionSummary = z.output<typeof BotVersionSummary>;
export type BotVersion = z.output<typeof BotVersion>;
