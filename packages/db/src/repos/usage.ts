import type { RawConn } from '../client';
import { Fragment, query, sql, sqlTime } from './sql';

export const USAGE_GROUPS = ['day', 'month', 'bot', 'connection', 'model', 'member'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];
/** A second dimension for day and month roll-ups: each period split by bot or by model (the stacked charts). */
export const USAGE_SERIES = ['bot', 'model'] as const;
export type UsageSeries = (typeof USAGE_SERIES)[number];

export interface UsageRow {
  key: string;
  /** A readable name for the key (the bot's, connection's or member's), when it still exists. */
  label: string | null;
  runs: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  costUsd: number;
  /** Calls made on a model without a price (local, custom or unknown models): counted at $0, never guessed. */
  unpricedCalls: number;
}

export interface UsageSeriesRow extends UsageRow {
  series: string;
  seriesLabel: string | null;
}

export type UsageTotal = Omit<UsageRow, 'key' | 'label'>;

/** What each grouping keys on, and the name shown beside it (fixed SQL: never from the request). */
const GROUPS: Record<UsageGroup, { key: string; label: string; join: string }> = {
  day: { key: `to_char(n."finishedAt", 'YYYY-MM-DD')`, label: 'NULL', join: '' },
  month: { key: `to_char(n."finishedAt", 'YYYY-MM')`, label: 'NULL', join: '' },
  bot: { key: 'r."botId"', label: 'max(b."name")', join: 'LEFT JOIN "Bot" b ON b."id" = r."botId"' },
  connection: {
    key: `COALESCE(n."connectionId", '')`,
    label: 'max(c."name")',
    join: 'LEFT JOIN "user_llm_connections" c ON c."id" = n."connectionId"',
  },
  model: { key: `COALESCE(n."model", '')`, label: 'NULL', join: '' },
  member: { key: 'r."userId"', label: 'max(COALESCE(u."name", u."email"))', join: 'LEFT JOIN "User" u ON u."id" = r."userId"' },
};

/** Node runs that called an LLM (tokens or a cost recorded) on a model without a price: counted at $0, never guessed. */
export const UNPRICED_CALLS = `count(*) FILTER (WHERE (n."costUsd" IS NOT NULL OR n."inputTokens" IS NOT NULL)
  AND (n."price" IS NULL OR n."price"->>'source' = 'unpriced'))::int`;

/** The same rule for one node run already read (the run page). */
export const isUnpricedCall = (n: { costUsd: number | null; inputTokens: number | null; price: unknown }) =>
  (n.costUsd !== null || n.inputTokens !== null) && (n.price === null || (n.price as { source?: unknown }).source === 'unpriced');

const AGGREGATES = `count(DISTINCT n."runId")::int AS "runs", count(*)::int AS "calls",
  COALESCE(sum(n."inputTokens"), 0)::int AS "inputTokens", COALESCE(sum(n."outputTokens"), 0)::int AS "outputTokens",
  COALESCE(sum(n."cachedTokens"), 0)::int AS "cachedTokens", COALESCE(sum(n."costUsd"), 0)::float8 AS "costUsd",
  ${UNPRICED_CALLS} AS "unpricedCalls"`;

interface RollupQuery {
  workspaceId: string;
  from: Date;
  to: Date;
  botId?: string;
}

/**
 * One statement over the node runs that called an LLM in the workspace within [from, to)
 * (optionally one bot's): `select` is the column list, `rest` the joins before and the grouping
 * after the filter. Both are SQL text of this file; only the query's values are parameters.
 */
const ledger = (q: RollupQuery, select: string, join: string, rest = '') =>
  sql`SELECT ${new Fragment(select)} FROM "NodeRun" n JOIN "Run" r ON r."id" = n."runId" ${new Fragment(join)}
    WHERE r."workspaceId" = ${q.workspaceId} AND (n."costUsd" IS NOT NULL OR n."inputTokens" IS NOT NULL)
      AND n."finishedAt" >= ${sqlTime(q.from)}::timestamp AND n."finishedAt" < ${sqlTime(q.to)}::timestamp
      AND (${q.botId ?? null}::text IS NULL OR r."botId" = ${q.botId ?? null})
    ${new Fragment(rest)}`;

/**
 * The ledger's roll-ups: every node run that called an LLM, priced when it ran, grouped by day,
 * month, bot, connection, model or member, within [from, to). The history is the node runs
 * themselves, so deleting a bot deletes its history with it (its runs go too).
 */
export function usageRepo(raw: RawConn) {
  return {
    async rollup(q: RollupQuery & { groupBy: UsageGroup }): Promise<UsageRow[]> {
      const g = GROUPS[q.groupBy];
      const order = q.groupBy === 'day' || q.groupBy === 'month' ? '1 ASC' : '"costUsd" DESC, 1 ASC';
      return query<UsageRow>(
        raw,
        ledger(q, `${g.key} AS "key", ${g.label} AS "label", ${AGGREGATES}`, g.join, `GROUP BY 1 ORDER BY ${order}`),
      );
    },

    /** Each day or month split by bot or model, in one query (what the stacked charts draw). */
    async rollupSeries(q: RollupQuery & { groupBy: 'day' | 'month'; series: UsageSeries }): Promise<UsageSeriesRow[]> {
      const g = GROUPS[q.groupBy];
      const s = GROUPS[q.series];
      const select = `${g.key} AS "key", NULL AS "label", ${s.key} AS "series", ${s.label} AS "seriesLabel", ${AGGREGATES}`;
      return query<UsageSeriesRow>(raw, ledger(q, select, s.join, 'GROUP BY 1, 3 ORDER BY 1 ASC, "costUsd" DESC, 3 ASC'));
    },

    /** The whole range at once: a run counts once even when it spans days or models. */
    async total(q: RollupQuery): Promise<UsageTotal> {
      const [row] = await query<UsageTotal>(raw, ledger(q, AGGREGATES, ''));
      return row!;
    },
  };
}
