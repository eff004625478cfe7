import { randomBytes } from 'node:crypto';
import type { ApprovalRequest, NodeContext } from '@bm/nodes';
import type { ActivityDeps } from './index';
import { sendNotices, type NoticeSend } from './notices';

/** Enough of the payload for a person to know what it is; the whole of it is on the approval page. */
const PREVIEW_CHARS = 1_500;

const preview = (payload: unknown) => {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  if (!text) return '';
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
};

/**
 * `ctx.approvals` of a flow.approval node: stores the pending decision and tells the people the
 * node names. The signed link's token is made here and goes only into the notices' text (the row
 * keeps its hash): never into a log, an output, Temporal history or an error. Without a public URL
 * there is nowhere a link could point, so none is made and the notice points to the inbox. A notice
 * that fails is logged and the node goes on waiting: the inbox and the API still decide it.
 */
export function approvalOpener(
  deps: Pick<ActivityDeps, 'repos' | 'fetch' | 'email' | 'secrets' | 'log' | 'publicUrl'>,
  run: { id: string; botId: string; workspaceId: string; userId: string },
  nodeId: string,
  item?: number,
): NonNullable<NodeContext['approvals']> {
  return {
    async open(req: ApprovalRequest) {
      const base = deps.publicUrl?.replace(/\/+$/, '');
      const linkToken = base ? randomBytes(32).toString('base64url') : undefined;
      await deps.repos.approvals.open({
        runId: run.id,
        nodeId,
        item,
        workspaceId: run.workspaceId,
        botId: run.botId,
        message: req.message,
        payload: req.payload,
        expiresAt: req.timeoutMs ? new Date(Date.now() + req.timeoutMs) : undefined,
        linkToken,
      });
      const { emails, slackUrl } = req.notify;
      if (!emails.length && !slackUrl) return;

      const bot = await deps.repos.bots.get(run.botId);
      const title = `Approval needed: ${bot?.name ?? 'a bot'}`;
      const link = linkToken ? `${base}/approve/${linkToken}` : undefined;
      const how = link
        ? `Approve, edit or reject it here (the link works once): ${link}`
        : 'Decide it in the results inbox of Bot Manager (Inbox → Waiting for approval).';
      const expires = req.timeoutMs ? `\nIf nobody decides by ${new Date(Date.now() + req.timeoutMs).toISOString()}, it times out.` : '';
      const shown = preview(req.payload);
      const body = `${req.message}\n\n${shown ? `${shown}\n\n` : ''}${how}${expires}`;

      // The message and payload came from the run: passed as input, so they are not evaluated as templates.
      const sends: NoticeSend[] = [];
      const deliveryId = (channel: string) => `approval:${nodeId}:${item ?? -1}:${channel}`;
      if (slackUrl)
        sends.push({
          channel: 'slack',
          type: 'output.slack',
          params: { webhookUrl: '{{ input.url }}', text: '{{ input.text }}' },
          input: { url: slackUrl, text: `*${title}*\n${body}` },
          deliveryId: deliveryId('slack'),
          mask: link ? [slackUrl, link] : [slackUrl],
        });
      if (emails.length)
        sends.push({
          channel: 'email',
          type: 'output.email',
          params: { to: '{{ input.to }}', subject: '{{ input.subject }}', body: '{{ input.body }}' },
          input: { to: emails.join(', '), subject: title, body },
          deliveryId: deliveryId('email'),
          mask: link ? [link] : undefined,
        });
      const noEmail: NodeContext['email'] = {
        send: async () => {
          throw Object.assign(new Error('Email is not configured on this server (BOT_MANAGER_SMTP_URL).'), {
            code: 'EMAIL_NOT_CONFIGURED',
          });
        },
      };
      const failures = await sendNotices({ fetch: deps.fetch, email: deps.email ?? noEmail, secrets: deps.secrets }, run, sends);
      // Only the channel and the code: a failure's text may quote what was sent, which holds the link.
      for (const f of failures)
        deps.log?.('flow.approval: a notice was not delivered', { runId: run.id, nodeId, channel: f.channel, code: f.code });
    },
  };
}
