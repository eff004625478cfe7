import { contract, type UsageGroup } from '@bm/contract';

type UsageSeries = 'bot' | 'model';
import type { z } from 'zod';
import { call } from './http';

const { usage, budgets, plans } = contract;

export type UsageRange = { from: string; to: string };

/** Costs (GET /api/usage, /api/prices), budgets and plan limits: what the usage pages read and change. */
export const usageApi = {
  get: (workspaceId: string | undefined, groupBy: UsageGroup, range: UsageRange, botId?: string) =>
    call(usage.get, { query: { workspaceId, groupBy, from: range.from, to: range.to, botId } }),
  /** Each day split by bot or by model, in one roll-up. */
  series: (workspaceId: string | undefined, series: UsageSeries, range: UsageRange) =>
    call(usage.get, { query: { workspaceId, groupBy: 'day', series, from: range.from, to: range.to } }),
  prices: () => call(usage.prices),
  budgets: (workspaceId: string | undefined) => call(budgets.list, { query: { workspaceId } }),
  createBudget: (body: z.input<typeof contract.budgets.create.body>) => call(budgets.create, { body }),
  updateBudget: (id: string, body: z.input<typeof contract.budgets.update.body>) => call(budgets.update, { params: { id }, body }),
  removeBudget: (id: string) => call(budgets.remove, { params: { id } }),
  limits: (workspaceId: string) => call(plans.limits, { params: { id: workspaceId } }),
};

export const usageKeys = {
  all: ['usage'] as const,
  usage: (workspaceId: string | undefined, groupBy: UsageGroup, range: UsageRange, botId?: string) =>
    ['usage', workspaceId ?? 'default', groupBy, range.from, range.to, botId ?? ''] as const,
  series: (workspaceId: string | undefined, series: UsageSeries, range: UsageRange) =>
    ['usage', workspaceId ?? 'default', 'day', range.from, range.to, '', series] as const,
  prices: ['prices'] as const,
  budgets: (workspaceId: string | undefined) => ['budgets', workspaceId ?? 'default'] as const,
  limits: (workspaceId: string) => ['limits', workspaceId] as const,
};
