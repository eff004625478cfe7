import { type PrismaClient } from '../generated/client';
import { newId } from '../ids';
import { json } from './json';

export function resultRepo(prisma: PrismaClient) {
  return {
    /** Idempotent per (run, node): a retried or replayed node never duplicates its result. */
    save(input: {
      botId: string;
      workspaceId: string;
      runId: string;
      nodeId: string;
      title?: string | null;
      content: string;
      data?: unknown;
    }) {
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
          ...(q ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { content: { contains: q, mode: 'insensitive' } }] } : {}),
        },
        orderBy: { createdAt: 'desc' },
        take: filter.take ?? 100,
      });
    },
  };
}
