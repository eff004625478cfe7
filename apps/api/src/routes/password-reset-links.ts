import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { recordAccountEvent } from '../lib/account-events';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { accessTo } from '../plugins/access';
import { RANK } from '../permissions';

const RESET_TTL_MS = 24 * 3600 * 1000;

/**
 * Password-reset links an owner or admin makes for a member of their workspace (shown once, and
 * mailed to the member when the installation sends mail). Who may reset whom:
 * - the caller is owner or admin of the `:id` workspace (permissions.ts), and the member's role
 *   there is lower than the caller's;
 * - a member who is owner or admin of another shared workspace is reset only by that
 *   workspace's owner (an admin here must not take over an admin or owner of elsewhere).
 */
export const passwordResetLinkRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos, config } = deps.services;

    app.route({
      ...fromContract(contract.account.createPasswordReset),
      handler: async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const { user: caller, role: mine, workspaceId } = accessTo(req, 'team');
        const { userId } = req.params;
        const theirs = await repos.workspaces.membership(userId, workspaceId);
        if (!theirs) throw notFound('member');
        if (RANK[theirs.role] >= RANK[mine])
          throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.resetRank', params: { role: mine, memberRole: theirs.role } });
        const callerRoles = new Map((await repos.workspaces.listForUser(caller.id)).map((m) => [m.workspaceId, m.role]));
        const elsewhere = (await repos.workspaces.listForUser(userId)).find(
          (m) => !m.workspace.personal && RANK[m.role] >= RANK.admin && callerRoles.get(m.workspaceId) !== 'owner',
        );
        if (elsewhere) throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.resetElsewhere' });
        if (config.passwordLogin === false) throw apiError(403, 'PASSWORD_LOGIN_DISABLED');

        const member = (await repos.users.findById(userId))!;
        const { token, expiresAt } = await repos.passwordResets.create({ userId, createdById: caller.id, workspaceId }, RESET_TTL_MS);
        const origin = (deps.appUrl?.() ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
        const url = `${origin}/reset-password/${token}`;
        let emailed = false;
        if (deps.mail) {
          try {
            await deps.mail.send({
              to: [member.email],
              subject: 'Set a new Bot Manager password',
              text: `${caller.name} made a link for you to set a new password for Bot Manager:\n\n${url}\n\nIt works once, until ${expiresAt.toISOString()}. Setting a password signs you out everywhere.\nIf you did not expect this, ask ${caller.name} (${caller.email}).`,
            });
            emailed = true;
          } catch (err) {
            // The link still works: the admin hands it over some other way (the answer says it was not mailed).
            req.log.warn({ err }, 'password reset email not sent');
          }
        }
        await recordAccountEvent(deps, req, {
          action: 'auth.passwordResetCreated',
          user: member,
          workspaceIds: [workspaceId],
          details: { emailed },
        });
        return reply.code(201).send({ url, expiresAt: expiresAt.toISOString(), emailed });
      },
    });
  };
