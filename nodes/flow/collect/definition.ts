import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { CollectedItems, NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({});
export type Params = z.output<typeof params>;

export const flowCollect: NodeDefinition<Params, CollectedItems> = {
  id: 'flow.collect',
  version: 1,
  category: 'flow',
  title: 'Collect',
  description: 'Ends a loop: outputs the result of every item, in order.',
  docs: [
    'Connect the last step of a loop to it. For each item it takes the output of the step that reached it (after an If inside the loop, whichever way the item went), and outputs `{ items, failed }`: the results in item order, and the items that failed (`index`, `code`, `message`).',
    "What a failed item leaves in `items` follows the loop's **on error** setting: nothing (skip) or `{ error: { code, message } }` (collect).",
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'Per-item result' }],
  outputs: [{ name: 'out', type: 'items', label: 'All results' }],
  params,
  control: 'collect',
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The results of the loop, in item order, and the items that failed.',
    schema: z.object({
      items: z.array(z.unknown()).describe('One result per item, in order.'),
      failed: z
        .array(z.object({ index: z.number().int(), code: z.string(), message: z.string() }))
        .describe('The items that failed: their position, code and message.'),
    }),
    primaryPath: 'output.items',
    primaryLabel: 'items',
  },
  display: { icon: 'layers', synonyms: ['collect', 'gather', 'join', 'aggregate', 'end loop', 'combine', 'results'] },
  run,
};
