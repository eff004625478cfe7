import { LlmError } from '@bm/llm';
import type { BudgetRow, Repositories } from '@bm/db';
import type { SendBudgetNotice } from './budget-notices';

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** The node's error when a budget refuses its call: which budget, what it allows, and how to go on. */
export function budgetExceeded(b: BudgetRow, spentUsd: number) {
  const params = { scope: b.scope, period: b.period, limit: usd(b.limitUsd), spent: usd(spentUsd) };
  return new LlmError(
    'BUDGET_EXCEEDED',
    `The ${b.scope} budget of ${params.limit} per ${b.period} is spent (${params.spent} so far, calls in flight included), so this LLM call was not made. An admin can raise the limit under Settings → Budgets; otherwise it resets at the start of the next ${b.period} (UTC).`,
    { key: 'llm.BUDGET_EXCEEDED', params },
  );
}

/**
 * A node attempt's budget checks: each LLM call is held against the `stop` budgets that apply
 * (refused when it could pass one), the holds are released once the node's cost is recorded, and
 * budgets with a threshold notify once per period through the bot's results inbox and the
 * budget's own channels (Slack, webhook, email).
 */
export function budgetGuard(
  repos: Pick<Repositories, 'budgets' | 'audit' | 'results'>,
  run: { id: string; workspaceId: string; botId: string },
  sendNotice?: SendBudgetNotice,
) {
  const holds: string[] = [];
  const connections = new Set<string>();
  return {
    async beforeCall(call: { connectionId: string; estimateUsd: () => Promise<number> }) {
      connections.add(call.connectionId);
      const target = { workspaceId: run.workspaceId, botId: run.botId, connectionId: call.connectionId };
      const r = await repos.budgets.reserve(target, call.estimateUsd);
      if (r.ok) {
        holds.push(...r.holds);
        return;
      }
      if (r.firstStop)
        await repos.audit.record({
          workspaceId: run.workspaceId,
          actor: null,
          action: 'budget.stopped',
          target: { type: 'budget', id: r.budget.id, name: `${r.budget.scope} ${usd(r.budget.limitUsd)}/${r.budget.period}` },
          details: { botId: run.botId, runId: run.id, spentUsd: r.spentUsd },
        });
      throw budgetExceeded(r.budget, r.spentUsd);
    },

    holding: () => holds.length > 0,

    /** After the node's cost is recorded: the holds go, and thresholds crossed notify (once per period). */
    async settle() {
      await repos.budgets.release(holds.splice(0));
      for (const connectionId of connections) {
        for (const b of await repos.budgets.applicable({ workspaceId: run.workspaceId, botId: run.botId, connectionId })) {
          const percent = b.softPercent ?? (b.action === 'notify' ? 100 : null);
          if (percent === null) continue;
          const { settledUsd, period } = await repos.budgets.spend(b);
          if (settledUsd < (b.limitUsd * percent) / 100 || !(await repos.budgets.claimNotice(b.id, period.key))) continue;
          const notice = {
            title: `Budget: ${Math.round((settledUsd / b.limitUsd) * 100)} % of ${usd(b.limitUsd)} per ${b.period} spent`,
            content: `The ${b.scope} budget has reached ${usd(settledUsd)} of ${usd(b.limitUsd)} for ${period.key} (threshold ${percent} %).${b.action === 'stop' ? ' LLM calls stop when the limit is reached.' : ''}`,
            data: { budgetId: b.id, period: period.key, spentUsd: settledUsd, limitUsd: b.limitUsd },
          };
          await repos.results.save({ botId: run.botId, workspaceId: run.workspaceId, runId: run.id, nodeId: `budget:${b.id}`, ...notice });
          const target = { type: 'budget', id: b.id, name: `${b.scope} ${usd(b.limitUsd)}/${b.period}` };
          await repos.audit.record({
            workspaceId: run.workspaceId,
            actor: null,
            action: 'budget.threshold',
            target,
            details: { period: period.key, spentUsd: settledUsd, percent },
          });
          for (const failure of (await sendNotice?.(b, notice)) ?? [])
            await repos.audit.record({
              workspaceId: run.workspaceId,
              actor: null,
              action: 'budget.noticeFailed',
              target,
              details: { ...failure },
            });
        }
      }
    },
  };
}
