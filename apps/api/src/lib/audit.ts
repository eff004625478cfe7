import type { FastifyRequest } from 'fastify';
import type { AuditInput } from '@bm/db';
import type { AuditAction } from '@bm/contract';
import type { AppDeps } from '../deps';

export type AuditEvent = Omit<AuditInput, 'actor' | 'action'> & { action: AuditAction };

/**
 * Appends one event to a workspace's audit log, as the request's caller. The action has already
 * happened: a failure to record is logged, never turned into a failed request. Never pass a secret
 * value in `details` (names, hints and roles only).
 */
export async function audit(deps: AppDeps, req: FastifyRequest | null, event: AuditEvent) {
  const user = req?.user ?? null;
  const actor = user ? { id: user.id, email: user.email, name: user.name } : null;
  try {
    await deps.services.repos.audit.record({ ...event, actor });
  } catch (err) {
    deps.services.logger.error({ err, action: event.action, workspaceId: event.workspaceId }, 'could not record an audit event');
  }
}

/** For what belongs to a person rather than a workspace (sign-ins, tokens): every workspace they are in records it. */
export async function auditEverywhere(deps: AppDeps, req: FastifyRequest, event: Omit<AuditEvent, 'workspaceId'>) {
  const user = req.user;
  if (!user) return;
  const memberships = await deps.services.repos.workspaces.listForUser(user.id).catch(() => []);
  for (const m of memberships) await audit(deps, req, { ...event, workspaceId: m.workspaceId });
}
