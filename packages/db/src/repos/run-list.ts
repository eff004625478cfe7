import type { Run, RunStatus, RunTrigger } from '../generated/client';
import type { RawConn } from '../client';
import { runColumns } from './rows';
import { query, sql, sqlTime, type Statement } from './sql';

/** The run history's filters (GET /api/bots/:id/runs); every one optional, all of them ANDed. */
export interface RunListFilter {
  status?: RunStatus[];
  trigger?: RunTrigger[];
  version?: number;
  /** createdAt ≥ from, < to. */
  from?: Date;
  to?: Date;
  /** A run id prefix, or text in the error's code/message or in the run's input (case-insensitive). */
  q?: string;
  /** Keyset position: runs strictly older than this (createdAt, id) pair, newest first. */
  after?: { createdAt: Date; id: string };
}

/** `%`, `_` and `\` match literally in the search text. */
const likeText = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One statement per page. Every condition sits on the bot's own runs: the ("botId", "createdAt")
 * index narrows to them and orders them, so the filters (and the ILIKE search, which no btree can
 * serve) only look at one bot's history. A trigram index would make the search itself indexed,
 * but pg_trgm is not loaded in PGlite, the embedded default.
 */
export async function listRuns(raw: RawConn, botId: string, f: RunListFilter, take: number): Promise<{ runs: Run[]; more: boolean }> {
  const parts: Statement[] = [sql`r."botId" = ${botId}`];
  if (f.status?.length) parts.push(sql`r."status"::text = ANY(${f.status}::text[])`);
  if (f.trigger?.length) parts.push(sql`r."trigger"::text = ANY(${f.trigger}::text[])`);
  if (f.version !== undefined) parts.push(sql`r."version" = ${f.version}`);
  if (f.from) parts.push(sql`r."createdAt" >= ${sqlTime(f.from)}::timestamp`);
  if (f.to) parts.push(sql`r."createdAt" < ${sqlTime(f.to)}::timestamp`);
  if (f.q) {
    const like = `%${likeText(f.q)}%`;
    parts.push(sql`(r."id" LIKE ${`${likeText(f.q)}%`} OR r."error"->>'code' ILIKE ${like} OR r."error"->>'message' ILIKE ${like}
      OR r."input"::text ILIKE ${like})`);
  }
  if (f.after) parts.push(sql`(r."createdAt", r."id") < (${sqlTime(f.after.createdAt)}::timestamp, ${f.after.id})`);
  const where = joinAnd(parts);
  const rows = await query<Run>(raw, {
    text: `SELECT ${runColumns('r').text} FROM "Run" r WHERE ${where.text} ORDER BY r."createdAt" DESC, r."id" DESC LIMIT ${take + 1}`,
    values: where.values,
  });
  return { runs: rows.slice(0, take), more: rows.length > take };
}

/** The runs that resumed or re-ran this one (the run view links to them); same bot, created after it. */
export const followUps = (raw: RawConn, run: Pick<Run, 'id' | 'botId' | 'createdAt'>) =>
  query<{ id: string; kind: 'resume' | 'rerun' }>(
    raw,
    sql`SELECT r."id", CASE WHEN r."rerunOfId" = ${run.id} THEN 'rerun' ELSE 'resume' END AS "kind" FROM "Run" r
      WHERE r."botId" = ${run.botId} AND r."createdAt" >= ${sqlTime(run.createdAt)}::timestamp
        AND (r."resumedFromId" = ${run.id} OR r."rerunOfId" = ${run.id})
      ORDER BY r."createdAt" LIMIT 20`,
  );

/** ANDs parameterised conditions into one, renumbering each part's `$n` after the ones before it. */
function joinAnd(parts: Statement[]): Statement {
  const values: unknown[] = [];
  const texts = parts.map((p) => {
    const offset = values.length;
    values.push(...p.values);
    return p.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  return { text: texts.join(' AND '), values };
}

/** Each bot's newest run, in one statement (DISTINCT ON walks the ("botId", "createdAt") index). */
export const lastRuns = (raw: RawConn, botIds: string[]) =>
  query<{ botId: string; id: string; status: RunStatus; createdAt: Date }>(
    raw,
    sql`SELECT DISTINCT ON (r."botId") r."botId", r."id", r."status"::text AS "status", (r."createdAt" AT TIME ZONE 'UTC') AS "createdAt"
      FROM "Run" r WHERE r."botId" = ANY(${botIds}::text[]) ORDER BY r."botId", r."createdAt" DESC, r."id" DESC`,
  );
