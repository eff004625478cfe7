import { hash, verify } from '@node-rs/argon2';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { isConflictError } from '@bm/db';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';
import { acceptedLocale, storedLocale } from '../lib/locale';
import { passwordProblem } from '../lib/password';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../plugins/auth';

const { auth } = contract;
const dummyHash = hash('not-a-real-password-just-equal-timing');

/** Per client address: enough for people, too few for password guessing. */
const AUTH_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export const publicUser = (u: { id: string; email: string; name: string; locale: string | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: storedLocale(u.locale),
});
const emailTaken = () => apiError(409, 'EMAIL_TAKEN');

/** Sign-up, log-in and log-out: public routes (see permissions.ts). */
export const authRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    const cookieOpts = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.services.config.secureCookies,
      maxAge: SESSION_TTL_MS / 1000,
    };

    app.route({
      ...fromContract(auth.signup),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        const { email, password, name } = req.body;
        const weak = passwordProblem(password);
        if (weak)
          throw apiError(422, 'WEAK_PASSWORD', {
            key: `WEAK_PASSWORD.${weak}`,
            details: [{ path: 'password', key: `WEAK_PASSWORD.${weak}` }],
          });
        if (await repos.users.findByEmail(email)) throw emailTaken();
        // Two sign-ups with one email at the same moment: the second one loses here.
        // The browser's language (when it is one of ours) becomes the user's setting; PATCH /api/me changes it.
        const locale = acceptedLocale(req.headers['accept-language']);
        const { user } = await repos.users.create({ email, name, passwordHash: await hash(password), locale }).catch((err: unknown) => {
          throw isConflictError(err) ? emailTaken() : err;
        });
        reply.setCookie(SESSION_COOKIE, await repos.sessions.create(user.id, SESSION_TTL_MS), cookieOpts);
        return reply.code(201).send({ user: publicUser(user) });
      },
    });

    app.route({
      ...fromContract(auth.login),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        const user = await repos.users.findByEmail(req.body.email);
        // Verify against a dummy hash for unknown emails too: the answer time does not reveal accounts.
        const ok = await verify(user?.passwordHash ?? (await dummyHash), req.body.password).catch(() => false);
        if (!user || !ok) throw apiError(401, 'INVALID_CREDENTIALS');
        reply.setCookie(SESSION_COOKIE, await repos.sessions.create(user.id, SESSION_TTL_MS), cookieOpts);
        return { user: publicUser(user) };
      },
    });

    app.route({
      ...fromContract(auth.logout),
      handler: async (req, reply) => {
        const c = req.cookies[SESSION_COOKIE];
        if (c) await repos.sessions.delete(c);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    });
  };
