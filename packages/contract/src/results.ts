import { z } from 'zod';
import { errorResponses, Id, IdParams, IsoDate } from './common';
import { route } from './route';

/** One entry of a results inbox (what an `output.results` node saved). */
export const ResultItem = z.object({
  id: z.string(),
  botId: z.string(),
  runId: z.string().nullable(),
  title: z.string().nullable(),
  content: z.string(),
  data: z.unknown(),
  createdAt: IsoDate,
});
export const ResultsQuery = z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ResultList = z.object({ results: z.array(ResultItem) });

export const results = {
  forBot: route({
    method: 'GET',
    path: '/api/bots/:id/results',
    params: IdParams,
    querystring: ResultsQuery,
    response: { 200: ResultList, ...errorResponses },
  }),
  /** The workspace-wide inbox across bots, newest first. */
  inbox: route({
    method: 'GET',
    path: '/api/results',
    querystring: ResultsQuery.extend({ workspaceId: Id.optional() }),
    response: { 200: ResultList, ...errorResponses },
  }),
};

export type ResultItem = z.output<typeof ResultItem>;
