import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type ResultsOutput } from './run';

export const params = z.object({
  title: z.string().max(500).optional().describe('A title for the result, e.g. "Daily digest {{ input.date }}".'),
  content: z
    .string()
    .min(1)
    .max(5_000_000)
    .describe(
      'What to save, e.g. {{ nodes.llm.output.text }}. A single expression that points at an object saves it as indented JSON (and keeps the data).',
    )
    .meta({ widget: 'textarea' }),
});
export type Params = z.output<typeof params>;

export const outputResults: NodeDefinition<Params, ResultsOutput> = {
  id: 'output.results',
  version: 1,
  category: 'output',
  title: 'Results inbox',
  description: "Saves a result to the bot's results inbox.",
  docs: "Output: `{ resultId }`. Results are listed in the bot's inbox (`GET /api/bots/:id/results`).",
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json' }],
  params,
  valueParams: ['content'],
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The id of the saved result.',
    schema: z.object({ resultId: z.string().describe('The id of the saved result.') }),
  },
  display: {
    icon: 'inbox',
    synonyms: ['inbox', 'save', 'store', 'result', 'report', 'output'],
    summary: [{ show: ['content', 'title'] }],
  },
  run,
};
