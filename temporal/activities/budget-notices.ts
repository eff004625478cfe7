import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import { notifyOf, type BudgetRow } from '@bm/db';
import { maskSecretText } from '@bm/secrets';
import { loadNodeSecrets, type SecretResolver } from './node-secrets';

export interface BudgetNotice {
  title: string;
  content: string;
  data: { budgetId: string; period: string; spentUsd: number; limitUsd: number };
}

/** A channel that could not take the notice: what failed, never the URL or a secret. */
export interface NoticeFailure {
  channel: 'slack' | 'webhook' | 'email';
  code: string;
  message: string;
}

export type SendBudgetNotice = (b: BudgetRow, notice: BudgetNotice) => Promise<NoticeFailure[]>;

const NOTICE_TIMEOUT_MS = 15_000;

const refuse = async (): Promise<never> => {
  throw new Error('A budget notice makes no LLM call and saves no result.');
};

/**
 * Sends a threshold notice to the budget's extra channels through the output nodes themselves
 * (Slack, webhook, email), so the outbound guard, secret masking and delivery headers are the
 * ones every bot uses. The URLs are workspace secrets, decrypted here for this send only. A
 * channel that fails is reported, not retried: the notice is once per period and already in the
 * inbox.
 */
export function budgetNotices(
  deps: { fetch: typeof fetch; email: NodeContext['email']; secrets?: SecretResolver },
  run: { id: string; workspaceId: string; botId: string; userId: string },
): SendBudgetNotice {
  return async (b, notice) => {
    const notify = notifyOf(b);
    if (!notify) return [];
    const sends: [NoticeFailure['channel'], string, Record<string, unknown>][] = [];
    if (notify.slackSecret)
      sends.push([
        'slack',
        'output.slack',
        { webhookUrl: `{{ secrets.${notify.slackSecret} }}`, text: `*${notice.title}*\n${notice.content}` },
      ]);
    if (notify.webhookSecret)
      sends.push([
        'webhook',
        'output.webhook',
        { url: `{{ secrets.${notify.webhookSecret} }}`, payload: { event: 'budget.threshold', title: notice.title, ...notice.data } },
      ]);
    if (notify.emails?.length)
      sends.push(['email', 'output.email', { to: notify.emails.join(', '), subject: notice.title, body: notice.content }]);

    const failures: NoticeFailure[] = [];
    for (const [channel, type, params] of sends) {
      const secrets = await loadNodeSecrets(deps.secrets, run.workspaceId, params).catch(() => ({}));
      const ctx: NodeContext = {
        runId: run.id,
        botId: run.botId,
        userId: run.userId,
        // Delivery ids (Idempotency-Key) are per budget, period and channel.
        nodeId: `budget:${b.id}:${notice.data.period}:${channel}`,
        input: null,
        fetch: deps.fetch,
        signal: AbortSignal.timeout(NOTICE_TIMEOUT_MS),
        llm: { call: refuse },
        results: { save: refuse },
        state: { get: async () => undefined, set: async () => undefined },
        email: deps.email,
      };
      try {
        await executeNode(getNodeDefinition(type, 1)!, params, { input: null, nodes: {}, secrets }, ctx);
      } catch (err) {
        const e = err as { code?: string; message?: string };
        failures.push({ channel, code: e.code ?? 'NOTICE_FAILED', message: maskSecretText(String(e.message ?? err), secrets) });
      }
    }
    return failures;
  };
}
