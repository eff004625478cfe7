import { z } from 'zod';
import { errorResponses, Id } from './common';
import { route } from './route';

const Count = z.number().int().min(0);
/** What a plan allows; an absent limit is unlimited, an absent feature is allowed. */
export const PlanLimits = z.object({
  bots: Count.optional(),
  activeSchedules: Count.optional(),
  members: Count.optional(),
  runsPerMonth: Count.optional(),
  /** At or above the installation's floor (BOT_MANAGER_MIN_SCHEDULE_INTERVAL). */
  minScheduleIntervalSeconds: Count.optional(),
});
export const PlanFeatures = z.object({
  teams: z.boolean().optional(),
  templates: z.boolean().optional(),
  webhooks: z.boolean().optional(),
  approvals: z.boolean().optional(),
});
export const Plan = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'Plan ids are lower-case letters, digits and "-".'),
  name: z.string().min(1).max(100),
  limits: PlanLimits.default({}),
  features: PlanFeatures.default({}),
});
/** The BOT_MANAGER_PLANS file: the installation's plans and the one new workspaces get. */
export const PlansFile = z
  .object({ plans: z.array(Plan).min(1), defaultPlan: z.string() })
  .refine((f) => f.plans.some((p) => p.id === f.defaultPlan), {
    message: 'defaultPlan must be the id of one of the plans.',
    path: ['defaultPlan'],
  })
  .refine((f) => new Set(f.plans.map((p) => p.id)).size === f.plans.length, { message: 'Plan ids must be unique.', path: ['plans'] });

export const PlanUsage = z.object({ bots: Count, activeSchedules: Count, members: Count, runsPerMonth: Count });
export const LimitsResponse = z.object({
  plan: z.object({ id: z.string(), name: z.string() }),
  limits: PlanLimits,
  features: PlanFeatures,
  usage: PlanUsage,
  /** The limits usage is above (after a plan shrank: nothing is deleted, new creations are refused). */
  over: z.array(z.string()),
});

export const plans = {
  limits: route({
    method: 'GET',
    path: '/api/workspaces/:id/limits',
    params: z.object({ id: Id }),
    response: { 200: LimitsResponse, ...errorResponses },
  }),
  list: route({
    method: 'GET',
    path: '/api/plans',
    response: { 200: z.object({ plans: z.array(Plan), defaultPlan: z.string() }), ...errorResponses },
  }),
  /** The payment hook: whatever bills the workspace calls this (an installation admin's token) and it is audited. */
  assign: route({
    method: 'PUT',
    path: '/api/workspaces/:id/plan',
    params: z.object({ id: Id }),
    body: z.object({ planId: z.string().min(1).max(50) }),
    response: { 200: LimitsResponse, ...errorResponses },
  }),
};

export type Plan = z.infer<typeof Plan>;
export type PlansFile = z.infer<typeof PlansFile>;
export type PlanLimits = z.infer<typeof PlanLimits>;
export type LimitsResponse = z.infer<typeof LimitsResponse>;
