import type { RawConn } from '../client';
import { jsonText, query, sql, sqlTime } from './sql';

/**
 * Pinned node outputs of a bot (editor runs use them instead of executing the node). Beside the
 * bot, never in a version: pinning changes no version and conflicts with no save.
 */
export function pinRepo(raw: RawConn) {
  return {
    /** nodeId → pinned output. */
    async list(botId: string): Promise<Map<string, unknown>> {
      const rows = await query<{ nodeId: string; output: unknown }>(
        raw,
        sql`SELECT "nodeId", "output" FROM "BotPin" WHERE "botId" = ${botId}`,
      );
      return new Map(rows.map((r) => [r.nodeId, r.output]));
    },
    /** The ids of the pinned nodes only (a run decides what to reuse without reading the outputs). */
    async nodeIds(botId: string): Promise<Set<string>> {
      const rows = await query<{ nodeId: string }>(raw, sql`SELECT "nodeId" FROM "BotPin" WHERE "botId" = ${botId}`);
      return new Set(rows.map((r) => r.nodeId));
    },
    async set(botId: string, nodeId: string, output: unknown, userId: string | null): Promise<void> {
      await query(
        raw,
        sql`INSERT INTO "BotPin" ("botId", "nodeId", "output", "createdById", "updatedAt")
          VALUES (${botId}, ${nodeId}, ${jsonText(output) ?? 'null'}::jsonb, ${userId}, ${sqlTime(new Date())}::timestamp)
          ON CONFLICT ("botId", "nodeId") DO UPDATE SET "output" = EXCLUDED."output", "createdById" = EXCLUDED."createdById",
            "updatedAt" = EXCLUDED."updatedAt"`,
      );
    },
    async remove(botId: string, nodeIds: string[]): Promise<void> {
      if (!nodeIds.length) return;
      await query(raw, sql`DELETE FROM "BotPin" WHERE "botId" = ${botId} AND "nodeId" = ANY(${nodeIds}::text[])`);
    },
    /** Pins of nodes no longer in the graph go with them. */
    async keepOnly(botId: string, nodeIds: string[]): Promise<void> {
      await query(raw, sql`DELETE FROM "BotPin" WHERE "botId" = ${botId} AND NOT ("nodeId" = ANY(${nodeIds}::text[]))`);
    },
  };
}

export type PinRepo = ReturnType<typeof pinRepo>;
