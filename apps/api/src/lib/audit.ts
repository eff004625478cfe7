import type { FastifyRequest } from 'fastify';
import type { AuditInput } from '@bm/db';
import type { AppDeps } from '../deps';

/**
 * Every action the audit log knows. Later features add theirs here, so the filter in the UI and the
 * catalogue's `audit.*` texts stay complete (a test checks both).
 */
export const AUDIT_ACTIONS = [
  'auth.signIn.newDevice',
  'auth.passwordChanged',
  'auth.signedOutEverywhere',
  'auth.passwordResetCreated',
  'auth.passwordResetUsed',
  'workspace.created',
  'workspace.renamed',
  'workspace.ownershipTransferred',
  'member.invited',
  'member.invitationRevoked',
  'member.joined',
  'member.roleChanged',
  'member.removed',
  'member.left',
  'connection.created',
  'connection.keyRotated',
  'connection.shared',
  'connection.unshared',
  'connection.deleted',
  'secret.created',
  'secret.changed',
  'secret.deleted',
  'bot.created',
  'bot.deleted',
  'schedule.created',
  'schedule.changed',
  'schedule.deleted',
  'webhook.created',
  'webhook.deleted',
  'token.created',
  'token.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
