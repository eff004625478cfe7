import { type PrismaClient } from '../generated/client';
import { translated } from '../errors';
import { newId } from '../ids';
import { json } from './json';

export function scheduleRepo(prisma: PrismaClient) {
  return {
    newId: () => newId('sch'),
    create: (data: {
      id: string;
      botId: string;
      workspaceId: string;
      createdById: string;
      cron: string;
      timezone: string;
      overlap: string;
      paused?: boolean;
      input?: unknown;
    }) => prisma.schedule.create({ data: { ...data, input: json(data.input) } }),
    get: (id: string) => prisma.schedule.findUnique({ where: { id } }),
    /** The active (not paused) schedules of several bots in one query (the bots list's next run). */
    activeOf: (botIds: string[]) =>
      prisma.schedule.findMany({ where: { botId: { in: botIds }, paused: false }, select: { botId: true, cron: true, timezone: true } }),
    list: (botId: string) => prisma.schedule.findMany({ where: { botId }, orderBy: { createdAt: 'asc' } }),
    update: (id: string, data: Partial<{ cron: string; timezone: string; overlap: string; paused: boolean }>) =>
      translated('Schedule', prisma.schedule.update({ where: { id }, data })),
    delete: (id: string) => translated('Schedule', prisma.schedule.delete({ where: { id } })),
  };
}
