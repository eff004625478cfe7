import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import { maskSecretText, redactText } from '@bm/secrets';
import { loadNodeSecrets, type SecretResolver } from './node-secrets';

/** A channel that could not take a notice: what failed, never the URL or a secret. */
export interface NoticeFailure {
  channel: 'slack' | 'webhook' | 'email';
  code: string;
  message: string;
}

/** One notice to deliver through an output node (output.slack, output.webhook, output.email). */
export interface NoticeSend {
  channel: NoticeFailure['channel'];
  type: string;
  /** The node's params. `{{ secrets.NAME }}` is resolved from the workspace's secrets, `{{ input.x }}` from `input`. */
  params: Record<string, unknown>;
  /**
   * What the params read as `{{ input.… }}`: text that came from a run (an approval's message) goes
   * here, never into the params themselves, so that it is not evaluated as a template.
   */
  input?: Record<string, unknown>;
  /** The node id the delivery runs as: its delivery id (Idempotency-Key) derives from it. */
  deliveryId: string;
  /** Values to take out of a failure's message besides the secrets (a Slack URL passed in `input`). */
  mask?: string[];
}

export interface NoticeDeps {
  fetch: typeof fetch;
  email: NodeContext['email'];
  secrets?: SecretResolver;
}

const NOTICE_TIMEOUT_MS = 15_000;

const refuse = async (): Promise<never> => {
  throw new Error('A notice makes no LLM call and saves no result.');
};

/**
 * Delivers notices through the output nodes themselves, so the outbound guard, secret masking and
 * delivery headers are the ones every bot uses. Secrets are decrypted here for this send only. A
 * channel that fails is reported (masked), not retried, and does not stop the others.
 */
export async function sendNotices(
  deps: NoticeDeps,
  run: { id: string; workspaceId: string; botId: string; userId: string },
  sends: NoticeSend[],
): Promise<NoticeFailure[]> {
  const failures: NoticeFailure[] = [];
  for (const send of sends) {
    const secrets = await loadNodeSecrets(deps.secrets, run.workspaceId, send.params).catch(() => ({}));
    const ctx: NodeContext = {
      runId: run.id,
      botId: run.botId,
      userId: run.userId,
      nodeId: send.deliveryId,
      input: send.input ?? null,
      fetch: deps.fetch,
      signal: AbortSignal.timeout(NOTICE_TIMEOUT_MS),
      llm: { call: refuse },
      results: { save: refuse },
      state: { get: async () => undefined, set: async () => undefined },
      email: deps.email,
    };
    try {
      await executeNode(getNodeDefinition(send.type, 1)!, send.params, { input: send.input ?? null, nodes: {}, secrets }, ctx);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      failures.push({
        channel: send.channel,
        code: e.code ?? 'NOTICE_FAILED',
        message: redactText(maskSecretText(String(e.message ?? err), secrets), send.mask),
      });
    }
  }
  return failures;
}

/** Where a notice goes besides the inbox: email addresses, and workspace secrets holding a Slack or webhook URL (never URLs). */
export interface NoticeChannels {
  emails?: string[];
  slackSecret?: string;
  webhookSecret?: string;
}

/** A notice for `channelSends`: its text, and what a webhook receives (`event` and the rest of `data`). */
export interface ChannelNotice {
  title: string;
  content: string;
  event: string;
  data: Record<string, unknown>;
}

/**
 * The sends of one notice to a setting's channels. Its text (which may quote a bot's name or a
 * run's error) reaches the nodes as `{{ input.… }}`, never inside their params, so nothing in it is
 * evaluated as a template. `deliveryPrefix` + the channel is each send's delivery id.
 */
export function channelSends(channels: NoticeChannels, notice: ChannelNotice, deliveryPrefix: string): NoticeSend[] {
  const input = { title: notice.title, content: notice.content, payload: { event: notice.event, title: notice.title, ...notice.data } };
  const sends: NoticeSend[] = [];
  if (channels.slackSecret)
    sends.push({
      channel: 'slack',
      type: 'output.slack',
      params: { webhookUrl: `{{ secrets.${channels.slackSecret} }}`, text: '*{{ input.title }}*\n{{ input.content }}' },
      input,
      deliveryId: `${deliveryPrefix}:slack`,
    });
  if (channels.webhookSecret)
    sends.push({
      channel: 'webhook',
      type: 'output.webhook',
      params: { url: `{{ secrets.${channels.webhookSecret} }}`, payload: '{{ input.payload }}' },
      input,
      deliveryId: `${deliveryPrefix}:webhook`,
    });
  if (channels.emails?.length)
    sends.push({
      channel: 'email',
      type: 'output.email',
      params: { to: channels.emails.join(', '), subject: '{{ input.title }}', body: '{{ input.content }}' },
      input,
      deliveryId: `${deliveryPrefix}:email`,
    });
  return sends;
}
