import { NodeError } from '../../errors';
import { EMAIL, splitAddresses } from '../../shared/params';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

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
    throw new NodeError(
      'INVALID_PARAMS',
      `Parameter "to" must be email addresses separated by commas${bad.length ? `; not valid: ${bad.join(', ')}` : ''}.`,
    );
  }
  if (to.length > MAX_RECIPIENTS) {
    throw new NodeError('INVALID_PARAMS', `Parameter "to" has ${to.length} recipients; the limit is ${MAX_RECIPIENTS}.`);
  }
  const subject = params.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const { messageId } = await ctx.email.send({ to, subject, text: params.body });
  return { messageId, to };
}
