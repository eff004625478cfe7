import { z } from 'zod';
import { Bot } from './bots';
import { errorResponses, IdParams, IsoDate } from './common';
import { Graph } from './graph';
import { route } from './route';

/**
 * Every saved change of a bot's graph is an immutable version; runs record which one they ran.
 * Only a version's name changes after it is written.
 */

/** Who saved a version (null: the user is gone, or the version predates recording it). */
export const VersionAuthor = z.object({ id: z.string(), name: z.string(), email: z.string() });

/**
 * What a version changed against the one before it, computed from the graphs (@bm/graph's diff):
 * the names of nodes added, removed and changed, how many only moved, connections added and
 * removed, sticky notes edited. Null for a bot's first version.
 */
export const VersionChanges = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  moved: z.number().int(),
  edgesAdded: z.number().int(),
  edgesRemoved: z.number().int(),
  /** Sticky notes added, removed or edited. */
  notes: z.number().int(),
});

export const BotVersionSummary = z.object({
  version: z.number().int(),
  createdAt: IsoDate,
  createdById: z.string().nullable(),
  createdBy: VersionAuthor.nullable(),
  name: z.string().nullable(),
  /** The version this one restored; null for an ordinary save. */
  restoredFrom: z.number().int().nullable(),
  changes: VersionChanges.nullable(),
  /** `changes` as one English line ("Added Summarise; changed Fetch"); the editor words it in the user's language. */
  summary: z.string(),
});
export const BotVersion = z.object({
  version: z.number().int(),
  graph: Graph,
  createdAt: IsoDate,
  createdById: z.string().nullable(),
  name: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
});
export const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1) });
/** An empty name takes the name away. */
export const NameVersionBody = z.object({ name: z.string().trim().max(120).nullable() });

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
  name: route({
    method: 'PATCH',
    path: '/api/bots/:id/versions/:version',
    params: VersionParams,
    body: NameVersionBody,
    response: { 200: BotVersionSummary, ...errorResponses },
  }),
  /** A new version whose graph equals that one's (the history keeps everything in between). */
  restore: route({
    method: 'POST',
    path: '/api/bots/:id/versions/:version/restore',
    params: VersionParams,
    response: { 200: Bot, ...errorResponses },
  }),
};

export type VersionAuthor = z.output<typeof VersionAuthor>;
export type VersionChanges = z.output<typeof VersionChanges>;
export type BotVersionSummary = z.output<typeof BotVersionSummary>;
export type BotVersion = z.output<typeof BotVersion>;
export type NameVersionBody = z.input<typeof NameVersionBody>;
