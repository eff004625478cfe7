import type { AppDeps } from '../deps';

/** The account-security events the workspace audit logs get (shared/API.md, audit). */
export type AccountAction =
  | 'auth.signin_new_device'
  | 'auth.password_changed'
  | 'auth.signed_out_everywhere'
  | 'auth.password_reset_link_created'
  | 'auth.password_reset_link_used';

/**
 * Records an account event. Sign-in events concern the user everywhere, so they go to every
 * workspace the user belongs to; a reset link's events go to the workspace it was made in.
 * TODO(merge): append to the workspace audit log (apps/api/src/lib/audit.ts) once main has it;
 * until then the event is logged (without secrets) so that nothing is lost silently.
 */
export async function recordAccountEvent(
  deps: AppDeps,
  e: { actorId: string; action: AccountAction; targetUserId: string; workspaceIds?: string[]; details?: Record<string, string> },
) {
  const { repos, logger } = deps.services;
  const workspaceIds = e.workspaceIds ?? (await repos.workspaces.listForUser(e.targetUserId)).map((m) => m.workspaceId);
  logger.info({ audit: { ...e, workspaceIds } }, 'account event');
}
