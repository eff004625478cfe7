import { containsTemplate } from '@bm/graph';
import { z } from 'zod';
import { EMAIL, splitAddresses } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { MAX_RECIPIENTS, run, type EmailOutput } from './run';

export const params = z.object({
  to: z
    .string()
    .min(1)
    .superRefine((s, ctx) => {
      if (containsTemplate(s)) return;
      const list = splitAddresses(s);
      const bad = list.filter((a) => !EMAIL.test(a));
      if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one address' });
      if (bad.length) ctx.addIssue({ code: 'custom', message: `not an email address: ${bad.join(', ')}` });
      if (list.length > MAX_RECIPIENTS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_RECIPIENTS} recipients` });
    })
    .describe('Recipients, separated by commas.'),
  subject: z.string().min(1).max(998).describe('Subject line, e.g. "Digest for {{ input.date }}".'),
  body: z.string().min(1).max(1_000_000).describe('The message text, e.g. {{ nodes.llm.output.text }}.').meta({ widget: 'textarea' }),
});
export type Params = z.output<typeof params>;

export const outputEmail: NodeDefinition<Params, EmailOutput> = {
  id: 'output.email',
  version: 1,
  category: 'output',
  title: 'Email',
  description: 'Sends a plain-text email.',
  docs: [
    "Sent through the server's SMTP account (an administrator sets BOT_MANAGER_SMTP_URL). Output: `{ messageId, to }`.",
    `At most ${MAX_RECIPIENTS} recipients. The subject is kept to one line.`,
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json' }],
  params,
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: "The sent message's id and its recipients.",
    schema: z.object({
      messageId: z.string().describe('The id the mail server gave the message.'),
      to: z.array(z.string()).describe('The recipients it was sent to.'),
    }),
  },
  display: {
    icon: 'mail',
    synonyms: ['email', 'e-mail', 'mail', 'smtp', 'send', 'notify', 'newsletter'],
    summary: [{ format: 'To {to}', show: ['subject'] }],
  },
  run,
};
