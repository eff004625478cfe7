import { EMAIL, splitAddresses } from '../../shared/params';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { nodeError } from '../../messages';

export const MAX_RECIPIENTS = 20;

export interface EmailOutput {
  messageId: string;
  to: string[];
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<EmailOutput> {
  // Checked again here: templates in `to` are only known now.
  const to = [...new Set(splitAddresses(params.to))];
  const bad = to.filter((a) => !EMAIL.test(a));
  if (to.length === 0 || bad.length > 0) {
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.emailTo', { hasBad: bad.length ? 'yes' : 'no', bad: bad.join(', ') });
  }
  if (to.length > MAX_RECIPIENTS) {
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.recipients', { count: String(to.length), max: String(MAX_RECIPIENTS) });
  }
  const subject = params.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const { messageId } = await ctx.email.send({ to, subject, text: params.body });
  return { messageId, to };
}
