import { contract, type InvitableRole, type Role } from '@bm/contract';
import { call } from './http';

const { workspaces, members, invitations, audit, account } = contract;

/** Team workspaces: the workspaces, their members, invitations and audit log. */
export const teamsApi = {
  create: (name: string) => call(workspaces.create, { body: { name } }),
  list: () => call(workspaces.list),
  rename: (id: string, name: string) => call(workspaces.rename, { params: { id }, body: { name } }),
  remove: (id: string, confirm: string) => call(workspaces.remove, { params: { id }, body: { confirm } }),
  transfer: (id: string, userId: string) => call(workspaces.transfer, { params: { id }, body: { userId } }),
  members: (id: string) => call(members.list, { params: { id } }),
  changeRole: (id: string, userId: string, role: Role) => call(members.changeRole, { params: { id, userId }, body: { role } }),
  removeMember: (id: string, userId: string) => call(members.remove, { params: { id, userId } }),
  invite: (id: string, email: string, role: InvitableRole) => call(invitations.create, { params: { id }, body: { email, role } }),
  invitations: (id: string) => call(invitations.list, { params: { id } }),
  revoke: (invitationId: string) => call(invitations.revoke, { params: { id: invitationId } }),
  preview: (token: string) => call(invitations.preview, { body: { token } }),
  accept: (token: string) => call(invitations.accept, { body: { token } }),
  /** A one-time link for a member to set a new password (shown once; mailed when SMTP is set). */
  passwordReset: (id: string, userId: string) => call(account.createPasswordReset, { params: { id, userId } }),
  audit: (id: string, query: { cursor?: string; action?: string }) => call(audit.list, { params: { id }, query }),
};
