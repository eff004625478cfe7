import { createSmtpEmailSender } from '@bm/nodes';

/**
 * The API's mail (invitation and reset links) goes through the same SMTP sender as the email node:
 * one implementation, configured by BOT_MANAGER_SMTP_URL. Unset: no mail; links are shown to copy.
 */
export function createMailer(config: { smtpUrl?: string; smtpFrom?: string }) {
  return config.smtpUrl ? createSmtpEmailSender(config.smtpUrl, { from: config.smtpFrom }) : undefined;
}
