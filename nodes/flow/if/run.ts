import { testCondition } from '../../shared/condition';
import { primaryInput } from '../../shared/items';
import { flowResult, type FlowResult, type NodeContext, type NodeInputs } from '../../types';
import type { Params } from './definition';

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FlowResult<unknown>> {
  const subject = primaryInput(inputs) ?? null;
  const yes = await testCondition(params, subject, ctx.input);
  return flowResult(subject, { ports: [yes ? 'true' : 'false'] });
}
