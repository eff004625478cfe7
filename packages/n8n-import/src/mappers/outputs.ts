import { secretName } from '../ids';
import { asString, locatorValue, obj, unsupported, type Mapper } from '../plan';

const delivered = () => ({ reason: 'reads the answer of a delivery node, which here is only its status' });

/**
 * Slack "send a message" → output.slack, which posts through an incoming webhook (one per
 * channel) instead of the Slack API: the webhook URL is a secret slot, never a value in the file.
 */
export const slack: Mapper = (node, ctx) => {
  const p = node.parameters;
  const v2 = node.typeVersion >= 2;
  const resource = asString(p.resource) ?? 'message';
  const operation = asString(p.operation) ?? 'post';
  if (resource !== 'message' || operation !== 'post') {
    return unsupported(`Slack "${resource} / ${operation}" has no counterpart (only sending a message is imported).`);
  }
  const target = v2 ? (asString(p.select) === 'user' ? locatorValue(p.user) : locatorValue(p.channelId)) : p.channel;
  const where = typeof target === 'string' && target && !target.startsWith('=') ? target.replace(/^#/, '') : '';
  const secret = secretName(`SLACK_WEBHOOK_${where || 'URL'}`);
  const credentials = [...node.credentials.values()].map((c) => `"${c.name}"`).join(', ');
  ctx.report(
    `Slack messages are posted through an incoming webhook here, not the Slack API${credentials ? ` (credential ${credentials} is not used)` : ''}: create an incoming webhook for ${where ? `#${where}` : 'the channel'} and store its URL as the workspace secret ${secret}.`,
  );
  const messageType = asString(p.messageType) ?? 'text';
  if (messageType !== 'text') ctx.report(`The ${messageType} message layout is not imported; only the text is sent.`, 'messageType');
  const options = obj(p.otherOptions);
  if (Object.keys(options).length) ctx.report(`The Slack options (${Object.keys(options).join(', ')}) are not imported.`, 'otherOptions');
  return {
    kind: 'node',
    type: 'output.slack',
    version: 1,
    output: delivered,
    build(b) {
      let text = b.text(p.text, 'text');
      if (!text.trim()) {
        b.report('The message has no text; "(message)" was put in.', 'text');
        text = '(message)';
      }
      return { webhookUrl: b.secret(secret), text };
    },
  };
};

/** Send Email v1 (text/html), v2 and v2.1 (`emailFormat`, cc/bcc in options). */
export const emailSend: Mapper = (node, ctx) => {
  const p = node.parameters;
  const v2 = node.typeVersion >= 2;
  const operation = asString(p.operation) ?? 'send';
  if (operation !== 'send') return unsupported(`Send Email "${operation}" (waiting for a reply) does not exist in Bot Manager yet.`);
  const options = obj(p.options);
  const format = v2 ? (asString(p.emailFormat) ?? (node.typeVersion >= 2.1 ? 'html' : 'text')) : p.text ? 'text' : 'html';
  if (format !== 'text') ctx.report('The HTML body is sent as plain text (HTML tags included); edit it into text.', 'html');
  if (asString(p.fromEmail))
    ctx.report(`Mail is sent from the server's own account; the sender ${asString(p.fromEmail)} is not used.`, 'fromEmail');
  const smtp = node.credentials.get('smtp');
  if (smtp) ctx.report(`The SMTP credential "${smtp.name}" is not used: the server's SMTP account sends mail (BOT_MANAGER_SMTP_URL).`);
  const cc = [v2 ? options.ccEmail : p.ccEmail, v2 ? options.bccEmail : p.bccEmail].filter((x) => asString(x));
  if (cc.length) ctx.report('Cc and Bcc recipients were added to the recipients (To).', 'ccEmail');
  if (asString(v2 ? options.attachments : p.attachments))
    ctx.report('Attachments are not sent (nodes here exchange JSON and text).', 'attachments');
  return {
    kind: 'node',
    type: 'output.email',
    version: 1,
    output: delivered,
    build(b) {
      const to = [p.toEmail, ...cc]
        .map((x) => b.text(x, 'toEmail'))
        .filter(Boolean)
        .join(', ');
      let subject = b.text(p.subject, 'subject').replace(/\s*\n\s*/g, ' ');
      if (!subject.trim()) {
        b.report('The email has no subject; "(no subject)" was put in.', 'subject');
        subject = '(no subject)';
      }
      let body = b.text(format === 'html' ? p.html : format === 'both' ? (p.text ?? p.html) : p.text, format === 'html' ? 'html' : 'text');
      if (!body.trim()) {
        b.report('The email has no body; "(empty)" was put in.', 'text');
        body = '(empty)';
      }
      if (!to) b.report('The email has no recipient: set "to".', 'toEmail');
      return { to: to || 'someone@example.invalid', subject, body };
    },
  };
};
