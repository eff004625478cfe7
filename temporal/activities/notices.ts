import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import { maskSecretText } from '@bm/secrets';
import { loadNodeSecrets, type SecretResolver } from './node-secrets';

/** Where a notice goes besides the inbox: email addresses, and workspace secrets holding a Slack or webhook URL (never URLs). */
export interface NoticeChannels {
  emails?: string[];
  slackSecret?: string;
  webhookSecret?: string;
}

export interface Notice {
  title: string;
  content: string;
  /** The webhook payload's `event` and extra fields. */
  event: string;
  data: Record<string, unknown>;
}

/** A channel that could not take the notice: what failed, never the URL or a secret. */
export interface NoticeFailure {
  channel: 'slack' | 'webhook' | 'email';
  code: string;
  message: string;
}

const NOTICE_TIMEOUT_MS = 15_000;

const refuse = async (): Promise<never> => {
  throw new Error('A notice makes no LLM call and saves no result.');
};

/**
 * Sends a notice through the output nodes themselves (Slack, webhook, email), so the outbound
 * guard, secret masking and delivery headers are the ones every bot uses. The URLs are workspace
 * secrets, decrypted here for this send only. A channel that fails is reported, not retried.
 * `deliveryId` makes each channel's Idempotency-Key (one per notice and channel).
 */
export async function sendNotice(
  deps: { fetch: typeof fetch; email: NodeContext['email']; secrets?: SecretResolver },
  run: { id: string; workspaceId: string; botId: string; userId: string },
  channels: NoticeChannels,
  notice: Notice,
  deliveryId: string,
): Promise<NoticeFailure[]> {
  const sends: [NoticeFailure['channel'], string, Record<string, unknown>][] = [];
  if (channels.slackSecret)
    sends.push([
      'slack',
      'output.slack',
      { webhookUrl: `{{ secrets.${channels.slackSecret} }}`, text: `*${notice.title}*\n${notice.content}` },
    ]);
  if (channels.webhookSecret)
    sends.push([
      'webhook',
      'output.webhook',
      { url: `{{ secrets.${channels.webhookSecret} }}`, payload: { event: notice.event, title: notice.title, ...notice.data } },
    ]);
  if (channels.emails?.length)
    sends.push(['email', 'output.email', { to: channels.emails.join(', '), subject: notice.title, body: notice.content }]);

  const failures: NoticeFailure[] = [];
  for (const [channel, type, params] of sends) {
    const secrets = await loadNodeSecrets(deps.secrets, run.workspaceId, params).catch(() => ({}));
    const ctx: NodeContext = {
      runId: run.id,
      botId: run.botId,
      userId: run.userId,
      nodeId: `${deliveryId}:${channel}`,
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
}
