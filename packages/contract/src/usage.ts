import { z } from 'zod';
import { errorResponses, Id } from './common';
import { route } from './route';

/** USD per million tokens; `cachedInputPerMTok` absent: cached input is charged as other input. */
export const ModelPrice = z.object({
  inputPerMTok: z.number().min(0).max(10_000),
  outputPerMTok: z.number().min(0).max(10_000),
  cachedInputPerMTok: z.number().min(0).max(10_000).optional(),
});
/** A connection's own prices per model name, over the price data (local and custom endpoints are 0 without them). */
export const ConnectionPrices = z.record(z.string().min(1).max(200), ModelPrice);

export const PricesResponse = z.object({
  /** The date of the price data, and the package and version it comes from. */
  asOf: z.string(),
  source: z.string(),
  models: z.array(ModelPrice.extend({ provider: z.enum(['openai', 'anthropic', 'google']), model: z.string() })),
});

export const UsageGroup = z.enum(['day', 'month', 'bot', 'connection', 'model', 'member']);
/** With `groupBy=day|month`: each period split by bot or by model (rows then carry `series`). */
export const UsageSeries = z.enum(['bot', 'model']);
/** A date (`2026-12-01`) or a time; `to` is exclusive. Without them: the current calendar month (UTC). */
const When = z
  .string()
  .max(40)
  .pipe(z.coerce.date({ message: 'Use a date such as 2026-12-01.' }));
export const UsageQuery = z.object({
  workspaceId: Id.optional(),
  from: When.optional(),
  to: When.optional(),
  groupBy: UsageGroup.default('day'),
  series: UsageSeries.optional(),
  botId: Id.optional(),
});
export const UsageRow = z.object({
  key: z.string(),
  label: z.string().nullable(),
  runs: z.number().int(),
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cachedTokens: z.number().int(),
  costUsd: z.number(),
  /** Calls on models without a price (local, custom, unknown): counted at $0 and flagged, never guessed. */
  unpricedCalls: z.number().int(),
  /** With `series`: the bot id or model name this row's share of the period belongs to, and its name. */
  series: z.string().optional(),
  seriesLabel: z.string().nullable().optional(),
});
export const UsageResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: UsageGroup,
  rows: z.array(UsageRow),
  /** The whole range: a run counts once even when it spans several rows. */
  total: UsageRow.omit({ key: true, label: true, series: true, seriesLabel: true }),
});

/** What LLM calls cost: the price table and the ledger's roll-ups. */
export const usage = {
  prices: route({ method: 'GET', path: '/api/prices', response: { 200: PricesResponse, ...errorResponses } }),
  get: route({ method: 'GET', path: '/api/usage', querystring: UsageQuery, response: { 200: UsageResponse, ...errorResponses } }),
};

export type UsageResponse = z.infer<typeof UsageResponse>;
export type PricesResponse = z.infer<typeof PricesResponse>;
export type UsageGroup = z.infer<typeof UsageGroup>;
