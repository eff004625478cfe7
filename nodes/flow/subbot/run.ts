import { primaryInput } from '../../shared/items';
import { flowResult, type FlowResult, type NodeContext, type NodeInputs } from '../../types';
import type { Params } from './definition';

/** Creates the other bot's run; the interpreter starts it as a child workflow and (with wait) completes this node with its result. */
export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FlowResult<{ runId: string }>> {
  if (!ctx.subbots) throw new Error('flow.subbot runs only inside a bot run.');
  const input = params.input === undefined || params.input === '' ? (primaryInput(inputs) ?? null) : params.input;
  const { runId } = await ctx.subbots.create({ botId: params.botId, input });
  return flowResult({ runId }, { request: { kind: 'subbot', runId, wait: params.mode === 'wait' } });
}
