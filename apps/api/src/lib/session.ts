import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256, type User } from '@bm/db';
import type { AppDeps } from '../deps';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../plugins/auth';
import { recordAccountEvent } from './account-events';

/** The session cookie's attributes: one place for password, single sign-on and reset-link sign-ins. */
export const sessionCookieOptions = (deps: AppDeps) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: deps.services.config.secureCookies,
  maxAge: SESSION_TTL_MS / 1000,
});

/**
 * Signs the user in on this browser: a new session and its cookie. A sign-in from a device (a
 * User-Agent) this user never signed in from is an audit event in each of their workspaces.
 */
export async function startSession(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  user: User,
  method: 'signup' | 'password' | 'sso' | 'reset',
) {
  const { repos } = deps.services;
  reply.setCookie(SESSION_COOKIE, await repos.sessions.create(user.id, SESSION_TTL_MS), sessionCookieOptions(deps));
  const agent = req.headers['user-agent'] ?? '';
  // A sign-up is the account's first device, not news to anyone.
  if ((await repos.devices.seen(user.id, sha256(agent))) && method !== 'signup') {
    // This request is now theirs: they are the actor of their own sign-in.
    req.user = user;
    await recordAccountEvent(deps, req, {
      action: 'auth.signIn.newDevice',
      user,
      // The agent string says which browser; it carries nothing secret.
      details: { method, userAgent: agent.slice(0, 200) },
    });
  }
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
