import type { RawConn } from '../client';
import { jsonText, query, sql, sqlTime } from './sql';

/** A persisted run event: `node` (nodeId, status, attempt, nextRetryAt?, reusedFrom?) or `run` (status). */
export interface RunEventRow {
  seq: number;
  type: 'node' | 'run';
  data: Record<string, unknown>;
}

/**
 * The run's events, in order. Each takes the next number of its run under the run row's lock (one
 * statement): numbers are gapless and commit in order, so a reader that saw event n and asks for
 * what follows never skips one that committed later with a smaller number.
 */
export function runEventRepo(raw: RawConn) {
  return {
    async append(runId: string, events: { type: RunEventRow['type']; data: Record<string, unknown> }[]): Promise<number[]> {
      if (!events.length) return [];
      const rows = await query<{ seq: number }>(
        raw,
        sql`
        WITH s AS (UPDATE "Run" SET "eventSeq" = "eventSeq" + ${events.length}::int WHERE "id" = ${runId} RETURNING "eventSeq")
        INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
        SELECT ${runId}, s."eventSeq" - ${events.length}::int + e.ord::int, e.value->>'type', e.value->'data', ${sqlTime(new Date())}::timestamp
        FROM s, jsonb_array_elements(${jsonText(events)}::jsonb) WITH ORDINALITY AS e(value, ord)
        RETURNING "seq"`,
      );
      return rows.map((r) => r.seq);
    },
    /** Events after `seq`, oldest first. */
    after: (runId: string, seq: number, limit = 500) =>
      query<RunEventRow>(
        raw,
        sql`SELECT "seq", "type", "data" FROM "RunEvent" WHERE "runId" = ${runId} AND "seq" > ${seq}::int ORDER BY "seq" LIMIT ${limit}::int`,
      ),
  };
}
