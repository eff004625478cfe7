import { Prisma, type Budget, type PrismaClient } from '../generated/client';
import { NotFoundError, isRecordMissing } from '../errors';
import { newId } from '../ids';

export type BudgetRow = Budget;
/** Extra channels of a threshold notice: workspace secret names for Slack and webhook URLs, never the URLs. */
export interface BudgetNotify {
  emails?: string[];
  slackSecret?: string;
  webhookSecret?: string;
}
/** A budget's notice channels as stored (JSON). */
export const notifyOf = (b: Pick<Budget, 'notify'>): BudgetNotify | null => (b.notify as BudgetNotify | null) ?? null;
export type BudgetScope = 'workspace' | 'bot' | 'connection';
export type BudgetPeriod = 'day' | 'month';

/** How long a hold on a budget lasts when its call is never settled (a worker that died mid-call). */
const HOLD_MS = 15 * 60_000;

/** The UTC period a moment falls in: its key ("2026-12-01" / "2026-12") and where it starts and ends. */
export function periodOf(period: string, at = new Date()) {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (period === 'day') {
    const start = new Date(Date.UTC(y, m, at.getUTCDate()));
    return { key: start.toISOString().slice(0, 10), start, end: new Date(start.getTime() + 86_400_000) };
  }
  const start = new Date(Date.UTC(y, m, 1));
  return { key: start.toISOString().slice(0, 7), start, end: new Date(Date.UTC(y, m + 1, 1)) };
}

/** What a call is about to spend against: the bot (and its workspace) and the connection it uses. */
export interface SpendTarget {
  workspaceId: string;
  botId: string;
  connectionId: string;
}

/**
 * Budgets and what they have spent. Spend is the ledger itself (node runs priced when they ran,
 * see usage.ts) plus the holds of calls in flight, so a limit and the usage page always agree.
 */
