import type { AppDeps } from '@bm/api';
import { createSmtpEmailSender } from '@bm/nodes';
import type { AppConfig } from './config';

/**
 * The API's email (password-reset links): the same SMTP sender as the email node, over
 * BOT_MANAGER_SMTP_URL; none when it is unset. The transport connects on first use.
 */
export function apiMailer(config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'>): AppDeps['sendMail'] {
  if (!config.smtpUrl) return undefined;
  const sender = createSmtpEmailSender(config.smtpUrl, { from: config.smtpFrom });
  return async (m) => void (await sender.send({ to: [m.to], subject: m.subject, text: m.text }));
}
