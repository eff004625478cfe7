import { z } from 'zod';
import { errorResponses, Id, IsoDate, NoContent } from './common';
import { Role, WorkspaceMembership } from './me';
import { route } from './route';

export const WorkspaceName = z.string().trim().min(1, 'Enter a name for the workspace.').max(100);
const WorkspaceParams = z.object({ id: Id });
const MemberParams = z.object({ id: Id, userId: Id });
const Email = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254);

export const CreateWorkspaceBody = z.object({ name: WorkspaceName });
export const RenameWorkspaceBody = z.object({ name: WorkspaceName });
/** Deleting takes the workspace's name typed again: nothing of it survives. */
export const DeleteWorkspaceBody = z.object({ confirm: z.string().max(100) });

export const Member = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: Role, joinedAt: IsoDate });
export const MembersResponse = z.object({ members: z.array(Member) });
export const ChangeRoleBody = z.object({ role: Role });
export const TransferBody = z.object({ userId: Id });

/** An invitation may give any role but owner (ownership is transferred, never invited). */
export const InvitableRole = z.enum(['admin', 'editor', 'viewer']);
export const InviteBody = z.object({ email: Email, role: InvitableRole });
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  expiresAt: IsoDate,
  createdAt: IsoDate,
  invitedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
});
/** The one answer that carries the link (`…/invite/<token>`); it is never shown again. `emailed`: sent by SMTP. */
export const CreatedInvitation = Invitation.extend({ url: z.string(), emailed: z.boolean() });
export const InvitationsResponse = z.object({ invitations: z.array(Invitation) });
export const InvitationToken = z.object({ token: z.string().min(1).max(200) });
/** What the invitation page shows before the visitor signs in or up. */
export const InvitationPreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: Role,
  invitedBy: z.string().nullable(),
  expiresAt: IsoDate,
});
export const AcceptInvitationResponse = z.object({ workspace: WorkspaceMembership });

/**
 * Every action the audit log knows. Later features add theirs here; the web's filter and the
 * catalogue's `audit.*` texts are checked against this list.
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
  'bot.versionRestored',
  'schedule.created',
  'schedule.changed',
  'schedule.deleted',
  'webhook.created',
  'webhook.changed',
  'webhook.deleted',
  'token.created',
  'token.revoked',
  'budget.created',
  'budget.changed',
  'budget.deleted',
  'budget.stopped',
  'budget.threshold',
  'budget.noticeFailed',
  'plan.assigned',
  'template.published',
  'template.updated',
  'template.unpublished',
  'template.instantiated',
  'bot.exported',
  'bot.imported',
  'bot.duplicated',
  'approval.decided',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditActor = z.object({ userId: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable() });
export const AuditTarget = z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() });
export const AuditEvent = z.object({
  id: z.string(),
  actor: AuditActor.nullable(),
  action: z.string(),
  target: AuditTarget.nullable(),
  at: IsoDate,
  details: z.record(z.string(), z.unknown()).nullable(),
});
export const AuditQuery = z.object({
  cursor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  actor: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const AuditResponse = z.object({ events: z.array(AuditEvent), next: z.string().nullable() });

/** Team workspaces: the workspaces themselves, their members, invitations and audit log. */
export const workspaces = {
  create: route({
    method: 'POST',
    path: '/api/workspaces',
    body: CreateWorkspaceBody,
    response: { 201: WorkspaceMembership, ...errorResponses },
  }),
  list: route({
    method: 'GET',
    path: '/api/workspaces',
    response: { 200: z.object({ workspaces: z.array(WorkspaceMembership) }), ...errorResponses },
  }),
  rename: route({
    method: 'PATCH',
    path: '/api/workspaces/:id',
    params: WorkspaceParams,
    body: RenameWorkspaceBody,
    response: { 200: WorkspaceMembership, ...errorResponses },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/workspaces/:id',
    params: WorkspaceParams,
    body: DeleteWorkspaceBody,
    response: { 204: NoContent, ...errorResponses },
  }),
  transfer: route({
    method: 'POST',
    path: '/api/workspaces/:id/transfer',
    params: WorkspaceParams,
    body: TransferBody,
    response: { 200: MembersResponse, ...errorResponses },
  }),
};

export const members = {
  list: route({
    method: 'GET',
    path: '/api/workspaces/:id/members',
    params: WorkspaceParams,
    response: { 200: MembersResponse, ...errorResponses },
  }),
  changeRole: route({
    method: 'PATCH',
    path: '/api/workspaces/:id/members/:userId',
    params: MemberParams,
    body: ChangeRoleBody,
    response: { 200: Member, ...errorResponses },
  }),
  /** An admin removes a member; any member may remove themselves (leave), except the last owner. */
  remove: route({
    method: 'DELETE',
    path: '/api/workspaces/:id/members/:userId',
    params: MemberParams,
    response: { 204: NoContent, ...errorResponses },
  }),
};

export const invitations = {
  create: route({
    method: 'POST',
    path: '/api/workspaces/:id/invitations',
    params: WorkspaceParams,
    body: InviteBody,
    response: { 201: CreatedInvitation, ...errorResponses },
  }),
  list: route({
    method: 'GET',
    path: '/api/workspaces/:id/invitations',
    params: WorkspaceParams,
    response: { 200: InvitationsResponse, ...errorResponses },
  }),
  revoke: route({
    method: 'DELETE',
    path: '/api/invitations/:id',
    params: WorkspaceParams,
    response: { 204: NoContent, ...errorResponses },
  }),
  /** Public: the token is the credential; answers only what the invitation page needs. */
  preview: route({
    method: 'POST',
    path: '/api/invitations/preview',
    body: InvitationToken,
    response: { 200: InvitationPreview, ...errorResponses },
  }),
  accept: route({
    method: 'POST',
    path: '/api/invitations/accept',
    body: InvitationToken,
    response: { 200: AcceptInvitationResponse, ...errorResponses },
  }),
};

export const audit = {
  list: route({
    method: 'GET',
    path: '/api/workspaces/:id/audit',
    params: WorkspaceParams,
    querystring: AuditQuery,
    response: { 200: AuditResponse, ...errorResponses },
  }),
};

export type Member = z.infer<typeof Member>;
export type Invitation = z.infer<typeof Invitation>;
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;
export type InvitationPreview = z.infer<typeof InvitationPreview>;
export type AuditEvent = z.infer<typeof AuditEvent>;
export type InvitableRole = z.infer<typeof InvitableRole>;
