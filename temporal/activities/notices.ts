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
