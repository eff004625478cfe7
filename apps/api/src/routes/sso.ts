import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { createGuardedFetch } from '@bm/net';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { acceptedLocale } from '../lib/locale';
import { startSession } from '../lib/session';
import { createRelyingParty, SsoError, type SsoErrorCode } from '../sso/relying-party';
import { providerName } from '../sso/settings';
import { safeReturnTo } from '../sso/return-to';
import { resolveSsoUser } from '../sso/sign-in';
import { AUTH_RATE_LIMIT } from './auth';

const { auth } = contract;
/** The sign-in in progress at the provider: httpOnly, only sent to the callback, minutes long. */
const LOGIN_COOKIE = 'bm_sso';
const LOGIN_TTL_MS = 10 * 60 * 1000;
const CALLBACK_PATH = '/api/auth/sso/callback';

/** Single sign-on with OpenID Connect (authorization code + PKCE): public routes (permissions.ts). */
export const ssoRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos, config, logger } = deps.services;
    const settings = config.sso;
    // The provider is reached like every outside host: through the outbound guard, time-boxed and capped.
    const guarded = createGuardedFetch(deps.services.policy, { timeoutMs: 10_000, maxResponseBytes: 1024 * 1024 });
    const rp = settings ? createRelyingParty(settings, (url, init) => guarded(url, init as RequestInit)) : undefined;
    const cookieOpts = { path: '/api/auth/sso', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
    // The redirect URI registered at the provider: the app's public URL when set (behind a proxy), else the request's own origin.
    const callbackUrl = (req: FastifyRequest) =>
      `${(deps.appUrl?.() ?? config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '')}${CALLBACK_PATH}`;
    const toLogin = (reply: FastifyReply, code: SsoErrorCode) => reply.redirect(`/login?sso_error=${code}`, 302);
    const failed = (reply: FastifyReply, err: unknown) => {
      const code = err instanceof SsoError ? err.code : 'SSO_PROVIDER_ERROR';
      // The cause (a provider's answer, a network error) is for the log; the page gets the code.
      logger.warn({ err: err instanceof SsoError ? err.cause : err, code }, 'single sign-on failed');
      return toLogin(reply, code);
    };

    app.route({
      ...fromContract(auth.sso),
      handler: async () => ({
        enabled: !!settings,
        passwordLogin: config.passwordLogin !== false,
        ...(settings ? { providerName: providerName(settings) } : {}),
      }),
    });

    app.route({
      ...fromContract(auth.ssoStart),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        if (!rp) return toLogin(reply, 'SSO_NOT_CONFIGURED');
        try {
          const { url, checks } = await rp.start(callbackUrl(req));
          const token = await repos.oidcLogins.create({ ...checks, returnTo: safeReturnTo(req.query.returnTo) }, LOGIN_TTL_MS);
          reply.setCookie(LOGIN_COOKIE, token, { ...cookieOpts, maxAge: LOGIN_TTL_MS / 1000 });
          return reply.redirect(url.href, 302);
        } catch (err) {
          return failed(reply, err);
        }
      },
    });

    app.route({
      ...fromContract(auth.ssoCallback),
      config: { rateLimit: AUTH_RATE_LIMIT },
      handler: async (req, reply) => {
        if (!rp || !settings) return toLogin(reply, 'SSO_NOT_CONFIGURED');
        const token = req.cookies[LOGIN_COOKIE];
        reply.clearCookie(LOGIN_COOKIE, { path: cookieOpts.path });
        const login = token ? await repos.oidcLogins.take(token) : null;
        if (!login) return toLogin(reply, 'SSO_STATE_INVALID');
        try {
          const q = req.url.indexOf('?');
          const identity = await rp.finish(new URL(`${callbackUrl(req)}${q >= 0 ? req.url.slice(q) : ''}`), login);
          const { user, created, missedDefault } = await resolveSsoUser(
            repos,
            settings,
            identity,
            acceptedLocale(req.headers['accept-language']),
          );
          // The person is in; the installation's default workspace is not (deleted, or a typo in its id).
          if (missedDefault)
            logger.warn(
              { workspaceId: settings.defaultWorkspace?.id },
              'BOT_MANAGER_OIDC_DEFAULT_WORKSPACE names no workspace; the new user joined none',
            );
          await startSession(deps, req, reply, user, created ? 'signup' : 'sso');
          return reply.redirect(login.returnTo, 302);
        } catch (err) {
          return failed(reply, err);
        }
      },
    });
  };
