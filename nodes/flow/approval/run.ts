import { parseDuration } from '../../shared/duration';
import { primaryInput } from '../../shared/items';
import { splitAddresses } from '../../shared/params';
import { flowResult, type FlowResult, type NodeContext, type NodeInputs } from '../../types';
import type { Params } from './definition';

/** Opens the decision (stored, links sent); the interpreter then waits for it. The way out is chosen when it is decided. */
export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FlowResult<unknown>> {
  if (!ctx.approvals) throw new Error('flow.approval runs only inside a bot run.');
  const payload = params.payload === undefined || params.payload === '' ? (primaryInput(inputs) ?? null) : params.payload;
  const timeoutMs = params.timeout ? parseDuration(params.timeout) : undefined;
  await ctx.approvals.open({
    message: params.message,
    payload,
    timeoutMs,
    notify: { emails: params.emails ? splitAddresses(params.emails) : [], slackUrl: params.slackWebhookUrl || undefined },
  });
  return flowResult(payload, { request: { kind: 'approval', timeoutMs } });
}
