import type { RunEstimate } from './estimate';

export type Projection = { usd: number; runs: number; basis: 'history' | 'estimate'; unpriced: boolean };

/**
 * What a bot's active schedules will cost in the next 30 days: the runs they will start × the cost
 * of one run. A run's cost is the bot's average over the last 30 days when it has run with LLM
 * calls (what its prompts really cost, inputs included), else the estimate from its prompts and
 * models. Null when no schedule is active (or none can be counted).
 */
export function projectSchedules(
  schedules: { runsPer30Days: number | null }[],
  last30: { runs: number; costUsd: number; unpricedCalls: number } | undefined,
  estimate: () => RunEstimate,
): Projection | null {
  const runs = schedules.reduce((n, s) => n + (s.runsPer30Days ?? 0), 0);
  if (runs === 0) return null;
  if (last30 && last30.runs > 0)
    return { usd: (last30.costUsd / last30.runs) * runs, runs, basis: 'history', unpriced: last30.unpricedCalls > 0 };
  const e = estimate();
  return { usd: e.usd * runs, runs, basis: 'estimate', unpriced: e.unpriced };
}
