import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, User } from '@bm/db';
import type { AppDeps } from '../app';
import { HttpError, notFound } from '../lib/errors';
import { atLeast } from '../lib/roles';

export const SESSION_COOKIE = 'bm_session';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

/**
 * Resolves the caller from the session cookie or a personal API token (`Authorization: Bearer`).
 * Routes call requireUser / requireWorkspace; nothing checks URL strings.
 */
export function registerAuth(app: FastifyInstance<any, any, any, any, any>, deps: AppDeps) {
  const { repos } = deps.services;
  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.user = await repos.apiTokens.findUser(auth.slice(7).trim());
      if (!req.user) throw new HttpError(401, 'UNAUTHENTICATED', 'The API token is invalid or was revoked.');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.user = await repos.sessions.findUser(cookie);
  });
}

export function requireUser(req: FastifyRequest): User {
  if (!req.user) throw new HttpError(401, 'UNAUTHENTICATED', 'Log in to continue.');
  return req.user;
}

/**
 * The caller's membership in a workspace (default: their personal one). A workspace they are not a
 * member of answers 404, like any id they may not see.
 */
export async function requireWorkspace(deps: AppDeps, req: FastifyRequest, workspaceId: string | undefined, min: Role = 'viewer') {
  const user = requireUser(req);
  const { workspaces } = deps.services.repos;
  const id = workspaceId ?? (await workspaces.personal(user.id));
  const m = id ? await workspaces.membership(user.id, id) : null;
  if (!m) throw notFound('Workspace');
  if (!atLeast(m.role, min)) throw new HttpError(403, 'FORBIDDEN', `This needs the ${min} role in the workspace; you are ${m.role}.`);
  return { user, workspaceId: m.workspaceId, role: m.role };
}

/** Loads a workspace-scoped row and checks membership; rows of other workspaces are 404. */
export async function requireInWorkspace<T extends { workspaceId: string }>(
  deps: AppDeps,
  req: FastifyRequest,
  row: T | null,
  what: string,
  min: Role = 'viewer',
) {
  if (!row) throw notFound(what);
  const user = requireUser(req);
  const m = await deps.services.repos.workspaces.membership(user.id, row.workspaceId);
  if (!m) throw notFound(what);
  if (!atLeast(m.role, min)) throw new HttpError(403, 'FORBIDDEN', `This needs the ${min} role in the workspace; you are ${m.role}.`);
  return { user, row, role: m.role };
}
