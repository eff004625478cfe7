import type { NodeContext } from '@bm/nodes';
import { notifyOf, type BudgetRow } from '@bm/db';
import type { SecretResolver } from './node-secrets';
import { sendNotices, type NoticeFailure, type NoticeSend } from './notices';

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
    const sends: NoticeSend[] = [];
    // Delivery ids (Idempotency-Key) are per budget, period and channel.
    const deliveryId = (channel: NoticeSend['channel']) => `budget:${b.id}:${notice.data.period}:${channel}`;
    if (notify.slackSecret)
      sends.push({
        channel: 'slack',
        type: 'output.slack',
        params: { webhookUrl: `{{ secrets.${notify.slackSecret} }}`, text: `*${notice.title}*\n${notice.content}` },
        deliveryId: deliveryId('slack'),
      });
    if (notify.webhookSecret)
      sends.push({
        channel: 'webhook',
        type: 'output.webhook',
        params: {
          url: `{{ secrets.${notify.webhookSecret} }}`,
          payload: { event: 'budget.threshold', title: notice.title, ...notice.data },
        },
        deliveryId: deliveryId('webhook'),
      });
    if (notify.emails?.length)
      sends.push({
        channel: 'email',
        type: 'output.email',
        params: { to: notify.emails.join(', '), subject: notice.title, body: notice.content },
        deliveryId: deliveryId('email'),
      });
    return sendNotices(deps, run, sends);
  };
}
