import type { RawConn } from '../client';
import { Fragment, query, sql, sqlTime } from './sql';

export const USAGE_GROUPS = ['day', 'month', 'bot', 'connection', 'model', 'member'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

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
}

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

/**
 * The ledger's roll-ups: every node run that called an LLM, priced when it ran, grouped by day,
 * month, bot, connection, model or member, within [from, to). The history is the node runs
 * themselves, so deleting a bot deletes its history with it (its runs go too).
 */
export function usageRepo(raw: RawConn) {
  return {
    async rollup(q: { workspaceId: string; from: Date; to: Date; groupBy: UsageGroup; botId?: string }): Promise<UsageRow[]> {
      const g = GROUPS[q.groupBy];
      const rows = await query<UsageRow>(
        raw,
        sql`SELECT ${new Fragment(g.key)} AS "key", ${new Fragment(g.label)} AS "label",
            count(DISTINCT n."runId")::int AS "runs", count(*)::int AS "calls",
            COALESCE(sum(n."inputTokens"), 0)::int AS "inputTokens", COALESCE(sum(n."outputTokens"), 0)::int AS "outputTokens",
            COALESCE(sum(n."cachedTokens"), 0)::int AS "cachedTokens", COALESCE(sum(n."costUsd"), 0)::float8 AS "costUsd"
          FROM "NodeRun" n JOIN "Run" r ON r."id" = n."runId" ${new Fragment(g.join)}
          WHERE r."workspaceId" = ${q.workspaceId} AND (n."costUsd" IS NOT NULL OR n."inputTokens" IS NOT NULL)
            AND n."finishedAt" >= ${sqlTime(q.from)}::timestamp AND n."finishedAt" < ${sqlTime(q.to)}::timestamp
            AND (${q.botId ?? null}::text IS NULL OR r."botId" = ${q.botId ?? null})
          GROUP BY 1 ORDER BY ${new Fragment(q.groupBy === 'day' || q.groupBy === 'month' ? '1 ASC' : '"costUsd" DESC, 1 ASC')}`,
      );
      return rows;
    },
  };
}
