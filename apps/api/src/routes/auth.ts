import { hash, verify } from '@node-rs/argon2';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError } from '@bm/db';
import type { AppDeps } from '../deps';
import { recordAccountEvent } from '../lib/account-events';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { acceptedLocale, storedLocale } from '../lib/locale';
import { assertStrongPassword } from '../lib/password';
import { clearSessionCookie, startSession } from '../lib/session';
import { currentUser, SESSION_COOKIE } from '../plugins/auth';

const { auth } = contract;
const dummyHash = hash('not-a-real-password-just-equal-timing');

/** Per client address: enough for people, too few for password guessing. */
export const AUTH_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export const publicUser = (u: { id: string; email: string; name: string; locale: string | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: storedLocale(u.locale),
});
const emailTaken = () => apiError(409, 'EMAIL_TAKEN');

/**
 * Does this password open this stored hash? A missing hash (no such user, or a single sign-on
 * account without a password) is checked against a dummy one: the answer time reveals nothing.
 */
export async function passwordMatches(stored: string | null | undefined, password: string) {
  const ok = await verify(stored ?? (await dummyHash), password).catch(() => false);
  return ok && !!stored;
}

/** Sign-up, log-in and log-out (public routes, see permissions.ts); sign out everywhere; reset links. */
export const authRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    // Single sign-on only: password sign-in and sign-up are refused with a code the page explains.
    const refuseWhenPasswordsOff = () => {
      if (deps.services.config.passwordLogin === false) throw apiError(403, 'PASSWORD_LOGIN_DISABLED');
    };

    app.route({
      ...fromContract(auth.signup),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        refuseWhenPasswordsOff();
        const { email, password, name } = req.body;
        assertStrongPassword(password, 'password');
        if (await repos.users.findByEmail(email)) throw emailTaken();
        // Two sign-ups with one email at the same moment: the second one loses here.
        // The browser's language (when it is one of ours) becomes the user's setting; PATCH /api/me changes it.
        const locale = acceptedLocale(req.headers['accept-language']);
        const { user } = await repos.users.create({ email, name, passwordHash: await hash(password), locale }).catch((err: unknown) => {
          throw isConflictError(err) ? emailTaken() : err;
        });
        await startSession(deps, req, reply, user, 'signup');
        return reply.code(201).send({ user: publicUser(user) });
      },
    });

    app.route({
      ...fromContract(auth.login),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        refuseWhenPasswordsOff();
        const user = await repos.users.findByEmail(req.body.email);
        if (!(await passwordMatches(user?.passwordHash, req.body.password)) || !user) throw apiError(401, 'INVALID_CREDENTIALS');
        await startSession(deps, req, reply, user, 'password');
        return { user: publicUser(user) };
      },
    });

    app.route({
      ...fromContract(auth.logout),
      handler: async (req, reply) => {
        const c = req.cookies[SESSION_COOKIE];
        if (c) await repos.sessions.delete(c);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(auth.logoutAll),
      handler: async (req, reply) => {
        const user = currentUser(req);
        const ended = await repos.sessions.deleteAllForUser(user.id);
        clearSessionCookie(reply);
        await recordAccountEvent(deps, req, { action: 'auth.signedOutEverywhere', user, details: { sessions: ended } });
        return reply.code(204).send(null);
      },
    });

    app.route({
      ...fromContract(auth.passwordReset),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        refuseWhenPasswordsOff();
        reply.header('cache-control', 'no-store');
        assertStrongPassword(req.body.newPassword, 'newPassword');
        const used = await repos.passwordResets.use(req.body.token, await hash(req.body.newPassword));
        if (!used) throw apiError(400, 'RESET_LINK_INVALID');
        req.user = used.user;
        await recordAccountEvent(deps, req, {
          action: 'auth.passwordResetUsed',
          user: used.user,
          workspaceIds: [used.workspaceId],
          details: { createdBy: used.createdById },
        });
        await startSession(deps, req, reply, used.user, 'reset');
        return { user: publicUser(used.user) };
      },
    });
  };
