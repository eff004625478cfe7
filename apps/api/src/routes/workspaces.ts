import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError, isNotFoundError, type MemberRow } from '@bm/db';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { stopBotActivity } from '../lib/stop-bots';
import { accessTo } from '../plugins/access';
import { currentUser } from '../plugins/auth';
import { mayManageMember } from '../permissions';

const { workspaces, members, audit: auditRoutes } = contract;

const memberOut = (m: MemberRow) => ({ userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt });
const personalRefused = () => apiError(409, 'PERSONAL_WORKSPACE');
const lastOwner = (err: unknown): never => {
  if (isConflictError(err)) throw apiError(409, 'LAST_OWNER');
  if (isNotFoundError(err)) throw notFound('member');
  throw err;
};

/** Team workspaces, their members and their audit log (invitations: routes/invitations.ts). */
export const workspaceRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(workspaces.create),
      handler: async (req, reply) => {
        const ws = await repos.teams.create(currentUser(req).id, req.body.name);
        await audit(deps, req, {
          workspaceId: ws.id,
          action: 'workspace.created',
          target: { type: 'workspace', id: ws.id, name: ws.name },
        });
        return reply.code(201).send({ id: ws.id, name: ws.name, role: 'owner' as const, personal: false });
      },
    });

    app.route({
      ...fromContract(workspaces.list),
      handler: async (req) => ({
        workspaces: (await repos.workspaces.listForUser(currentUser(req).id)).map((m) => ({
          id: m.workspace.id,
          name: m.workspace.name,
          role: m.role,
          personal: m.workspace.personal,
        })),
      }),
    });

    app.route({
      ...fromContract(workspaces.rename),
      handler: async (req) => {
        const { row, role } = accessTo(req, 'team');
        const ws = await repos.teams.rename(row.id, req.body.name);
        await audit(deps, req, {
          workspaceId: ws.id,
          action: 'workspace.renamed',
          target: { type: 'workspace', id: ws.id, name: ws.name },
          details: { from: row.name },
        });
        return { id: ws.id, name: ws.name, role, personal: ws.personal };
      },
    });

    app.route({
      ...fromContract(workspaces.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'team');
        if (row.personal) throw personalRefused();
        if (req.body.confirm.trim() !== row.name) throw apiError(422, 'CONFIRMATION_MISMATCH');
        // Temporal first: a schedule left behind would keep starting runs of a bot that is gone.
        await stopBotActivity(deps, await repos.teams.activity(row.id));
        await repos.teams.delete(row.id);
        deps.services.logger.info({ workspaceId: row.id, by: currentUser(req).id }, 'workspace deleted');
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(workspaces.transfer),
      handler: async (req) => {
        const { row, user } = accessTo(req, 'team');
        if (row.personal) throw personalRefused();
        const to = await repos.teams.member(row.id, req.body.userId);
        if (!to) throw notFound('member');
        await repos.teams.transfer(row.id, user.id, to.userId).catch(lastOwner);
        await audit(deps, req, {
          workspaceId: row.id,
          action: 'workspace.ownershipTransferred',
          target: { type: 'user', id: to.userId, name: to.email },
        });
        return { members: (await repos.teams.members(row.id)).map(memberOut) };
      },
    });

    app.route({
      ...fromContract(members.list),
      handler: async (req) => ({ members: (await repos.teams.members(accessTo(req, 'team').row.id)).map(memberOut) }),
    });

    app.route({
      ...fromContract(members.changeRole),
      handler: async (req) => {
        const { row, role } = accessTo(req, 'team');
        const target = await repos.teams.member(row.id, req.params.userId);
        if (!target) throw notFound('member');
        if (!mayManageMember(role, target.role, req.body.role))
          throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.owners', params: { role } });
        if (target.role === req.body.role) return memberOut(target);
        await repos.teams.setRole(row.id, target.userId, req.body.role).catch(lastOwner);
        await audit(deps, req, {
          workspaceId: row.id,
          action: 'member.roleChanged',
          target: { type: 'user', id: target.userId, name: target.email },
          details: { from: target.role, to: req.body.role },
        });
        return memberOut({ ...target, role: req.body.role });
      },
    });

    app.route({
      ...fromContract(members.remove),
      handler: async (req, reply) => {
        const { row, role, user } = accessTo(req, 'team');
        if (row.personal) throw personalRefused();
        const target = await repos.teams.member(row.id, req.params.userId);
        if (!target) throw notFound('member');
        const leaving = target.userId === user.id;
        if (!leaving && !mayManageMember(role, target.role))
          throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.owners', params: { role } });
        // Whoever removes a member takes over the triggers they created (they run as a member again).
        const removed = await repos.teams.removeMember(row.id, target.userId, user.id).catch(lastOwner);
        await audit(deps, req, {
          workspaceId: row.id,
          action: leaving ? 'member.left' : 'member.removed',
          target: { type: 'user', id: target.userId, name: target.email },
          details: {
            role: removed.role,
            removedConnections: removed.removedConnections.map((c) => c.name),
            schedulesTakenOver: removed.schedulesMoved,
          },
        });
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(auditRoutes.list),
      handler: async (req) => {
        const { row } = accessTo(req, 'team');
        const { cursor, action, actor, limit } = req.query;
        const page = await repos.audit.list(row.id, { cursor, action, actorUserId: actor, limit });
        return {
          next: page.next,
          events: page.events.map((e) => ({
            id: e.id,
            actor: e.actorUserId || e.actorEmail ? { userId: e.actorUserId, email: e.actorEmail, name: e.actorName } : null,
            action: e.action,
            target: e.targetType ? { type: e.targetType, id: e.targetId, name: e.targetName } : null,
            at: e.at,
            details: (e.details as Record<string, unknown> | null) ?? null,
          })),
        };
      },
    });
  };
