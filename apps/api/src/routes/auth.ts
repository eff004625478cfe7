import { hash, verify } from '@node-rs/argon2';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { HttpError, conflict } from '../lib/errors';
import { ErrorBody, IdParams, Iso, errorResponses } from '../lib/schemas';
import { SESSION_COOKIE, SESSION_TTL_MS, requireUser } from '../plugins/auth';

const dummyHash = hash('not-a-real-password-just-equal-timing');

/** Per client address: enough for people, too few for password guessing. */
const AUTH_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() });
const pub = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });

export const authRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { repos } = deps.services;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.services.config.secureCookies, maxAge: SESSION_TTL_MS / 1000 };

  app.post('/api/auth/signup', {
    schema: {
      body: z.object({
        email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
        password: z.string().min(8, 'Use at least 8 characters for the password.').max(200),
        name: z.string().trim().min(1, 'Enter your name.').max(100),
      }),
      response: { 201: z.object({ user: UserOut }), ...errorResponses },
    },
    config: { rateLimit: AUTH_RATE_LIMIT },
  }, async (req, reply) => {
    const { email, password, name } = req.body;
    if (await repos.users.findByEmail(email)) throw conflict('EMAIL_TAKEN', 'An account with this email already exists. Log in instead.');
    const { user } = await repos.users.create({ email, name, passwordHash: await hash(password) });
    reply.setCookie(SESSION_COOKIE, await repos.sessions.create(user.id, SESSION_TTL_MS), cookieOpts);
    return reply.code(201).send({ user: pub(user) });
  });

  app.post('/api/auth/login', {
    schema: {
      body: z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) }),
      response: { 200: z.object({ user: UserOut }), ...errorResponses },
    },
    config: { rateLimit: AUTH_RATE_LIMIT },
  }, async (req, reply) => {
    const user = await repos.users.findByEmail(req.body.email);
    // Verify against a dummy hash for unknown emails too: the answer time does not reveal accounts.
    const ok = await verify(user?.passwordHash ?? (await dummyHash), req.body.password).catch(() => false);
    if (!user || !ok) throw new HttpError(401, 'INVALID_CREDENTIALS', 'The email or password is not right.');
    reply.setCookie(SESSION_COOKIE, await repos.sessions.create(user.id, SESSION_TTL_MS), cookieOpts);
    return { user: pub(user) };
  });

  app.post('/api/auth/logout', { schema: { response: { 204: z.null() } } }, async (req, reply) => {
    const c = req.cookies[SESSION_COOKIE];
    if (c) await repos.sessions.delete(c);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/me', {
    schema: {
      response: {
        200: z.object({
          user: UserOut,
          workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), personal: z.boolean() })),
        }),
        401: ErrorBody,
      },
    },
  }, async (req) => {
    const user = requireUser(req);
    const ms = await repos.workspaces.listForUser(user.id);
    return { user: pub(user), workspaces: ms.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role, personal: m.workspace.personal })) };
  });

  const TokenOut = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: Iso, lastUsedAt: Iso.nullable() });

  app.post('/api/tokens', {
    schema: {
      body: z.object({ name: z.string().trim().min(1, 'Name the token.').max(100) }),
      response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { row, token } = await repos.apiTokens.create(user.id, req.body.name);
    return reply.code(201).send({ id: row.id, name: row.name, token });
  });

  app.get('/api/tokens', { schema: { response: { 200: z.object({ tokens: z.array(TokenOut) }), ...errorResponses } } }, async (req) => {
    const user = requireUser(req);
    return { tokens: await repos.apiTokens.list(user.id) };
  });

  app.delete('/api/tokens/:id', { schema: { params: IdParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    const user = requireUser(req);
    const { count } = await repos.apiTokens.delete(user.id, req.params.id);
    if (!count) throw new HttpError(404, 'NOT_FOUND', 'API token was not found.');
    return reply.code(204).send(null);
  });
};
