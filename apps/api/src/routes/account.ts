import { hash } from '@node-rs/argon2';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { recordAccountEvent } from '../lib/account-events';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { assertStrongPassword } from '../lib/password';
import { currentUser, SESSION_COOKIE } from '../plugins/auth';
import { AUTH_RATE_LIMIT, passwordMatches } from './auth';

/** How the caller signs in; their own password: prove the current one, set a new one, end every other session. */
export const accountRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(contract.account.get),
      handler: async (req) => {
        const user = currentUser(req);
        const identities = await repos.identities.listForUser(user.id);
        return {
          hasPassword: !!user.passwordHash,
          identities: identities.map((i) => ({ issuer: i.issuer, email: i.email, linkedAt: i.createdAt })),
        };
      },
    });

    app.route({
      ...fromContract(contract.account.changePassword),
      // Each try verifies a password: as limited as sign-in.
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        const user = currentUser(req);
        if (deps.services.config.passwordLogin === false) throw apiError(403, 'PASSWORD_LOGIN_DISABLED');
        if (!user.passwordHash) throw apiError(409, 'NO_PASSWORD');
        if (!(await passwordMatches(user.passwordHash, req.body.currentPassword)))
          throw apiError(403, 'WRONG_PASSWORD', { details: [{ path: 'currentPassword', key: 'WRONG_PASSWORD' }] });
        assertStrongPassword(req.body.newPassword, 'newPassword');
        await repos.users.setPassword(user.id, await hash(req.body.newPassword));
        // The route is session-only (permissions.ts): the cookie is there, and it stays signed in.
        const ended = await repos.sessions.deleteOthers(user.id, req.cookies[SESSION_COOKIE]!);
        await recordAccountEvent(deps, req, { action: 'auth.passwordChanged', user, details: { otherSessionsEnded: ended } });
        return reply.code(204).send(null);
      },
    });
  };
