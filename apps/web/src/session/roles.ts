import type { Role } from '@bm/contract';
import { useWorkspace } from './workspace';

/**
 * What the UI offers each role. The server decides (apps/api/src/permissions.ts, the permission
 * matrix of API.md); this mirrors the least role of the permissions the web shows controls for,
 * so a control a role cannot use is hidden or disabled instead of failing with 403.
 */
const LEAST_ROLE = {
  'bots.write': 'editor',
  'runs.start': 'editor',
  'runs.approve': 'editor',
  'schedules.write': 'editor',
  'connections.create': 'editor',
  'connections.test': 'editor',
  'connections.share': 'admin',
  'secrets.manage': 'admin',
  'members.manage': 'admin',
  'audit.read': 'admin',
  'workspace.manage': 'owner',
} as const satisfies Record<string, Role>;

export type UiPermission = keyof typeof LEAST_ROLE;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'viewer'];

/** Does this role hold the permission? No role (not loaded yet): no. */
export function can(role: Role | undefined, permission: UiPermission): boolean {
  return role !== undefined && RANK[role] >= RANK[LEAST_ROLE[permission]];
}

/** May `actor` change or remove a member who has `target` (to `next`)? Owners only for owners. */
/** Whether one role is above another (a reset link is only for members below the caller). */
export const outranks = (actor: Role | undefined, target: Role) => actor !== undefined && RANK[actor] > RANK[target];

export function mayManageMember(actor: Role | undefined, target: Role, next?: Role): boolean {
  return can(actor, 'workspace.manage') || (can(actor, 'members.manage') && target !== 'owner' && next !== 'owner');
}

/** The caller's role in a workspace they belong to (the current one by default). */
export function useRole(workspaceId?: string): Role | undefined {
  const { workspaces, current } = useWorkspace();
  return workspaceId ? workspaces.find((w) => w.id === workspaceId)?.role : current?.role;
}

/** Role names for the catalogue (literal keys, so the unused-key test sees them). */
export const ROLE_KEYS = {
  owner: 'teams:roles.owner',
  admin: 'teams:roles.admin',
  editor: 'teams:roles.editor',
  viewer: 'teams:roles.viewer',
} as const satisfies Record<Role, string>;
