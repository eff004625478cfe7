import { Prisma, type PrismaClient, type NodeRunStatus } from '../generated/client';
import { newId } from '../ids';
import { json } from './json';

export function nodeRunRepo(prisma: PrismaClient) {
  return {
    get: (runId: string, nodeId: string) => prisma.nodeRun.findUnique({ where: { runId_nodeId: { runId, nodeId } } }),
    /** Outputs of the given nodes of a run (upstream inputs of a node). */
    outputs: (runId: string, nodeIds: string[]) =>
      prisma.nodeRun.findMany({ where: { runId, nodeId: { in: nodeIds } }, select: { nodeId: true, status: true, output: true } }),
    start(runId: string, nodeId: string, type: string, attempt: number) {
      const now = new Date();
      return prisma.nodeRun.upsert({
        where: { runId_nodeId: { runId, nodeId } },
        create: { id: newId('nr'), runId, nodeId, type, status: 'running', attempts: attempt, startedAt: now },
        // A retry: clear the previous attempt's error and times.
        update: { status: 'running', attempts: attempt, error: Prisma.DbNull, startedAt: now, finishedAt: null },
      });
    },
    /**
     * Records a node's output — only while this attempt still owns the row (status running, same
     * attempt): a cancelled node or a superseded attempt never overwrites. Durable node state (e.g.
     * RSS items seen) commits in the same transaction, so output and state never disagree.
     * Returns whether it recorded.
     */
    async succeed(
      runId: string,
      nodeId: string,
      attempt: number,
      data: {
        input?: unknown;
        output: unknown;
        outputBytes: number;
        usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number };
        model?: string;
        warnings?: { code: string; message: string }[];
      },
      state?: { botId: string; entries: [string, unknown][] },
    ) {
      const where = { runId, nodeId, status: 'running' as const, attempts: attempt };
      const update = {
        status: 'succeeded' as const,
        input: json(data.input),
        output: data.output === null || data.output === undefined ? Prisma.JsonNull : json(data.output),
        outputBytes: data.outputBytes,
        error: Prisma.DbNull,
        inputTokens: data.usage?.inputTokens ?? null,
        outputTokens: data.usage?.outputTokens ?? null,
        cachedTokens: data.usage?.cachedTokens ?? null,
        model: data.model ?? null,
        warnings: data.warnings?.length ? json(data.warnings) : Prisma.DbNull,
        finishedAt: new Date(),
      };
      // Interactive transactions serialise on PGlite: only nodes that keep state pay for one.
      if (!state?.entries.length) return (await prisma.nodeRun.updateMany({ where, data: update })).count > 0;
      return prisma.$transaction(async (tx) => {
        if ((await tx.nodeRun.updateMany({ where, data: update })).count === 0) return false;
        for (const [key, value] of state.entries) {
          await tx.nodeState.upsert({
            where: { botId_nodeId_key: { botId: state.botId, nodeId, key } },
            create: { botId: state.botId, nodeId, key, value: json(value)! },
            update: { value: json(value)! },
          });
        }
        return true;
      });
    },
    /** Records an attempt's failure; `final` marks the node failed, otherwise it stays running (a retry follows). */
    fail(runId: string, nodeId: string, attempt: number, error: unknown, final: boolean) {
      return prisma.nodeRun.updateMany({
        where: { runId, nodeId, status: 'running', attempts: attempt },
        data: { error: json(error), ...(final ? { status: 'failed' as const, finishedAt: new Date() } : {}) },
      });
    },
    /**
     * The final failure of a node, as the interpreter saw it; with continue-on-failure the error
     * becomes its output. Never overrides a node that succeeded, was cancelled or was skipped.
     */
    async failFinal(runId: string, nodeId: string, error: { code: string; message: string; continued: boolean }, continued: boolean) {
      // The workflow knows a failure's code and message only; the attempt recorded it with its
      // catalogue key and params (for showing it localized): keep those when it is the same failure.
      const attempt = (await prisma.nodeRun.findFirst({ where: { runId, nodeId }, select: { error: true } }))?.error as
        { code?: unknown; key?: unknown; params?: unknown } | null | undefined;
      const localized =
        attempt?.code === error.code && typeof attempt.key === 'string' ? { key: attempt.key, params: attempt.params ?? {} } : {};
      const data = {
        status: 'failed' as const,
        error: json({ ...error, ...localized }),
        finishedAt: new Date(),
        ...(continued ? { output: json({ error: { code: error.code, message: error.message } }) } : {}),
      };
      const { count } = await prisma.nodeRun.updateMany({
        where: { runId, nodeId, status: { in: ['pending', 'running', 'failed'] } },
        data,
      });
      if (count === 0)
        await prisma.nodeRun.createMany({ data: [{ id: newId('nr'), runId, nodeId, type: 'unknown', ...data }], skipDuplicates: true });
    },
    reusedIn: (runId: string) => prisma.nodeRun.findMany({ where: { runId, reused: true }, select: { nodeId: true } }),
    /** Marks nodes that never ran (skipped after an upstream failure, or cancelled); finished nodes keep their state. */
    async settle(runId: string, nodes: { nodeId: string; type: string; status: NodeRunStatus; error?: unknown }[]) {
      const now = new Date();
      for (const n of nodes) {
        const { count } = await prisma.nodeRun.updateMany({
          where: { runId, nodeId: n.nodeId, status: { in: ['pending', 'running'] } },
          data: { status: n.status, error: json(n.error), finishedAt: now },
        });
        if (count === 0) {
          await prisma.nodeRun.createMany({
            data: [{ id: newId('nr'), runId, nodeId: n.nodeId, type: n.type, status: n.status, error: json(n.error), finishedAt: now }],
            skipDuplicates: true,
          });
        }
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
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
        })),
      });
      return rows.map((r) => r.nodeId);
    },
  };
}
