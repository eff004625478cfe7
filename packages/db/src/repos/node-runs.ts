import type { PrismaClient, NodeRunStatus } from '../generated/client';
import { newId } from '../ids';
import type { RawConn } from '../client';
import { json } from './json';
import { Fragment, jsonText, query, sql, sqlTime } from './sql';
import { UNPRICED_CALLS } from './usage';

export interface RunCost {
  costUsd: number;
  unpricedCalls: number;
}

export function nodeRunRepo(prisma: PrismaClient, raw: RawConn) {
  return {
    /** `item`: a flow.loop item's row (0-based); -1, the default, is the node's row outside loops. */
    get: (runId: string, nodeId: string, item = -1) => prisma.nodeRun.findUnique({ where: { runId_nodeId_item: { runId, nodeId, item } } }),
    /** Outputs of the given nodes of a run (upstream inputs of a node), at one loop item (-1: outside loops). */
    outputs: (runId: string, nodeIds: string[], item = -1) =>
      query<{ nodeId: string; status: NodeRunStatus; output: unknown }>(
        raw,
        sql`SELECT "nodeId", "status"::text AS "status", "output" FROM "NodeRun"
          WHERE "runId" = ${runId} AND "nodeId" = ANY(${nodeIds}::text[]) AND "item" = ${item}`,
      ),
    /** Every item's row of the given loop-body nodes: what a flow.collect node gathers. */
    itemRows: (runId: string, nodeIds: string[]) =>
      query<{ nodeId: string; item: number; status: NodeRunStatus; output: unknown; error: unknown }>(
        raw,
        sql`SELECT "nodeId", "item", "status"::text AS "status", "output", "error" FROM "NodeRun"
          WHERE "runId" = ${runId} AND "nodeId" = ANY(${nodeIds}::text[]) AND "item" >= 0 ORDER BY "item"`,
      ),
    /**
     * An attempt takes the node's row (creating it): status running, this attempt, times reset.
     * One statement. Returns false — and changes nothing — when the node already succeeded (a retry
     * after a worker died between recording and reporting): the caller reuses that record.
     */
    async begin(runId: string, nodeId: string, type: string, attempt: number, item = -1): Promise<boolean> {
      const now = sqlTime(new Date());
      const at = item >= 0 ? { item } : {};
      // The node's `running` event (GET /api/runs/:id/events) is written by the same statement,
      // numbered under the run row's lock like every run event (run-events.ts).
      const rows = await query<{ id: string }>(
        raw,
        sql`
        WITH b AS (
          INSERT INTO "NodeRun" ("id", "runId", "nodeId", "item", "type", "status", "attempts", "startedAt")
          VALUES (${newId('nr')}, ${runId}, ${nodeId}, ${item}, ${type}, 'running', ${attempt}, ${now}::timestamp)
          ON CONFLICT ("runId", "nodeId", "item") DO UPDATE SET
            "status" = 'running', "attempts" = EXCLUDED."attempts", "error" = NULL,
            "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL
          WHERE "NodeRun"."status" <> 'succeeded'
          RETURNING "id"
        ), ev_seq AS (
          UPDATE "Run" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${runId} AND EXISTS (SELECT 1 FROM b) RETURNING "eventSeq"
        ), ev AS (
          INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
          SELECT ${runId}, ev_seq."eventSeq", 'node', ${jsonText({ nodeId, ...at, status: 'running', attempt })}::jsonb, ${now}::timestamp FROM ev_seq
        )
        SELECT "id" FROM b`,
      );
      return rows.length > 0;
    },
    /**
     * Records a node's output in one statement — only while this attempt still owns the row (it is
     * running under this attempt or an earlier one, or does not exist yet: a local node writes its
     * row once, here). A cancelled, skipped, failed or already succeeded node, or one a newer attempt
     * took, is never overwritten. Durable node state (e.g. RSS items seen) commits in the same
     * statement, and only when the output did: output and state never disagree.
     * Returns whether it recorded.
     */
    async succeed(
      runId: string,
      nodeId: string,
      type: string,
      attempt: number,
      data: {
        input?: unknown;
        output: unknown;
        outputBytes: number;
        usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number };
        model?: string;
        /** What the attempt's LLM calls cost, the price and the connection (added to earlier billed attempts). */
        cost?: { costUsd: number; price: unknown; connectionId: string | null };
        warnings?: { code: string; message: string }[];
        /** When the attempt started (a local node has no row until now). */
        startedAt?: Date;
        /** The output ports a branching node took. */
        ports?: string[];
        /** `waiting`: a flow node that did its part and waits (a timer, a person, another bot); `running`: a loop running its items. Both completed by `complete`. */
        status?: 'succeeded' | 'waiting' | 'running';
      },
      state?: { botId: string; entries: [string, unknown][] },
      item = -1,
    ): Promise<boolean> {
      const now = sqlTime(new Date());
      const at = item >= 0 ? { item } : {};
      const status = data.status ?? 'succeeded';
      const finishedAt = status === 'succeeded' ? now : null;
      const startedAt = data.startedAt ? sqlTime(data.startedAt) : now;
      const entries = state?.entries.length ? jsonText(Object.fromEntries(state.entries)) : null;
      const rows = await query<{ recorded: number }>(
        raw,
        sql`
        WITH recorded AS (
          INSERT INTO "NodeRun" ("id", "runId", "nodeId", "item", "type", "status", "attempts", "startedAt", "finishedAt",
            "input", "output", "outputBytes", "inputTokens", "outputTokens", "cachedTokens", "model", "warnings",
            "costUsd", "price", "connectionId", "ports")
          VALUES (${newId('nr')}, ${runId}, ${nodeId}, ${item}, ${type}, ${status}::"NodeRunStatus", ${attempt}, ${startedAt}::timestamp, ${finishedAt}::timestamp,
            ${jsonText(data.input)}::jsonb, ${jsonText(data.output ?? null) ?? 'null'}::jsonb, ${data.outputBytes},
            ${data.usage?.inputTokens ?? null}::int, ${data.usage?.outputTokens ?? null}::int, ${data.usage?.cachedTokens ?? null}::int,
            ${data.model ?? null}, ${data.warnings?.length ? jsonText(data.warnings) : null}::jsonb,
            ${data.cost?.costUsd ?? null}::float8, ${data.cost ? jsonText(data.cost.price) : null}::jsonb, ${data.cost?.connectionId ?? null},
            ${data.ports ? jsonText(data.ports) : null}::jsonb)
          ON CONFLICT ("runId", "nodeId", "item") DO UPDATE SET
            "status" = EXCLUDED."status", "attempts" = EXCLUDED."attempts", "finishedAt" = EXCLUDED."finishedAt", "ports" = EXCLUDED."ports",
            "input" = EXCLUDED."input", "output" = EXCLUDED."output", "outputBytes" = EXCLUDED."outputBytes", "error" = NULL,
            -- Tokens and cost add up over the attempts the provider billed (a failed attempt may have been).
            "inputTokens" = CASE WHEN EXCLUDED."inputTokens" IS NULL THEN "NodeRun"."inputTokens" ELSE COALESCE("NodeRun"."inputTokens", 0) + EXCLUDED."inputTokens" END,
            "outputTokens" = CASE WHEN EXCLUDED."outputTokens" IS NULL THEN "NodeRun"."outputTokens" ELSE COALESCE("NodeRun"."outputTokens", 0) + EXCLUDED."outputTokens" END,
            "cachedTokens" = CASE WHEN EXCLUDED."cachedTokens" IS NULL THEN "NodeRun"."cachedTokens" ELSE COALESCE("NodeRun"."cachedTokens", 0) + EXCLUDED."cachedTokens" END,
            "model" = COALESCE(EXCLUDED."model", "NodeRun"."model"), "warnings" = EXCLUDED."warnings",
            "costUsd" = CASE WHEN EXCLUDED."costUsd" IS NULL THEN "NodeRun"."costUsd" ELSE COALESCE("NodeRun"."costUsd", 0) + EXCLUDED."costUsd" END,
            "price" = COALESCE(EXCLUDED."price", "NodeRun"."price"), "connectionId" = COALESCE(EXCLUDED."connectionId", "NodeRun"."connectionId")
          WHERE "NodeRun"."status" = 'running' AND "NodeRun"."attempts" <= EXCLUDED."attempts"
          RETURNING 1
        ), ev_seq AS (
          -- The node's event (GET /api/runs/:id/events) in the same statement: numbered under the run row's lock.
          UPDATE "Run" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${runId} AND EXISTS (SELECT 1 FROM recorded) RETURNING "eventSeq"
        ), ev AS (
          INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
          SELECT ${runId}, ev_seq."eventSeq", 'node', ${jsonText({ nodeId, ...at, status, attempt })}::jsonb, ${now}::timestamp FROM ev_seq
        ), kept AS (
          INSERT INTO "NodeState" ("botId", "nodeId", "key", "value", "updatedAt")
          SELECT ${state?.botId ?? null}, ${nodeId}, e.key, e.value, ${now}::timestamp
          FROM jsonb_each(${entries}::jsonb) AS e
          WHERE EXISTS (SELECT 1 FROM recorded)
          ON CONFLICT ("botId", "nodeId", "key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"
        )
        SELECT count(*)::int AS recorded FROM recorded`,
      );
      return (rows[0]?.recorded ?? 0) > 0;
    },
    /**
     * Completes a node that waited (flow.wait, flow.approval): the ports it took, and its output when
     * a person edited it. Only a waiting row is completed (a cancelled one stays cancelled).
     */
    async complete(runId: string, nodeId: string, item: number, data: { ports?: string[]; output?: unknown }): Promise<boolean> {
      const now = sqlTime(new Date());
      const at = item >= 0 ? { item } : {};
      const output = data.output === undefined ? null : (jsonText(data.output) ?? 'null');
      const rows = await query<{ recorded: number }>(
        raw,
        sql`
        WITH recorded AS (
          UPDATE "NodeRun" SET "status" = 'succeeded', "finishedAt" = ${now}::timestamp,
            "ports" = ${data.ports ? jsonText(data.ports) : null}::jsonb,
            "output" = COALESCE(${output}::jsonb, "output"),
            "outputBytes" = CASE WHEN ${output}::jsonb IS NULL THEN "outputBytes" ELSE octet_length(${output}::text) END
          WHERE "runId" = ${runId} AND "nodeId" = ${nodeId} AND "item" = ${item} AND "status" IN ('waiting', 'running')
          RETURNING 1
        ), ev_seq AS (
          UPDATE "Run" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${runId} AND EXISTS (SELECT 1 FROM recorded) RETURNING "eventSeq"
        ), ev AS (
          INSERT INTO "RunEvent" ("runId", "seq", "type", "data", "at")
          SELECT ${runId}, ev_seq."eventSeq", 'node', ${jsonText({ nodeId, ...at, status: 'succeeded' })}::jsonb, ${now}::timestamp FROM ev_seq
        )
        SELECT count(*)::int AS recorded FROM recorded`,
      );
      return (rows[0]?.recorded ?? 0) > 0;
    },
    /** Each run's cost (USD, the sum of its node runs') and how many of its LLM calls had no price. */
    async costs(runIds: string[]) {
      const out = new Map<string, RunCost>();
      if (!runIds.length) return out;
      const rows = await query<RunCost & { runId: string }>(
        raw,
        sql`SELECT n."runId", COALESCE(sum(n."costUsd"), 0)::float8 AS "costUsd", ${new Fragment(UNPRICED_CALLS)} AS "unpricedCalls"
          FROM "NodeRun" n WHERE n."runId" = ANY(${runIds}::text[]) GROUP BY 1`,
      );
      for (const { runId, ...cost } of rows) out.set(runId, cost);
      return out;
    },
    /**
     * Records an attempt's failure; `final` marks the node failed, otherwise it stays running (a retry
     * follows). Creates the row for a local node (which writes no row when it starts); never touches a
     * node that finished, was cancelled, or that a newer attempt took.
     */
    async fail(
      runId: string,
      nodeId: string,
      type: string,
      attempt: number,
      error: unknown,
      final: boolean,
      /** What the attempt's LLM calls cost before it failed: billed, so counted. */
      cost?: {
        costUsd: number;
        price: unknown;
        connectionId: string | null;
        usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number };
        model?: string;
      },
      item = -1,
    ) {
      const now = sqlTime(new Date());
      const status = final ? 'failed' : 'running';
      const finishedAt = final ? now : null;
      await query(
        raw,
        sql`
        INSERT INTO "NodeRun" ("id", "runId", "nodeId", "item", "type", "status", "attempts", "startedAt", "finishedAt", "error",
          "costUsd", "price", "connectionId", "inputTokens", "outputTokens", "cachedTokens", "model")
        VALUES (${newId('nr')}, ${runId}, ${nodeId}, ${item}, ${type}, ${status}::"NodeRunStatus", ${attempt}, ${now}::timestamp,
          ${finishedAt}::timestamp, ${jsonText(error)}::jsonb,
          ${cost?.costUsd ?? null}::float8, ${cost ? jsonText(cost.price) : null}::jsonb, ${cost?.connectionId ?? null},
          ${cost?.usage?.inputTokens ?? null}::int, ${cost?.usage?.outputTokens ?? null}::int, ${cost?.usage?.cachedTokens ?? null}::int,
          ${cost?.model ?? null})
        ON CONFLICT ("runId", "nodeId", "item") DO UPDATE SET
          "inputTokens" = CASE WHEN EXCLUDED."inputTokens" IS NULL THEN "NodeRun"."inputTokens" ELSE COALESCE("NodeRun"."inputTokens", 0) + EXCLUDED."inputTokens" END,
          "outputTokens" = CASE WHEN EXCLUDED."outputTokens" IS NULL THEN "NodeRun"."outputTokens" ELSE COALESCE("NodeRun"."outputTokens", 0) + EXCLUDED."outputTokens" END,
          "cachedTokens" = CASE WHEN EXCLUDED."cachedTokens" IS NULL THEN "NodeRun"."cachedTokens" ELSE COALESCE("NodeRun"."cachedTokens", 0) + EXCLUDED."cachedTokens" END,
          "model" = COALESCE(EXCLUDED."model", "NodeRun"."model"),
          "status" = EXCLUDED."status", "attempts" = EXCLUDED."attempts", "error" = EXCLUDED."error",
          "finishedAt" = EXCLUDED."finishedAt",
          "costUsd" = CASE WHEN EXCLUDED."costUsd" IS NULL THEN "NodeRun"."costUsd" ELSE COALESCE("NodeRun"."costUsd", 0) + EXCLUDED."costUsd" END,
          "price" = COALESCE(EXCLUDED."price", "NodeRun"."price"), "connectionId" = COALESCE(EXCLUDED."connectionId", "NodeRun"."connectionId")
        WHERE "NodeRun"."status" = 'running' AND "NodeRun"."attempts" <= EXCLUDED."attempts"`,
      );
    },
    /**
     * The final failure of a node, as the interpreter saw it; with continue-on-failure the error
     * becomes its output. Never overrides a node that succeeded, was cancelled or was skipped.
     */
    async failFinal(
      runId: string,
      nodeId: string,
      error: { code: string; message: string; key?: string; params?: unknown; continued: boolean },
      continued: boolean,
      item = -1,
      /** Routed to the node's error output: only that port carries its output. */
      ports?: string[],
    ) {
      // The workflow knows a failure's code and message only; the attempt recorded it with its
      // catalogue key and params (for showing it localized): keep those when it is the same failure.
      const attempt = (await prisma.nodeRun.findFirst({ where: { runId, nodeId, item }, select: { error: true } }))?.error as
        { code?: unknown; key?: unknown; params?: unknown } | null | undefined;
      const localized =
        attempt?.code === error.code && typeof attempt.key === 'string' ? { key: attempt.key, params: attempt.params ?? {} } : {};
      const data = {
        status: 'failed' as const,
        error: json({ ...error, ...localized }),
        finishedAt: new Date(),
        ...(continued ? { output: json({ error: { code: error.code, message: error.message } }) } : {}),
        ...(ports ? { ports: json(ports) } : {}),
      };
      const { count } = await prisma.nodeRun.updateMany({
        where: { runId, nodeId, item, status: { in: ['pending', 'running', 'waiting', 'failed'] } },
        data,
      });
      if (count === 0)
        await prisma.nodeRun.createMany({
          data: [{ id: newId('nr'), runId, nodeId, item, type: 'unknown', ...data }],
          skipDuplicates: true,
        });
    },
    reusedIn: (runId: string) =>
      prisma.nodeRun.findMany({ where: { runId, reused: true, item: -1 }, select: { nodeId: true, reusedFrom: true, ports: true } }),
    /**
     * Marks nodes that never ran (skipped after an upstream failure, disabled, or cancelled); finished
     * nodes keep their state. `output`: what a disabled node passes on (its one input's output).
     */
    async settle(
      runId: string,
      nodes: { nodeId: string; item?: number; type: string; status: NodeRunStatus; error?: unknown; output?: unknown }[],
    ) {
      const now = new Date();
      for (const n of nodes) {
        const item = n.item ?? -1;
        // A null output needs no column value: an empty output column reads as null.
        const passed =
          n.output === undefined || n.output === null
            ? {}
            : { output: json(n.output), outputBytes: Buffer.byteLength(JSON.stringify(n.output ?? null)) };
        const data = { status: n.status, error: json(n.error), finishedAt: now, ...passed };
        const { count } = await prisma.nodeRun.updateMany({
          where: { runId, nodeId: n.nodeId, item, status: { in: ['pending', 'running', 'waiting'] } },
          data,
        });
        if (count === 0) {
          await prisma.nodeRun.createMany({
            data: [{ id: newId('nr'), runId, nodeId: n.nodeId, item, type: n.type, ...data }],
            skipDuplicates: true,
          });
        }
      }
    },
    /**
     * Where a debug run can take each node's output from: the node's latest success among the bot's
     * runs (or in `fromRunId` only). Outputs that came from pinned data count only when `pinned` is
     * allowed (an editor run): a token or webhook run never picks up a pin through an earlier run.
     */
    reusableOutputs: (botId: string, nodeIds: string[], opts: { fromRunId?: string; pinned: boolean }) =>
      query<{ id: string; nodeId: string; runId: string }>(
        raw,
        sql`
        SELECT DISTINCT ON (n."nodeId") n."id", n."nodeId", n."runId"
        FROM "NodeRun" n JOIN "Run" r ON r."id" = n."runId"
        WHERE r."botId" = ${botId} AND n."status" = 'succeeded' AND n."nodeId" = ANY(${nodeIds}::text[]) AND n."item" = -1
          AND (${opts.fromRunId ?? null}::text IS NULL OR n."runId" = ${opts.fromRunId ?? null}::text)
          AND (${opts.pinned} OR n."reusedFrom" IS NULL OR n."reusedFrom" <> '"pinned"'::jsonb)
        ORDER BY n."nodeId", n."finishedAt" DESC NULLS LAST, r."createdAt" DESC`,
      ),
    /**
     * Records, in a new run, the outputs it reuses: copies of earlier node runs (keeping where they
     * first came from) and pinned outputs (read from the pins here: they never pass through the
     * application, let alone Temporal). Reused nodes cost nothing: no tokens or cost are copied.
     */
    async reuseInto(
      runId: string,
      botId: string,
      reuse: { copies: { nodeId: string; fromId: string }[]; pinned: { nodeId: string; type: string }[] },
    ): Promise<void> {
      const now = sqlTime(new Date());
      if (reuse.copies.length) {
        await query(
          raw,
          sql`
          INSERT INTO "NodeRun" ("id", "runId", "nodeId", "type", "status", "input", "output", "outputBytes", "attempts", "model",
            "reused", "reusedFrom", "startedAt", "finishedAt")
          SELECT x.id, ${runId}, s."nodeId", s."type", 'succeeded', s."input", s."output", s."outputBytes", s."attempts", s."model",
            true, COALESCE(s."reusedFrom", jsonb_build_object('runId', s."runId")), ${now}::timestamp, ${now}::timestamp
          FROM unnest(${reuse.copies.map(() => newId('nr'))}::text[], ${reuse.copies.map((c) => c.fromId)}::text[]) AS x(id, src)
          JOIN "NodeRun" s ON s."id" = x.src`,
        );
      }
      if (reuse.pinned.length) {
        await query(
          raw,
          sql`
          INSERT INTO "NodeRun" ("id", "runId", "nodeId", "type", "status", "output", "outputBytes", "attempts",
            "reused", "reusedFrom", "startedAt", "finishedAt")
          SELECT x.id, ${runId}, x.node, x.type, 'succeeded', p."output", octet_length(p."output"::text), 0,
            true, '"pinned"'::jsonb, ${now}::timestamp, ${now}::timestamp
          FROM unnest(${reuse.pinned.map(() => newId('nr'))}::text[], ${reuse.pinned.map((p) => p.nodeId)}::text[],
            ${reuse.pinned.map((p) => p.type)}::text[]) AS x(id, node, type)
          JOIN "BotPin" p ON p."botId" = ${botId} AND p."nodeId" = x.node`,
        );
      }
    },
    /** Copies finished node results from an earlier run into a resumed run. */
    async copySucceeded(fromRunId: string, toRunId: string) {
      const rows = await prisma.nodeRun.findMany({ where: { runId: fromRunId, status: 'succeeded' } });
      if (rows.length === 0) return [];
      await prisma.nodeRun.createMany({
        data: rows.map((r) => ({
          id: newId('nr'),
          runId: toRunId,
          nodeId: r.nodeId,
          item: r.item,
          ports: json(r.ports),
          type: r.type,
          status: 'succeeded' as const,
          input: json(r.input),
          output: json(r.output),
          outputBytes: r.outputBytes,
          attempts: r.attempts,
          inputTokens: r.inputTokens,
          outputTokens: r.outputTokens,
          cachedTokens: r.cachedTokens,
          model: r.model,
          reused: true,
          reusedFrom: json(r.reusedFrom ?? { runId: fromRunId }),
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
        })),
      });
      return rows.filter((r) => r.item < 0).map((r) => r.nodeId);
    },
  };
}
