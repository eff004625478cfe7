import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '@bm/contract';
import type { User } from '@bm/db';
import type { AppDeps } from '../deps';
import { audit } from './audit';

/**
 * Records an account-security event in workspace audit logs (lib/audit.ts). A person's own
 * events (sign-in from a new device, password changed, signed out everywhere) concern every
 * workspace they belong to; a reset link's go to the workspace it was made in. The actor is the
 * request's caller, so a request that has just signed someone in sets `req.user` first.
 */
export async function recordAccountEvent(
  deps: AppDeps,
  req: FastifyRequest,
  e: {
    action: AuditAction;
    /** Whose account it is about. */
    user: Pick<User, 'id' | 'email' | 'name'>;
    workspaceIds?: string[];
    details?: Record<string, string | number | boolean>;
  },
) {
  const workspaceIds = e.workspaceIds ?? (await deps.services.repos.workspaces.listForUser(e.user.id)).map((m) => m.workspaceId);
  for (const workspaceId of workspaceIds)
    await audit(deps, req, {
      workspaceId,
      action: e.action,
      target: { type: 'user', id: e.user.id, name: e.user.email },
      details: e.details,
    });
}
