import { type PrismaClient } from '../generated/client';
import { newId } from '../ids';
import type { RawConn } from '../client';
import { jsonText, query, sql, sqlTime } from './sql';

export function resultRepo(prisma: PrismaClient, raw: RawConn) {
  return {
    /** Idempotent per (run, node): a retried or replayed node never duplicates its result. One statement. */
    async save(input: {
      botId: string;
      workspaceId: string;
      runId: string;
      nodeId: string;
      title?: string | null;
      content: string;
      data?: unknown;
    }) {
      const [row] = await query<{ id: string }>(
        raw,
        sql`
        INSERT INTO "Result" ("id", "botId", "workspaceId", "runId", "nodeId", "title", "content", "data", "createdAt")
        VALUES (${newId('res')}, ${input.botId}, ${input.workspaceId}, ${input.runId}, ${input.nodeId}, ${input.title ?? null},
          ${input.content}, ${jsonText(input.data)}::jsonb, ${sqlTime(new Date())}::timestamp)
        ON CONFLICT ("runId", "nodeId") DO UPDATE SET "title" = EXCLUDED."title", "content" = EXCLUDED."content", "data" = EXCLUDED."data"
        RETURNING "id"`,
      );
      return row!;
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
