import { type PrismaClient, type RunStatus, type RunTrigger } from '../generated/client';
import { newId } from '../ids';
import { json } from './json';

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
    listOpen: (botId: string) =>
      prisma.run.findMany({ where: { botId, status: { in: ['queued', 'running'] } }, select: { id: true, workflowId: true } }),
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
