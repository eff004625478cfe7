import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

/**
 * The run's input, or null when the run has none. `sample` is for editor previews only (the editor
 * offers it as the default input of a run it starts); a real run never outputs it.
 */
export async function run(_params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<unknown> {
  return ctx.input === undefined ? null : ctx.input;
}