export function budgetRepo(prisma: PrismaClient) {
  const applies = (target: SpendTarget) => ({
    workspaceId: target.workspaceId,
    OR: [{ scope: 'workspace' }, { scope: 'bot', targetId: target.botId }, { scope: 'connection', targetId: target.connectionId }],
  });

  /** Settled spend of a budget in its current period (the ledger's node runs in its scope). */
  async function settled(db: Pick<PrismaClient, 'nodeRun'>, b: Budget, at = new Date()) {
    const { start, end } = periodOf(b.period, at);
    // `costUsd` not null: only priced node runs count, and the ledger's partial index on finishedAt applies.
    const where: Prisma.NodeRunWhereInput = {
      costUsd: { not: null },
      finishedAt: { gte: start, lt: end },
      run: { workspaceId: b.workspaceId, ...(b.scope === 'bot' ? { botId: b.targetId! } : {}) },
      ...(b.scope === 'connection' ? { connectionId: b.targetId! } : {}),
    };
    return (await db.nodeRun.aggregate({ where, _sum: { costUsd: true } }))._sum.costUsd ?? 0;
  }

  return {
    newId: () => newId('bud'),
    create: (
      data: Omit<Budget, 'createdAt' | 'updatedAt' | 'notifiedPeriod' | 'stoppedPeriod' | 'notify'> & { notify?: BudgetNotify | null },
    ) => prisma.budget.create({ data: { ...data, notify: data.notify ? (data.notify as Prisma.InputJsonValue) : Prisma.DbNull } }),
    get: (id: string) => prisma.budget.findUnique({ where: { id } }),
    list: (workspaceId: string) => prisma.budget.findMany({ where: { workspaceId }, orderBy: { createdAt: 'asc' } }),
    async update(
      id: string,
      patch: Partial<Pick<Budget, 'limitUsd' | 'softPercent' | 'action' | 'period'>> & { notify?: BudgetNotify | null },
    ) {
      const { notify, ...rest } = patch;
      const data = notify === undefined ? rest : { ...rest, notify: notify ? (notify as Prisma.InputJsonValue) : Prisma.DbNull };
      try {
        // A changed limit may warn again in this period.
        return await prisma.budget.update({ where: { id }, data: { ...data, notifiedPeriod: null } });
      } catch (err) {
        if (isRecordMissing(err)) throw new NotFoundError('budget');
        throw err;
      }
    },
    delete: async (id: string) => void (await prisma.budget.deleteMany({ where: { id } })),

    /** Spend in the current period: settled (the ledger) and held by calls in flight. */
    async spend(b: Budget, at = new Date()) {
      const [done, held] = await Promise.all([
        settled(prisma, b, at),
        prisma.budgetReservation.aggregate({ where: { budgetId: b.id, expiresAt: { gt: at } }, _sum: { amountUsd: true } }),
      ]);
      return { settledUsd: done, heldUsd: held._sum.amountUsd ?? 0, period: periodOf(b.period, at) };
    },

    /** The budgets that apply to a call on this bot and connection (none: nothing to check). */
    applicable: (target: SpendTarget) => prisma.budget.findMany({ where: applies(target) }),

    /**
     * Holds `amountUsd` against every `stop` budget that applies, or none: in one transaction
     * that locks those budget rows, so calls running at the same moment are checked one after
     * another and together cannot pass a limit by more than what is already in flight.
     * Returns the holds, or the budget that refuses the call.
     */
    async reserve(
      target: SpendTarget,
      /** The call's estimated cost; asked only when a `stop` budget applies. */
      estimate: () => Promise<number>,
      at = new Date(),
    ): Promise<{ ok: true; holds: string[] } | { ok: false; budget: Budget; spentUsd: number; firstStop: boolean }> {
      // Most workspaces have no budget: one cheap read, and no transaction, for them.
      if (!(await prisma.budget.findFirst({ where: { ...applies(target), action: 'stop' }, select: { id: true } })))
        return { ok: true, holds: [] };
      // Estimated before the transaction: counting tokens must not hold the budget rows' locks.
      const amountUsd = await estimate();
      return prisma.$transaction(async (tx) => {
        const budgets = await tx.budget.findMany({ where: { ...applies(target), action: 'stop' }, orderBy: { id: 'asc' } });
        if (!budgets.length) return { ok: true as const, holds: [] };
        // Row locks in a fixed order (PostgreSQL); PGlite runs one transaction at a time anyway.
        for (const b of budgets) await tx.$queryRaw`SELECT 1 FROM "Budget" WHERE "id" = ${b.id} FOR UPDATE`;
        for (const b of budgets) {
          const held = await tx.budgetReservation.aggregate({
            where: { budgetId: b.id, expiresAt: { gt: at } },
            _sum: { amountUsd: true },
          });
          const spentUsd = (await settled(tx, b, at)) + (held._sum.amountUsd ?? 0);
          if (spentUsd + amountUsd > b.limitUsd) {
            const period = periodOf(b.period, at).key;
            const { count } = await tx.budget.updateMany({
              where: { id: b.id, OR: [{ stoppedPeriod: null }, { NOT: { stoppedPeriod: period } }] },
              data: { stoppedPeriod: period },
            });
            return { ok: false as const, budget: b, spentUsd, firstStop: count > 0 };
          }
        }
        const holds = budgets.map(() => newId('hold'));
        await tx.budgetReservation.createMany({
          data: budgets.map((b, i) => ({ id: holds[i]!, budgetId: b.id, amountUsd, expiresAt: new Date(at.getTime() + HOLD_MS) })),
        });
        return { ok: true as const, holds };
      });
    },

    /** The call's real cost is on its node run now: its holds go. */
    release: async (holds: string[]) => {
      if (holds.length) await prisma.budgetReservation.deleteMany({ where: { id: { in: holds } } });
    },

    /** Claims this period's soft notification of a budget; true once per period. */
    async claimNotice(id: string, periodKey: string) {
      const { count } = await prisma.budget.updateMany({
        where: { id, OR: [{ notifiedPeriod: null }, { NOT: { notifiedPeriod: periodKey } }] },
        data: { notifiedPeriod: periodKey },
      });
      return count > 0;
    },

    /** A `stop` budget that is already spent for this bot now (schedules skip their runs then). */
    async exhausted(target: Omit<SpendTarget, 'connectionId'>, at = new Date()) {
      const budgets = await prisma.budget.findMany({
        where: { workspaceId: target.workspaceId, action: 'stop', OR: [{ scope: 'workspace' }, { scope: 'bot', targetId: target.botId }] },
      });
      for (const b of budgets) if ((await settled(prisma, b, at)) >= b.limitUsd) return b;
      return null;
    },
  };
}
