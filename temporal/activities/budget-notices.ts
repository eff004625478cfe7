import type { NodeContext } from '@bm/nodes';
import { notifyOf, type BudgetRow } from '@bm/db';
import type { SecretResolver } from './node-secrets';
import { channelSends, sendNotices, type NoticeFailure } from './notices';

export type { NoticeFailure } from './notices';

export interface BudgetNotice {
  title: string;
  content: string;
  data: { budgetId: string; period: string; spentUsd: number; limitUsd: number };
}

export type SendBudgetNotice = (b: BudgetRow, notice: BudgetNotice) => Promise<NoticeFailure[]>;

/**
 * Sends a threshold notice to the budget's extra channels (Slack, webhook, email) through the
 * output nodes (notices.ts). The URLs are workspace secrets. A channel that fails is reported, not
 * retried: the notice is once per period and already in the inbox.
 */
export function budgetNotices(
  deps: { fetch: typeof fetch; email: NodeContext['email']; secrets?: SecretResolver },
  run: { id: string; workspaceId: string; botId: string; userId: string },
): SendBudgetNotice {
  return async (b, notice) => {
    const notify = notifyOf(b);
    if (!notify) return [];
    // Delivery ids (Idempotency-Key) are per budget, period and channel.
    const sends = channelSends(notify, { ...notice, event: 'budget.threshold' }, `budget:${b.id}:${notice.data.period}`);
    return sendNotices(deps, run, sends);
  };
}
