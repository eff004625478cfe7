import { z } from 'zod';
import { errorResponses, Id, IdParams, IsoDate, NoContent, WorkspaceQuery } from './common';
import { route } from './route';
import { SecretName } from './secrets';

export const BudgetScope = z.enum(['workspace', 'bot', 'connection']);
export const BudgetPeriod = z.enum(['day', 'month']);
/** `stop`: calls that would pass the limit are not made (BUDGET_EXCEEDED); `notify`: only tells. */
export const BudgetAction = z.enum(['notify', 'stop']);
const LimitUsd = z.number().positive('Set a limit above $0.').max(1_000_000);
const SoftPercent = z.number().int().min(1).max(100);

/**
 * Where a threshold notice goes besides the bot's results inbox (once per period). Slack and webhook
 * URLs carry their own credentials, so they are named workspace secrets, never stored here.
 */
export const BudgetNotify = z
  .object({
    emails: z.array(z.string().trim().toLowerCase().email('Enter a valid email address.').max(254)).max(20).optional(),
    slackSecret: SecretName.optional(),
    webhookSecret: SecretName.optional(),
  })
  .strict();

export const CreateBudgetBody = z
  .object({
    workspaceId: Id.optional(),
    scope: BudgetScope,
    targetId: Id.optional(),
    period: BudgetPeriod,
    limitUsd: LimitUsd,
    softPercent: SoftPercent.optional(),
    action: BudgetAction,
    notify: BudgetNotify.optional(),
  })
  .refine((b) => (b.scope === 'workspace') === (b.targetId === undefined), {
    message: 'A bot or connection budget names its bot or connection (targetId); a workspace budget names none.',
    path: ['targetId'],
  });
export const UpdateBudgetBody = z.object({
  period: BudgetPeriod.optional(),
  limitUsd: LimitUsd.optional(),
  softPercent: SoftPercent.nullable().optional(),
  action: BudgetAction.optional(),
  notify: BudgetNotify.nullable().optional(),
});

/** A budget with what its current period has spent: settled calls and calls in flight. */
export const Budget = z.object({
  id: z.string(),
  workspaceId: z.string(),
  scope: BudgetScope,
  targetId: z.string().nullable(),
  period: BudgetPeriod,
  limitUsd: z.number(),
  softPercent: z.number().nullable(),
  action: BudgetAction,
  notify: BudgetNotify.nullable(),
  current: z.object({ period: z.string(), spentUsd: z.number(), heldUsd: z.number(), resetsAt: IsoDate }),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const budgets = {
  create: route({ method: 'POST', path: '/api/budgets', body: CreateBudgetBody, response: { 201: Budget, ...errorResponses } }),
  list: route({
    method: 'GET',
    path: '/api/budgets',
    querystring: WorkspaceQuery,
    response: { 200: z.object({ budgets: z.array(Budget) }), ...errorResponses },
  }),
  get: route({ method: 'GET', path: '/api/budgets/:id', params: IdParams, response: { 200: Budget, ...errorResponses } }),
  update: route({
    method: 'PATCH',
    path: '/api/budgets/:id',
    params: IdParams,
    body: UpdateBudgetBody,
    response: { 200: Budget, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/budgets/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
};

export type Budget = z.infer<typeof Budget>;
export type BudgetNotify = z.infer<typeof BudgetNotify>;
