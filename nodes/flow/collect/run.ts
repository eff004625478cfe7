import type { CollectedItems, NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

/** The worker gathers the items (they are the loop's node runs, not this node's inputs). */
export async function run(_params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<CollectedItems> {
  if (!ctx.collected) throw new Error('flow.collect runs only inside a bot run, after its loop.');
  return ctx.collected();
}
