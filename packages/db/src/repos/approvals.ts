import { createHash } from 'node:crypto';
import type { Approval, ApprovalStatus, PrismaClient } from '../generated/client';
import { newId } from '../ids';
import { json } from './json';

export type Decision = 'approve' | 'reject';
export type DecidedVia = 'app' | 'api' | 'link';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * flow.approval decisions. The row is the arbiter: whoever moves it out of `pending` first — a
 * person (inbox, API, signed link) or the node's timeout — decides; everyone after is told it was
 * already decided. The run's workflow is told afterwards, and reads the outcome from here.
 */
export function approvalRepo(prisma: PrismaClient) {
  return {
    /**
     * Opens (or, on a retried attempt, reopens) the pending decision of a node. `linkToken` is the
     * signed one-time link's secret: only its hash is stored.
     */
    async open(a: {
      runId: string;
      nodeId: string;
      item?: number;
      workspaceId: string;
      botId: string;
      message: string;
      payload: unknown;
      expiresAt?: Date;
      linkToken?: string;
    }): Promise<Approval> {
      const item = a.item ?? -1;
      const data = {
        workspaceId: a.workspaceId,
        botId: a.botId,
        message: a.message,
        payload: json(a.payload),
        expiresAt: a.expiresAt ?? null,
        linkTokenHash: a.linkToken ? hashToken(a.linkToken) : null,
      };
      return prisma.approval.upsert({
        where: { runId_nodeId_item: { runId: a.runId, nodeId: a.nodeId, item } },
        create: { id: newId('apr'), runId: a.runId, nodeId: a.nodeId, item, status: 'pending', ...data },
        // A retried attempt reopens only a still-pending decision (a new link replaces the old one).
        update: data,
      });
    },
    get: (runId: string, nodeId: string, item = -1) =>
      prisma.approval.findUnique({ where: { runId_nodeId_item: { runId, nodeId, item } } }),
    /** The pending decision a signed link names (null: unknown, used, or decided otherwise). */
    byLinkToken: (token: string) => prisma.approval.findFirst({ where: { linkTokenHash: hashToken(token), status: 'pending' } }),
    /**
     * Decides a pending approval: one statement, one winner. Returns the decided row, or null when it
     * was not pending any more (decided, timed out, cancelled). The link is spent either way.
     */
    async decide(
      id: string,
      d: { decision: Decision; payload?: unknown; userId: string | null; via: DecidedVia },
    ): Promise<Approval | null> {
      const { count } = await prisma.approval.updateMany({
        where: { id, status: 'pending' },
        data: {
          status: d.decision === 'approve' ? 'approved' : 'rejected',
          decidedPayload: d.payload === undefined ? undefined : json(d.payload),
          decidedById: d.userId,
          decidedVia: d.via,
          decidedAt: new Date(),
          linkTokenHash: null,
        },
      });
      return count ? prisma.approval.findUnique({ where: { id } }) : null;
    },
    /**
     * Undoes a decision the run never heard of (telling the workflow failed): the approval is pending
     * again. `linkTokenHash`: the row's link as it was before the decision, so the signed link works
     * again too (deciding spent it).
     */
    reopen: (id: string, linkTokenHash?: string | null) =>
      prisma.approval.updateMany({
        where: { id, status: { in: ['approved', 'rejected'] } },
        data: {
          status: 'pending',
          decidedPayload: undefined,
          decidedById: null,
          decidedVia: null,
          decidedAt: null,
          ...(linkTokenHash ? { linkTokenHash } : {}),
        },
      }),
    /**
     * The workflow's side: the timeout passed (`timedOut`) or it was told of a decision. A timeout
     * takes a still-pending row; a decision that landed first wins. Returns the final row.
     */
    async settle(runId: string, nodeId: string, item: number, timedOut: boolean): Promise<Approval | null> {
      if (timedOut)
        await prisma.approval.updateMany({
          where: { runId, nodeId, item, status: 'pending' },
          data: { status: 'timeout', decidedAt: new Date(), linkTokenHash: null },
        });
      return prisma.approval.findUnique({ where: { runId_nodeId_item: { runId, nodeId, item } } });
    },
    /** A run that ended (cancelled, failed) leaves nothing to decide. */
    cancelOpen: (runId: string) =>
      prisma.approval.updateMany({ where: { runId, status: 'pending' }, data: { status: 'cancelled', linkTokenHash: null } }),
    /** A workspace's approvals, newest first; pending ones first when listing everything. */
    list: (workspaceId: string, opts: { status?: ApprovalStatus; botId?: string; take?: number } = {}) =>
      prisma.approval.findMany({
        where: { workspaceId, ...(opts.status ? { status: opts.status } : {}), ...(opts.botId ? { botId: opts.botId } : {}) },
        orderBy: [{ createdAt: 'desc' }],
        take: opts.take ?? 100,
      }),
    /**
     * The inbox: a workspace's approvals with their bot's name and who decided — pending ones first
     * (oldest waiting is still shown by its date), then everything else newest first.
     */
    async inbox(
      workspaceId: string,
      opts: { status?: ApprovalStatus; botId?: string; ids?: string[]; take?: number } = {},
    ): Promise<InboxApproval[]> {
      const take = opts.take ?? 100;
      const where = { workspaceId, ...(opts.botId ? { botId: opts.botId } : {}), ...(opts.ids ? { id: { in: opts.ids } } : {}) };
      const newest = { createdAt: 'desc' } as const;
      const rows = opts.status
        ? await prisma.approval.findMany({ where: { ...where, status: opts.status }, orderBy: newest, take })
        : await prisma.approval.findMany({ where: { ...where, status: 'pending' }, orderBy: newest, take });
      if (!opts.status && rows.length < take)
        rows.push(
          ...(await prisma.approval.findMany({
            where: { ...where, status: { not: 'pending' } },
            orderBy: newest,
            take: take - rows.length,
          })),
        );
      const botIds = [...new Set(rows.map((r) => r.botId))];
      const userIds = [...new Set(rows.flatMap((r) => (r.decidedById ? [r.decidedById] : [])))];
      const [bots, users] = await Promise.all([
        botIds.length ? prisma.bot.findMany({ where: { id: { in: botIds } }, select: { id: true, name: true } }) : [],
        userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
      ]);
      const botName = new Map(bots.map((b) => [b.id, b.name]));
      const user = new Map(users.map((u) => [u.id, u]));
      return rows.map((r) => ({
        ...r,
        botName: botName.get(r.botId) ?? null,
        decidedBy: r.decidedById ? (user.get(r.decidedById) ?? { id: r.decidedById, name: '' }) : null,
      }));
    },
  };
}

/** An approval as the inbox shows it. */
export type InboxApproval = Approval & { botName: string | null; decidedBy: { id: string; name: string } | null };
