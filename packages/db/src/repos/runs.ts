import type { NodeRun, PrismaClient, Run, RunStatus, RunTrigger } from '../generated/client';
import { newId } from '../ids';
import type { RawConn } from '../client';
import { nodeRunColumnsWithoutOutput, rowForCaller, runColumns } from './rows';
import { jsonText, query, sql, sqlTime } from './sql';
import { followUps, lastRuns, listRuns, type RunListFilter } from './run-list';

export type { RunListFilter } from './run-list';

/** What the worker reads of a run it takes. */
export type ClaimedRun = Pick<
  Run,
  'id' | 'botId' | 'botVersionId' | 'workspaceId' | 'userId' | 'input' | 'status' | 'resumedFromId' | 'startAt' | 'onlyStartAt' | 'reuses'
>;

export function runRepo(prisma: PrismaClient, raw: RawConn) {
  /** A run's node runs, each output inline unless larger than `inlineBytes`; one statement. */
  const nodesForDisplay = (runId: string, inlineBytes: number, item = -1) =>
    query<NodeRun>(
      raw,
      sql`SELECT ${nodeRunColumnsWithoutOutput('n')}, CASE WHEN n."outputBytes" <= ${inlineBytes} THEN n."output" END AS "output"
        FROM "NodeRun" n WHERE n."runId" = ${runId} AND n."item" = ${item}`,
    );
  return {
    newId: () => newId('run'),
    /** One statement; the API creates a run for every start. */
    async create(input: {
      id?: string;
      botId: string;
      botVersionId: string;
      version: number;
      workspaceId: string;
      userId: string;
      trigger: RunTrigger;
      input?: unknown;
      workflowId: string;
      resumedFromId?: string;
      /** A re-run: the same input, every node run afresh. */
      rerunOfId?: string;
      /** A debug run: from this node (alone when `onlyStartAt`), reusing the other outputs. */
      startAt?: string;
      onlyStartAt?: boolean;
      /** Outputs are copied in before it starts (resume, run from a node, pinned data). */
      reuses?: boolean;
      /** The run that started this one (flow.subbot, on failure) and its node. */
      parentRunId?: string;
      parentNodeId?: string;
    }): Promise<{ id: string }> {
      const id = input.id ?? newId('run');
      await query(
        raw,
        sql`INSERT INTO "Run" ("id", "botId", "botVersionId", "version", "workspaceId", "userId", "status", "trigger", "input",
            "workflowId", "resumedFromId", "rerunOfId", "startAt", "onlyStartAt", "reuses", "parentRunId", "parentNodeId", "createdAt")
          VALUES (${id}, ${input.botId}, ${input.botVersionId}, ${input.version}, ${input.workspaceId}, ${input.userId}, 'queued',
            ${input.trigger}::"RunTrigger", ${jsonText(input.input)}::jsonb, ${input.workflowId}, ${input.resumedFromId ?? null},
            ${input.rerunOfId ?? null},
            ${input.startAt ?? null}, ${input.onlyStartAt ?? false}, ${input.reuses ?? input.resumedFromId !== undefined},
            ${input.parentRunId ?? null}, ${input.parentNodeId ?? null}, ${sqlTime(new Date())}::timestamp)`,
      );
      return { id };
    },
    get: (id: string) => prisma.run.findUnique({ where: { id } }),
    findByWorkflowId: (workflowId: string) => prisma.run.findUnique({ where: { workflowId } }),
    /** The run and the caller's role in its workspace (null: not a member), in one statement. */
    getForCaller: (id: string, userId: string) => rowForCaller<Run>(raw, 'Run', id, userId),
    /**
     * A run for display, in two statements: the run, then its node runs with each output inline
     * unless larger than `inlineBytes` (those are fetched by reference).
     */
    async getForDisplay(id: string, inlineBytes: number) {
      const [run] = await query<Run>(raw, sql`SELECT ${runColumns('r')} FROM "Run" r WHERE r."id" = ${id}`);
      return run ? { ...run, nodes: await nodesForDisplay(id, inlineBytes) } : null;
    },
    nodesForDisplay,
    /** A run's loop items: for each item, how many of its node runs are in each state (the run view's item picker). */
    items: (runId: string) =>
      query<{ nodeId: string; item: number; status: string }>(
        raw,
        sql`SELECT n."nodeId", n."item", n."status"::text AS "status" FROM "NodeRun" n
          WHERE n."runId" = ${runId} AND n."item" >= 0 ORDER BY n."item"`,
      ),
    listOpen: (botId: string) =>
      prisma.run.findMany({ where: { botId, status: { in: ['queued', 'running'] } }, select: { id: true, workflowId: true } }),
    list: (botId: string, take = 50) => prisma.run.findMany({ where: { botId }, orderBy: { createdAt: 'desc' }, take }),
    /** One page of a bot's run history, filtered, newest first; `more`: another page follows. */
    search: (botId: string, filter: RunListFilter, take = 50) => listRuns(raw, botId, filter, take),
    /** Each of these bots' newest run (bots without runs are left out). */
    lastOf: (botIds: string[]) => (botIds.length ? lastRuns(raw, botIds) : Promise.resolve([])),
    /** The runs that resumed or re-ran this one. */
    followUps: (run: Pick<Run, 'id' | 'botId' | 'createdAt'>) => followUps(raw, run),
    /**
     * The worker takes a run: queued becomes running (startedAt set); any other state is left as it
     * is. One statement; returns the run as it now is (null when it does not exist).
     */
    async claim(id: string) {
      const now = sqlTime(new Date());
      // The run's `running` event is written by the same statement, when this call took the run.
      const rows = await query<ClaimedRun>(
        raw,
        sql`
        WITH c AS (
          UPDATE "Run" SET
            "status" = CASE WHEN "status" = 'queued' THEN 'running' ELSE "status" END,
            "startedAt" = CASE WHEN "status" = 'queued' THEN ${now}::timestamp ELSE "startedAt" END,
            "eventSeq" = CASE WHEN "status" = 'queued' THEN "eventSeq" + 1 ELSE "eventSeq" END
          WHERE "id" = ${id}
          RETURNING "id", "botId", "botVersionId", "workspaceId", "userId", "input", "status"::text AS "status", "resumedFromId",
            "startAt", "onlyStartAt", "reuses", "eventSeq", "startedAt" = ${now}::timestamp AS "claimedNow"
        ), e AS (
          INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
          SELECT c."id", c."eventSeq", 'run', '{"status":"running"}'::jsonb, ${now}::timestamp FROM c WHERE c."claimedNow"
        )
        SELECT "id", "botId", "botVersionId", "workspaceId", "userId", "input", "status", "resumedFromId", "startAt", "onlyStartAt", "reuses"
        FROM c`,
      );
      return rows[0] ?? null;
    },
    /**
     * Sets the final state once: a finished run is never reopened or overwritten. One statement,
     * which also records the run's final event (GET /api/runs/:id/events closes on it).
     */
    async finish(id: string, status: RunStatus, error?: unknown) {
      const now = sqlTime(new Date());
      const rows = await query<{ id: string }>(
        raw,
        sql`
        WITH f AS (
          UPDATE "Run" SET "status" = ${status}::"RunStatus", "finishedAt" = ${now}::timestamp,
            "error" = CASE WHEN ${error === undefined} THEN "error" ELSE ${jsonText(error)}::jsonb END,
            "eventSeq" = "eventSeq" + 1
          WHERE "id" = ${id} AND "status" IN ('queued', 'running')
          RETURNING "id", "eventSeq"
        ), e AS (
          INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
          SELECT f."id", f."eventSeq", 'run', jsonb_build_object('status', ${status}::text), ${now}::timestamp FROM f
        )
        SELECT "id" FROM f`,
      );
      return { count: rows.length };
    },
  };
}
