import type { Role } from '@bm/contract';
import { formatter } from '../../i18n/i18n';

/** USD in the user's locale; sums under a cent keep two significant digits ("$0.0012"). */
export const formatUsd = (amount: number | null | undefined): string => formatter().currency(amount, 'USD');

/** The price source that means "no known price, counted as 0" (never a real $0). */
export const UNPRICED = 'unpriced';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
/** Usage and budgets are readable by editors and up; budgets and limits are changed/read by admins and owners. */
export const canReadUsage = (role: Role | undefined) => role !== undefined && RANK[role] >= RANK.editor;
export const canManage = (role: Role | undefined) => role !== undefined && RANK[role] >= RANK.admin;
