import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({
  mode: z
    .enum(['append', 'object', 'concatText'])
    .default('append')
    .describe('append: one list of all items; object: { <node id>: output }; concatText: one text.'),
  separator: z.string().default('\n\n').describe('concatText: put between the texts.').meta({ widget: 'textarea' }),
});
export type Params = z.output<typeof params>;

export const transformMerge: NodeDefinition<Params, unknown> = {
  id: 'transform.merge',
  version: 1,
  category: 'transform',
  title: 'Merge',
  description: 'Combines the outputs of several connected nodes.',
  docs: [
    '**append** → `{ items }`: lists (or objects with `items`) are concatenated, other values added as one item each, in connection order.',
    '**object** → `{ "<node id>": output, … }`.',
    '**concatText** → one string: texts as they are, LLM answers by their `text`, anything else as JSON, joined by the separator.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'Inputs' }],
  outputs: [{ name: 'out', type: 'any', label: 'Merged' }],
  params,
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The combined outputs: one list, an object by node id, or one text (by mode).',
    schema: z.union([
      z.object({ items: z.array(z.unknown()) }).describe('append: all items in one list.'),
      z.record(z.string(), z.unknown()).describe('object: each output under its node id.'),
      z.string().describe('concatText: the texts joined.'),
    ]),
  },
  display: {
    icon: 'merge',
    synonyms: ['merge', 'join', 'combine', 'concat', 'append', 'union', 'wait'],
    summary: [{ format: '{mode|append}' }],
  },
  run,
};
