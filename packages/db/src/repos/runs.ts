import { Prisma, type PrismaClient, type RunStatus, type RunTrigger, type NodeRunStatus } from '../generated/client';
import { newId } from '../ids';

const json = (v: unknown) => (v === undefined ? undefined : (v as Prisma.InputJsonValue));

export function runRepo(prisma: PrismaClient) {
  return {
    newId: () => newId('run'),
    create(input: {
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
    }) {
      const id = input.id ?? newId('run');
      return prisma.run.create({
        data: {
          id,
          botId: input.botId,
          botVersionId: input.botVersionId,
          version: input.version,
          workspaceId: input.workspaceId,
          userId: input.userId,
          trigger: input.trigger,
          input: json(input.input),
          workflowId: input.workflowId,
          resumedFromId: input.resumedFromId ?? null,
        },
      });
    },
    get: (id: string) => prisma.run.findUnique({ where: { id } }),
    findByWorkflowId: (workflowId: string) => prisma.run.findUnique({ where: { workflowId } }),
    /** A run for display: node outputs larger than `inlineBytes` are left out (fetched by reference). */
    async getForDisplay(id: string, inlineBytes: number) {
      const run = await prisma.run.findUnique({ where: { id }, include: { botVersion: true, nodes: { omit: { output: true } } } });
      if (!run) return null;
      const small = run.nodes.filter((n) => n.outputBytes <= inlineBytes).map((n) => n.nodeId);
      const outputs = small.length
        ? await prisma.nodeRun.findMany({ where: { runId: id, nodeId: { in: small } }, select: { nodeId: true, output: true } })
        : [];
      const byNode = new Map(outputs.map((o) => [o.nodeId, o.output]));
      return { ...run, nodes: run.nodes.map((n) => ({ ...n, output: byNode.get(n.nodeId) ?? null })) };
    },
    /** The run plus the graph of the exact version it executes. */
    getWithVersion: (id: string) => prisma.run.findUnique({ where: { id }, include: { botVersion: true } }),
    listOpen: (botId: string) => prisma.run.findMany({ where: { botId, status: { in: ['queued', 'running'] } }, select: { id: true, workflowId: true } }),
    list: (botId: string, take = 50) => prisma.run.findMany({ where: { botId }, orderBy: { createdAt: 'desc' }, take }),
    markRunning: (id: string) =>
      prisma.run.updateMany({ where: { id, status: 'queued' }, data: { status: 'running', startedAt: new Date() } }),
    /** Sets the final state once: a finished run is never reopened or overwritten. */
    finish: (id: string, status: RunStatus, error?: unknown) =>
      prisma.run.updateMany({
        where: { id, status: { in: ['queued', 'running'] } },
        data: { status, error: error === undefined ? undefined : json(error), finishedAt: new Date() },
      }),
  };
}

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
      data: { input?: unknown; output: unknown; outputBytes: number; usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number }; model?: string },
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
      const data = {
        status: 'failed' as const,
        error: json(error),
        finishedAt: new Date(),
        ...(continued ? { output: json({ error: { code: error.code, message: error.message } }) } : {}),
      };
      const { count } = await prisma.nodeRun.updateMany({ where: { runId, nodeId, status: { in: ['pending', 'running', 'failed'] } }, data });
      if (count === 0) await prisma.nodeRun.createMany({ data: [{ id: newId('nr'), runId, nodeId, type: 'unknown', ...data }], skipDuplicates: true });
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

export function resultRepo(prisma: PrismaClient) {
  return {
    /** Idempotent per (run, node): a retried or replayed node never duplicates its result. */
    save(input: { botId: string; workspaceId: string; runId: string; nodeId: string; title?: string | null; content: string; data?: unknown }) {
      return prisma.result.upsert({
        where: { runId_nodeId: { runId: input.runId, nodeId: input.nodeId } },
        create: {
          id: newId('res'),
          botId: input.botId,
          workspaceId: input.workspaceId,
          runId: input.runId,
          nodeId: input.nodeId,
          title: input.title ?? null,
          content: input.content,
          data: json(input.data),
        },
        update: { title: input.title ?? null, content: input.content, data: json(input.data) },
      });
    },
    list(filter: { botId?: string; workspaceId?: string; q?: string; take?: number }) {
      const q = filter.q?.trim();
      return prisma.result.findMany({
        where: {
          ...(filter.botId ? { botId: filter.botId } : {}),
          ...(filter.workspaceId ? { workspaceId: filter.workspaceId } : {}),
          ...(q
            ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { content: { contains: q, mode: 'insensitive' } }] }
            : {}),
        },
        orderBy: { createdAt: 'desc' },
        take: filter.take ?? 100,
      });
    },
  };
}

export function scheduleRepo(prisma: PrismaClient) {
  return {
    newId: () => newId('sch'),
    create: (data: { id: string; botId: string; workspaceId: string; createdById: string; cron: string; timezone: string; overlap: string; paused?: boolean; input?: unknown }) =>
      prisma.schedule.create({ data: { ...data, input: json(data.input) } }),
    get: (id: string) => prisma.schedule.findUnique({ where: { id } }),
    list: (botId: string) => prisma.schedule.findMany({ where: { botId }, orderBy: { createdAt: 'asc' } }),
    update: (id: string, data: Partial<{ cron: string; timezone: string; overlap: string; paused: boolean }>) =>
      prisma.schedule.update({ where: { id }, data }),
    delete: (id: string) => prisma.schedule.delete({ where: { id } }),
  };
}
