import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type LoopOutput } from './run';

/** More items than this in one run is almost always a missing filter (and a large LLM bill). */
export const LOOP_MAX_ITEMS = 10_000;

export const params = z.object({
  items: z
    .string()
    .optional()
    .describe(
      'The list to go through: a path in the connected output (e.g. items or body.results) or an expression such as {{ nodes.rss.output.items }}. Empty: the connected output if it is a list, else its "items".',
    ),
  concurrency: z.number().int().min(1).max(32).default(4).describe('How many items run at the same time.'),
  onItemError: z
    .enum(['stop', 'skip', 'collect'])
    .default('stop')
    .describe('When an item fails: stop the loop (and fail it), skip the item, or collect the error in its place.'),
  maxItems: z
    .number()
    .int()
    .min(1)
    .max(LOOP_MAX_ITEMS)
    .default(1_000)
    .describe('Fail instead of starting when the list is longer than this (a guard against a runaway bill).'),
});
export type Params = z.output<typeof params>;

export const flowLoop: NodeDefinition<Params, LoopOutput> = {
  id: 'flow.loop',
  version: 1,
  category: 'flow',
  title: 'Loop',
  description: 'Runs the steps after it once for each item of a list, up to a Collect node.',
  docs: [
    'Connect **Each item** to the steps to run per item (e.g. an LLM node that summarises one feed item), and end them at a **Collect** node, which outputs the list of results in item order.',
    'Inside the loop, `{{ nodes.<loop id>.output }}` is the current item. Items run **concurrency** at a time; each item is recorded on its own, and the run view lets you pick an item to see its steps. Every LLM call of every item counts against budgets like any other.',
    'When an item fails: **stop** fails the loop at the first failure (no further item starts; items already running finish), **skip** leaves the item out, **collect** puts `{ error: { code, message } }` in its place. Either way Collect lists the failures in `failed`.',
    'Loops cannot be nested; call another bot with a loop through flow.subbot instead. Long lists run in batches of child workflows, so even 10 000 items stay within Temporal history limits.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'List' }],
  outputs: [{ name: 'item', type: 'any', label: 'Each item' }],
  params,
  valueParams: ['items'],
  control: 'loop',
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The list it went through. Inside the loop, the current item.',
    schema: z.object({
      items: z.array(z.unknown()).describe('The items, in order.'),
      count: z.number().int().describe('How many items.'),
    }),
    primaryPath: 'output.items',
    primaryLabel: 'items',
  },
  display: {
    icon: 'repeat',
    synonyms: ['loop', 'for each', 'foreach', 'each', 'iterate', 'map', 'batch', 'per item', 'split in batches'],
    summary: [{ format: '{concurrency|4} at a time · on error: {onItemError|stop}' }],
  },
  run,
};
