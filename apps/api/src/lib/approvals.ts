import type { FastifyRequest } from 'fastify';
import type { Approval, DecidedVia, Decision, InboxApproval } from '@bm/db';
import type { AppDeps } from '../deps';
import { audit } from './audit';
import { apiError } from './errors';

/** An approval as every answer shows it (the link's token hash never leaves the database). */
export const approvalOut = (a: InboxApproval) => ({
  id: a.id,
  runId: a.runId,
  nodeId: a.nodeId,
  item: a.item,
  botId: a.botId,
  botName: a.botName,
  status: a.status,
  message: a.message,
  payload: a.payload,
  decidedPayload: a.decidedPayload,
  decidedBy: a.decidedBy,
  decidedVia: a.decidedVia as DecidedVia | null,
  createdAt: a.createdAt,
  decidedAt: a.decidedAt,
  expiresAt: a.expiresAt,
});

/** 409: someone (or the timeout, or a cancellation) was first; `details.status` says what it became. */
export const alreadyDecided = (status: string) =>
  apiError(409, 'APPROVAL_DECIDED', {
    key: status === 'timeout' || status === 'cancelled' ? `APPROVAL_DECIDED.${status}` : 'APPROVAL_DECIDED.decided',
    params: { status },
    details: { status },
  });

/**
 * Decides a pending approval, whichever way it comes (inbox, API token, signed link). The row is
 * written first — one winner, the rest get 409 — and only then is the run's workflow told (it reads
 * the outcome from the row). A workflow that cannot be told would never move on while the row says
 * decided: the decision is undone (its link works again) and the caller asked to retry (503).
 */
export async function decideApproval(
  deps: AppDeps,
  req: FastifyRequest,
  approval: Approval,
  run: { id: string; workflowId: string },
  d: { decision: Decision; payload?: unknown; via: DecidedVia },
): Promise<Approval> {
  const { repos } = deps.services;
  const userId = d.via === 'link' ? null : (req.user?.id ?? null);
  const decided = await repos.approvals.decide(approval.id, { decision: d.decision, payload: d.payload, userId, via: d.via });
  if (!decided) {
    const now = await repos.approvals.get(approval.runId, approval.nodeId, approval.item);
    throw alreadyDecided(now?.status ?? 'cancelled');
  }
  const signal = { nodeId: approval.nodeId, ...(approval.item >= 0 ? { item: approval.item } : {}) };
  const delivered = await deps.scheduler.signalApproval(run.workflowId, signal).catch((err: unknown) => {
    deps.services.logger.warn({ err, runId: run.id, nodeId: approval.nodeId }, 'could not signal an approval decision');
    return false;
  });
  if (!delivered) {
    await repos.approvals.reopen(approval.id, approval.linkTokenHash);
    throw apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.approval' });
  }
  // A link has no signed-in person: the event has no actor, and says it came by the link.
  await audit(deps, d.via === 'link' ? null : req, {
    workspaceId: approval.workspaceId,
    action: 'approval.decided',
    target: { type: 'run', id: run.id, name: approval.nodeId },
    details: {
      runId: run.id,
      nodeId: approval.nodeId,
      ...(approval.item >= 0 ? { item: approval.item } : {}),
      decision: d.decision,
      via: d.via,
      edited: d.payload !== undefined && JSON.stringify(d.payload) !== JSON.stringify(approval.payload),
    },
  });
  return decided;
}
