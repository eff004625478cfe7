import type { Plan, PlanLimits } from '@bm/contract';
import type { User } from '@bm/db';
import type { AppDeps } from '../deps';
import { apiError } from './errors';

/** Without BOT_MANAGER_PLANS: one plan, no limits, every feature. */
export const UNLIMITED: Plan = { id: 'unlimited', name: 'Unlimited', limits: {}, features: {} };

type Counted = 'bots' | 'activeSchedules' | 'members' | 'runsPerMonth';
type Feature = keyof Plan['features'];

/** The plan a workspace is on: its own, else the installation's default (a removed plan falls back to it too). */
export function planOf(deps: AppDeps, workspace: { planId: string | null }): Plan {
  const file = deps.services.config.plans;
  if (!file) return UNLIMITED;
  return file.plans.find((p) => p.id === workspace.planId) ?? file.plans.find((p) => p.id === file.defaultPlan)!;
}

async function workspacePlan(deps: AppDeps, workspaceId: string) {
  // Without plans there is nothing to read (run starts stay one statement lighter).
  if (!deps.services.config.plans) return UNLIMITED;
  const ws = await deps.services.repos.teams.get(workspaceId);
  return planOf(deps, ws ?? { planId: null });
}

/** What a workspace may use and uses now, and which limits it is over (a plan that shrank deletes nothing). */
export async function limitsOf(deps: AppDeps, workspace: { id: string; planId: string | null }) {
  const plan = planOf(deps, workspace);
  const usage = await deps.services.repos.teams.planUsage(workspace.id);
  const over = (Object.keys(usage) as Counted[]).filter((k) => plan.limits[k] !== undefined && usage[k] > plan.limits[k]!);
  return { plan: { id: plan.id, name: plan.name }, limits: plan.limits, features: plan.features, usage, over };
}

/** Refuses one more of `what` beyond the plan: 403 PLAN_LIMIT naming the limit, the usage and the plan. */
export async function requireWithinPlan(deps: AppDeps, workspaceId: string, what: Counted) {
  const plan = await workspacePlan(deps, workspaceId);
  const limit = plan.limits[what];
  if (limit === undefined) return;
  const used = (await deps.services.repos.teams.planUsage(workspaceId))[what];
  if (used + 1 > limit) {
    const details = { limit: what, max: limit, used, plan: plan.id };
    throw apiError(403, 'PLAN_LIMIT', { key: `PLAN_LIMIT.${what}`, params: { max: limit, used, plan: plan.name }, details });
  }
}

/** Refuses a feature the plan leaves out. */
export async function requireFeature(deps: AppDeps, workspaceId: string, feature: Feature) {
  const plan = await workspacePlan(deps, workspaceId);
  if (plan.features[feature] === false)
    throw apiError(403, 'PLAN_LIMIT', {
      key: 'PLAN_LIMIT.feature',
      params: { feature, plan: plan.name },
      details: { limit: feature, plan: plan.id },
    });
}

/** The plan's floor for schedules, when it is stricter than the installation's. */
export async function planMinIntervalMs(deps: AppDeps, workspaceId: string): Promise<number> {
  const s = (await workspacePlan(deps, workspaceId)).limits.minScheduleIntervalSeconds;
  return Math.max(deps.services.config.minScheduleIntervalMs, (s ?? 0) * 1000);
}

/** Installation admins: the first user, and those named in BOT_MANAGER_ADMIN_EMAILS. */
export async function isInstallationAdmin(deps: AppDeps, user: User) {
  if (deps.services.config.adminEmails?.includes(user.email.toLowerCase())) return true;
  return (await deps.services.repos.users.first())?.id === user.id;
}

export type { PlanLimits };
