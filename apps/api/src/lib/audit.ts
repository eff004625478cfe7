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
