import { z } from 'zod';
import { errorResponses, Id, IsoDate, IsoDateOrNull } from './common';
import { route } from './route';

export const ApprovalStatus = z.enum(['pending', 'approved', 'rejected', 'timeout', 'cancelled']);
export const ApprovalDecision = z.enum(['approve', 'reject']);
/** How it was decided: `app` (the inbox), `api` (a token), `link` (the signed one-time link). */
export const ApprovalVia = z.enum(['app', 'api', 'link']);

/** A flow.approval decision as the inbox lists it: the request, and who decided it, when and how. */
export const ApprovalItem = z.object({
  id: z.string(),
  runId: z.string(),
  nodeId: z.string(),
  /** The flow.loop item it belongs to; -1 outside loops. */
  item: z.number().int(),
  botId: z.string(),
  /** Null when the bot has been deleted meanwhile. */
  botName: z.string().nullable(),
  status: ApprovalStatus,
  message: z.string(),
  payload: z.unknown(),
  decidedPayload: z.unknown(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedVia: ApprovalVia.nullable(),
  createdAt: IsoDate,
  decidedAt: IsoDateOrNull,
  expiresAt: IsoDateOrNull,
});

/** What is decided: approve or reject; `payload` replaces the one asked about (an edit); `item`: a loop's item. */
export const DecideApprovalBody = z.object({
  decision: ApprovalDecision,
  payload: z.unknown().optional(),
  item: z.number().int().min(-1).max(1_000_000).optional(),
});

export const ApprovalsQuery = z.object({
  workspaceId: Id.optional(),
  status: ApprovalStatus.optional(),
  botId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The signed link's secret: 32 random bytes, base64url (43 characters). */
const LinkParams = z.object({ token: z.string().min(20).max(200) });

/** What a signed link shows to whoever holds it (no session): the request only, nothing else of the workspace. */
export const ApprovalLinkView = z.object({
  botName: z.string().nullable(),
  message: z.string(),
  payload: z.unknown(),
  expiresAt: IsoDateOrNull,
});

export const approvals = {
  /** A member with `runs.approve` decides a run's pending flow.approval node. */
  decide: route({
    method: 'POST',
    path: '/api/runs/:id/approvals/:nodeId',
    params: z.object({ id: Id, nodeId: z.string().min(1).max(200) }),
    body: DecideApprovalBody,
    response: { 200: z.object({ approval: ApprovalItem }), ...errorResponses },
  }),
  /** The workspace's approvals: pending first, then newest. */
  list: route({
    method: 'GET',
    path: '/api/approvals',
    querystring: ApprovalsQuery,
    response: { 200: z.object({ approvals: z.array(ApprovalItem) }), ...errorResponses },
  }),
};

/** Public: the one-time token in the URL is the credential. */
export const approvalLinks = {
  get: route({
    method: 'GET',
    path: '/api/approval-links/:token',
    params: LinkParams,
    response: { 200: ApprovalLinkView, ...errorResponses },
  }),
  decide: route({
    method: 'POST',
    path: '/api/approval-links/:token',
    params: LinkParams,
    body: DecideApprovalBody.omit({ item: true }),
    response: { 200: z.object({ status: ApprovalStatus }), ...errorResponses },
  }),
};

export type ApprovalItem = z.output<typeof ApprovalItem>;
export type ApprovalStatus = z.output<typeof ApprovalStatus>;
export type ApprovalLinkView = z.output<typeof ApprovalLinkView>;
export type DecideApprovalBody = z.input<typeof DecideApprovalBody>;
