import type { Role } from '@bm/db';

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** Viewers read; editors build and run bots; admins and owners manage the workspace. */
export const atLeast = (role: Role, min: Role) => rank[role] >= rank[min];
