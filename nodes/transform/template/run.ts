import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

/** The runtime already rendered the template (as text): the node's work is done. */
export async function run(params: Params, _inputs: NodeInputs, _ctx: NodeContext): Promise<string> {
  return params.template;
}
