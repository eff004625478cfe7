import type { FastifyRequest } from 'fastify';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isNotFoundError, type Invitation } from '@bm/db';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { accessTo } from '../plugins/access';
import { requireFeature, requireWithinPlan } from '../lib/plans';
import { currentUser } from '../plugins/auth';

const { invitations } = contract;

/** The origin people open the app at: the configured one, else the one this request came to. */
const appOrigin = (deps: AppDeps, req: FastifyRequest) => (deps.appUrl?.() ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

/** The link names an invitation that no longer works: unknown, used, revoked or expired look alike. */
const invalidLink = () => apiError(404, 'INVITATION_INVALID');

/** Invitations: a one-time link per email and role, shown once to the inviter and mailed when SMTP is set. */
export const invitationRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    // The create answer carries the link (a credential); none of these answers may be kept.
    app.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));

    const names = (rows: Invitation[]) => repos.users.namesOf(rows.map((r) => r.invitedById));
    const out = (r: Invitation, inviters: Map<string, string>) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      invitedBy: inviters.has(r.invitedById) ? { userId: r.invitedById, name: inviters.get(r.invitedById)! } : null,
    });

    app.route({
      ...fromContract(invitations.create),
      handler: async (req, reply) => {
        const { row: ws, user } = accessTo(req, 'team');
        if (ws.personal) throw apiError(409, 'PERSONAL_WORKSPACE');
        await requireFeature(deps, ws.id, 'teams');
        await requireWithinPlan(deps, ws.id, 'members');
        const { email, role } = req.body;
        const existing = await repos.users.findByEmail(email);
        const member = existing && (await repos.workspaces.membership(existing.id, ws.id));
        // Re-inviting a member changes nothing (their role is changed on the members page).
        if (member) throw apiError(409, 'ALREADY_MEMBER', { params: { email, role: member.role } });
        const { row, token } = await repos.invitations.create({ workspaceId: ws.id, email, role, invitedById: user.id });
        const url = `${appOrigin(deps, req)}/invite/${token}`;
        let emailed = false;
        if (deps.mail) {
          try {
            await deps.mail.send({
              to: [email],
              subject: `${user.name} invited you to ${ws.name} on Bot Manager`,
              text: `${user.name} (${user.email}) invited you to the workspace "${ws.name}" as ${role}.\n\nOpen this link to join (it works once and expires in 7 days):\n${url}\n`,
            });
            emailed = true;
          } catch (err) {
            // The link is still shown to copy; the inviter sees that mail did not go out.
            req.log.warn({ err: (err as Error).message }, 'invitation mail not sent');
          }
        }
        await audit(deps, req, {
          workspaceId: ws.id,
          action: 'member.invited',
          target: { type: 'invitation', id: row.id, name: email },
          details: { role, emailed },
        });
        return reply.code(201).send({ ...out(row, new Map([[user.id, user.name]])), url, emailed });
      },
    });

    app.route({
      ...fromContract(invitations.list),
      handler: async (req) => {
        const rows = await repos.invitations.list(accessTo(req, 'team').row.id);
        const inviters = await names(rows);
        return { invitations: rows.map((r) => out(r, inviters)) };
      },
    });

    app.route({
      ...fromContract(invitations.revoke),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'invitation');
        await repos.invitations.delete(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'member.invitationRevoked',
          target: { type: 'invitation', id: row.id, name: row.email },
        });
        return reply.code(204).send(null);
      },
    });

    /** The invitation a token names while it still works. */
    const live = async (token: string) => {
      const inv = await repos.invitations.findByToken(token);
      if (!inv || inv.expiresAt.getTime() < Date.now()) throw invalidLink();
      return inv;
    };

    app.route({
      ...fromContract(invitations.preview),
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req) => {
        const inv = await live(req.body.token);
        const inviter = await repos.users.findById(inv.invitedById);
        return {
          workspaceName: inv.workspace.name,
          email: inv.email,
          role: inv.role,
          invitedBy: inviter?.name ?? null,
          expiresAt: inv.expiresAt,
        };
      },
    });

    app.route({
      ...fromContract(invitations.accept),
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req) => {
        const user = currentUser(req);
        const inv = await live(req.body.token);
        // The link is for one person: a different account (a forwarded link) cannot use it.
        if (inv.email !== user.email.toLowerCase()) throw apiError(403, 'INVITATION_EMAIL_MISMATCH', { params: { email: inv.email } });
        // The plan may have shrunk since the invitation was sent.
        if (!(await repos.workspaces.membership(user.id, inv.workspaceId))) await requireWithinPlan(deps, inv.workspaceId, 'members');
        // Two tabs accepting at once: the second finds the invitation gone.
        const { membership, joined } = await repos.invitations.accept(inv.id, user.id).catch((err: unknown) => {
          throw isNotFoundError(err) ? invalidLink() : err;
        });
        if (joined)
          await audit(deps, req, {
            workspaceId: inv.workspaceId,
            action: 'member.joined',
            target: { type: 'user', id: user.id, name: user.email },
            details: { role: membership.role },
          });
        const ws = await repos.teams.get(inv.workspaceId);
        if (!ws) throw notFound('workspace');
        return { workspace: { id: ws.id, name: ws.name, role: membership.role, personal: ws.personal } };
      },
    });
  };
