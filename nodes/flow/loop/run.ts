import { resolveList } from '../../shared/items';
import { nodeError } from '../../messages';
import { flowResult, type FlowResult, type NodeInputs } from '../../types';
import type { Params } from './definition';

export interface LoopOutput {
  items: unknown[];
  count: number;
}

export async function run(params: Params, inputs: NodeInputs): Promise<FlowResult<LoopOutput>> {
  const items = resolveList(params.items, inputs);
  if (items.length > params.maxItems)
    throw nodeError('LOOP_TOO_MANY_ITEMS', 'node.LOOP_TOO_MANY_ITEMS', { count: items.length, max: params.maxItems }, { retryable: false });
  return flowResult({ items, count: items.length }, { request: { kind: 'loop', count: items.length } });
}
