import type { FastifyRequest } from 'fastify';
import type { TokenScope, User } from '@bm/db';
import type { AppDeps } from '../deps';
import { apiError } from '../lib/errors';

export const SESSION_COOKIE = 'bm_session';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    /** The API token's scope; null for a session (which may do all its role allows). */
    tokenScope: TokenScope | null;
  }
}

/**
 * Resolves the caller from a personal API token (`Authorization: Bearer`) or the session cookie;
 * a request with neither (or a revoked token) is 401. Runs for every non-public route (access.ts).
 */
export function authenticate(deps: AppDeps) {
  const { repos } = deps.services;
  return async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const caller = await repos.apiTokens.findCaller(auth.slice(7).trim());
      req.user = caller?.user ?? null;
      req.tokenScope = caller?.scope ?? null;
      if (!req.user) throw apiError(401, 'UNAUTHENTICATED', { key: 'UNAUTHENTICATED.token' });
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.user = await repos.sessions.findUser(cookie);
    if (!req.user) throw apiError(401, 'UNAUTHENTICATED', { key: 'UNAUTHENTICATED.login' });
  };
}

/** The signed-in caller of a non-public route (authenticate has run). */
export function currentUser(req: FastifyRequest): User {
  if (!req.user) throw apiError(401, 'UNAUTHENTICATED', { key: 'UNAUTHENTICATED.login' });
  return req.user;
}
