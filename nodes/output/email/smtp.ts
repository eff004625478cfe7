import type { Transporter } from 'nodemailer';
import { NodeError } from '../../errors';
import type { EmailMessage, NodeContext } from '../../types';
import { nodeError } from '../../messages';

export type SmtpEmailSender = NodeContext['email'] & {
  /** Connects and authenticates once (for a startup check). */
  verify(): Promise<void>;
  close(): void;
};

export interface SmtpSenderOptions {
  /** The From address; default the URL's `from` query parameter, else bot-manager@<smtp host>. */
  from?: string;
}

/** Connection-level failures that may pass on a retry. */
const TRANSIENT = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

function toEmailError(err: unknown): NodeError {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const rc = e.responseCode;
  if (e.code === 'EAUTH') {
    return new NodeError(
      'EMAIL_AUTH_FAILED',
      'The SMTP server rejected the credentials in BOT_MANAGER_SMTP_URL. An administrator must fix them.',
      { cause: err, key: 'node.EMAIL_AUTH_FAILED' },
    );
  }
  const retryable = (rc !== undefined && rc >= 400 && rc < 500) || (rc === undefined && TRANSIENT.has(e.code ?? ''));
  const detail = e.response ?? e.message ?? String(err);
  return nodeError('EMAIL_SEND_FAILED', 'node.EMAIL_SEND_FAILED', { detail: String(detail) }, { retryable, cause: err });
}

/**
 * The worker's ctx.email: sends through the SMTP server of BOT_MANAGER_SMTP_URL
 * (`smtp://user:pass@host:587`, `smtps://…:465`; `?from=` sets the sender).
 */
export function createSmtpEmailSender(smtpUrl: string, opts: SmtpSenderOptions = {}): SmtpEmailSender {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('BOT_MANAGER_SMTP_URL is not a valid URL (expected smtp://user:password@host:port).');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`BOT_MANAGER_SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}).`);
  }
  const from = opts.from ?? url.searchParams.get('from') ?? `bot-manager@${url.hostname}`;
  url.searchParams.delete('from');
  const target = url.toString();
  // nodemailer is loaded on first use, so importing @bm/nodes stays light for the API.
  let transport: Promise<Transporter> | undefined;
  const getTransport = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(target, { from })));

  return {
    async send(m: EmailMessage) {
      try {
        const info = await (
          await getTransport()
        ).sendMail({
          to: m.to,
          subject: m.subject,
          text: m.text,
          ...(m.html !== undefined ? { html: m.html } : {}),
        });
        return { messageId: String(info.messageId) };
      } catch (err) {
        throw toEmailError(err);
      }
    },
    async verify() {
      try {
        await (await getTransport()).verify();
      } catch (err) {
        throw toEmailError(err);
      }
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
