import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<unknown> {
  if (ctx.input !== undefined) return ctx.input;
  return params.sample ?? null;
}
