import type { Prisma, PrismaClient, Role } from '../generated/client';
import { ConflictError, NotFoundError, isRecordMissing, isUniqueViolation } from '../errors';
import { newId, newSecret, sha256 } from '../ids';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

/**
 * Team workspaces: the workspace rows and their members. Role rules (who may do what) live in
 * apps/api/src/permissions.ts; this layer keeps the invariants that must hold whoever calls it:
 * a workspace always has an owner, and a personal workspace has exactly one member.
 */
export function teamRepo(prisma: PrismaClient) {
  const ownerCount = (tx: Prisma.TransactionClient, workspaceId: string) => tx.membership.count({ where: { workspaceId, role: 'owner' } });

  return {
    get: (id: string) => prisma.workspace.findUnique({ where: { id } }),

    /** A new team workspace owned by its creator. */
    async create(userId: string, name: string) {
      const id = newId('ws');
      const [workspace] = await prisma.$transaction([
        prisma.workspace.create({ data: { id, name, personal: false } }),
        prisma.membership.create({ data: { id: newId('mem'), userId, workspaceId: id, role: 'owner' } }),
      ]);
      return workspace;
    },

    async rename(id: string, name: string) {
      try {
        return await prisma.workspace.update({ where: { id }, data: { name } });
      } catch (err) {
        if (isRecordMissing(err)) throw new NotFoundError('workspace');
        throw err;
      }
    },

    /** Everything of the workspace goes with it (bots, runs, results, connections, secrets, invitations, audit). */
    delete: async (id: string) => void (await prisma.workspace.deleteMany({ where: { id } })),

    async members(workspaceId: string): Promise<MemberRow[]> {
      const rows = await prisma.membership.findMany({
        where: { workspaceId },
        include: { user: { select: { email: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
    },

    async member(workspaceId: string, userId: string): Promise<MemberRow | null> {
      const m = await prisma.membership.findUnique({
        where: { userId_workspaceId: { userId, workspaceId } },
        include: { user: { select: { email: true, name: true } } },
      });
      return m && { userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt };
    },

    /** Changes a member's role; refuses to leave the workspace without an owner. */
    async setRole(workspaceId: string, userId: string, role: Role) {
      return prisma.$transaction(async (tx) => {
        const m = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
        if (!m) throw new NotFoundError('member');
        if (m.role === 'owner' && role !== 'owner' && (await ownerCount(tx, workspaceId)) <= 1)
          throw new ConflictError('member', 'The last owner cannot be demoted; transfer ownership first.');
        return tx.membership.update({ where: { id: m.id }, data: { role } });
      });
    },

    /**
     * Removes a member and what only they could use here: their personal connections in this
     * workspace are deleted (the key is theirs), and the schedules and webhooks they created pass to
     * `successorId` (who removes them), so triggers keep running when the bot does not depend on the
     * member's own key. The last owner cannot be removed.
     */
    async removeMember(workspaceId: string, userId: string, successorId: string) {
      return prisma.$transaction(async (tx) => {
        const m = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
        if (!m) throw new NotFoundError('member');
        if (m.role === 'owner' && (await ownerCount(tx, workspaceId)) <= 1)
          throw new ConflictError('member', 'The last owner cannot leave; transfer ownership first.');
        const connections = await tx.llmConnection.findMany({
          where: { workspaceId, ownerUserId: userId, shared: false },
          select: { id: true, name: true },
        });
        await tx.llmConnection.deleteMany({ where: { id: { in: connections.map((c) => c.id) } } });
        const moved =
          successorId === userId
            ? 0
            : (await tx.schedule.updateMany({ where: { workspaceId, createdById: userId }, data: { createdById: successorId } })).count;
        if (successorId !== userId)
          await tx.bot.updateMany({ where: { workspaceId, webhookUserId: userId }, data: { webhookUserId: successorId } });
        await tx.membership.delete({ where: { id: m.id } });
        return { role: m.role, removedConnections: connections, schedulesMoved: moved };
      });
    },

    /** The new owner becomes owner; the old one stays as an admin. */
    async transfer(workspaceId: string, fromUserId: string, toUserId: string) {
      return prisma.$transaction(async (tx) => {
        const to = await tx.membership.findUnique({ where: { userId_workspaceId: { userId: toUserId, workspaceId } } });
        if (!to) throw new NotFoundError('member');
        await tx.membership.update({ where: { id: to.id }, data: { role: 'owner' } });
        if (fromUserId !== toUserId)
          await tx.membership.update({ where: { userId_workspaceId: { userId: fromUserId, workspaceId } }, data: { role: 'admin' } });
      });
    },

    /** What a plan limits, counted now: bots, active schedules, members, runs this calendar month (UTC). */
    async planUsage(workspaceId: string, now = new Date()) {
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const [bots, activeSchedules, members, runsPerMonth] = await Promise.all([
        prisma.bot.count({ where: { workspaceId } }),
        prisma.schedule.count({ where: { workspaceId, paused: false } }),
        prisma.membership.count({ where: { workspaceId } }),
        prisma.run.count({ where: { workspaceId, createdAt: { gte: monthStart } } }),
      ]);
      return { bots, activeSchedules, members, runsPerMonth };
    },

    setPlan: (id: string, planId: string) => prisma.workspace.update({ where: { id }, data: { planId } }),

    /** Bots of the workspace with their schedules and open runs: what deleting it must stop in Temporal. */
    async activity(workspaceId: string) {
      const [schedules, runs] = await Promise.all([
        prisma.schedule.findMany({ where: { workspaceId }, select: { id: true } }),
        prisma.run.findMany({ where: { workspaceId, status: { in: ['queued', 'running'] } }, select: { workflowId: true } }),
      ]);
      return { scheduleIds: schedules.map((s) => s.id), workflowIds: runs.map((r) => r.workflowId) };
    },
  };
}

/** Invitations: the link's token is returned once by `create`; only its sha256 is stored. */
export function invitationRepo(prisma: PrismaClient) {
  const withInviter = { include: { workspace: { select: { name: true, personal: true } } } } as const;
  return {
    /** A new link for the email; an older pending invitation of the same email is replaced (its link stops working). */
    async create(input: { workspaceId: string; email: string; role: Role; invitedById: string }) {
      const token = newSecret();
      const data = {
        role: input.role,
        tokenHash: sha256(token),
        invitedById: input.invitedById,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        createdAt: new Date(),
      };
      const row = await prisma.invitation.upsert({
        where: { workspaceId_email: { workspaceId: input.workspaceId, email: input.email.toLowerCase() } },
        create: { id: newId('inv'), workspaceId: input.workspaceId, email: input.email.toLowerCase(), ...data },
        update: data,
      });
      return { row, token };
    },
    get: (id: string) => prisma.invitation.findUnique({ where: { id } }),
    /** Pending (not expired) invitations; expired ones are dropped on the way. */
    async list(workspaceId: string) {
      await prisma.invitation.deleteMany({ where: { workspaceId, expiresAt: { lt: new Date() } } });
      return prisma.invitation.findMany({ where: { workspaceId }, orderBy: { createdAt: 'desc' } });
    },
    /** The invitation a link names, with its workspace; null when unknown. Expiry is the caller's to judge. */
    findByToken: (token: string) => prisma.invitation.findUnique({ where: { tokenHash: sha256(token) }, ...withInviter }),
    delete: async (id: string) => void (await prisma.invitation.deleteMany({ where: { id } })),

    /**
     * Accepts: the membership is created and the invitation deleted in one transaction, so a link
     * works once. An existing member keeps their role (accepting changes nothing for them).
     */
    async accept(invitationId: string, userId: string) {
      return prisma.$transaction(async (tx) => {
        const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
        if (!inv) throw new NotFoundError('invitation');
        await tx.invitation.delete({ where: { id: inv.id } });
        const existing = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId: inv.workspaceId } } });
        if (existing) return { membership: existing, joined: false };
        try {
          const membership = await tx.membership.create({
            data: { id: newId('mem'), userId, workspaceId: inv.workspaceId, role: inv.role },
          });
          return { membership, joined: true };
        } catch (err) {
          if (isUniqueViolation(err)) throw new ConflictError('member', 'Already a member.');
          throw err;
        }
      });
    },
  };
}

export interface AuditInput {
  workspaceId: string;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  target?: { type: string; id?: string | null; name?: string | null };
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  cursor?: string;
  action?: string;
  actorUserId?: string;
  limit?: number;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

/** The audit log: append and read, nothing else (no update, no delete but with the workspace). */
export function auditRepo(prisma: PrismaClient) {
  return {
    async record(e: AuditInput) {
      await prisma.auditEvent.create({
        data: {
          id: newId('aud'),
          workspaceId: e.workspaceId,
          actorUserId: e.actor?.id ?? null,
          actorEmail: e.actor?.email ?? null,
          actorName: e.actor?.name ?? null,
          action: e.action,
          targetType: e.target?.type ?? null,
          targetId: e.target?.id ?? null,
          targetName: e.target?.name ?? null,
          details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
    },

    /** Newest first; `next` is the cursor of the following page (null at the end). A bad cursor starts over. */
    async list(workspaceId: string, q: AuditQuery = {}) {
      const limit = Math.min(q.limit ?? 50, 200);
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const rows = await prisma.auditEvent.findMany({
        where: {
          workspaceId,
          ...(q.action ? { action: q.action } : {}),
          ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
          ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
        },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { events: page, next: rows.length > limit && last ? encodeCursor(last.at, last.id) : null };
    },
  };
}
