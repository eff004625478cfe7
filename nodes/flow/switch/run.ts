import { testCondition } from '../../shared/condition';
import { primaryInput } from '../../shared/items';
import { flowResult, type FlowResult, type NodeContext, type NodeInputs } from '../../types';
import type { Params } from './definition';

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FlowResult<unknown>> {
  const subject = primaryInput(inputs) ?? null;
  const taken: string[] = [];
  for (const c of params.cases) {
    if (!(await testCondition(c, subject, ctx.input))) continue;
    taken.push(c.name);
    if (!params.matchAll) break;
  }
  return flowResult(subject, { ports: taken.length ? taken : ['default'] });
}
