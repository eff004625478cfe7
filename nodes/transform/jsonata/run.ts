import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { compileJsonata, evaluateJsonata, toPlainJson } from './evaluate';

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<unknown> {
  const expr = compileJsonata(params.expression, { timeoutMs: params.timeoutMs });
  const root = inputs.all.length > 0 ? inputs.all[0] : ctx.input;
  const result = await evaluateJsonata(expr, root, {
    input: ctx.input,
    inputs: inputs.all,
    nodes: inputs.byNode,
  });
  return toPlainJson(result);
}
