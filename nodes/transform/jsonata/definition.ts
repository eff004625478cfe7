import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { jsonataSyntaxError } from './evaluate';
import { run } from './run';

export const params = z.object({
  expression: z
    .string()
    .min(1)
    .max(100_000)
    .superRefine((expr, ctx) => {
      const error = jsonataSyntaxError(expr);
      if (error) ctx.addIssue({ code: 'custom', message: `invalid JSONata: ${error}` });
    })
    .describe('A JSONata expression, e.g. items[published > $input.since].{ "title": title, "url": link }.')
    .meta({ widget: 'code' }),
  timeoutMs: z.number().int().min(10).max(10_000).default(1000).describe('Stop the evaluation after this many milliseconds.'),
});
export type Params = z.output<typeof params>;

export const transformJsonata: NodeDefinition<Params, unknown> = {
  id: 'transform.jsonata',
  version: 1,
  category: 'transform',
  title: 'JSONata',
  description: 'Reshapes data with a JSONata expression.',
  docs: [
    "The expression runs against the output of the first connected node (`$` is that output), like n8n's item data.",
    'Also bound: `$input` (the run input), `$inputs` (all connected outputs, in connection order) and `$nodes` (connected outputs by node id, e.g. `$nodes.fetch.body`).',
    'Output: the result (null when it is empty). The expression is not a template: `{{ }}` is not replaced here. Evaluation is limited in time, recursion depth and sequence size. See https://docs.jsonata.org.',
    'Regular expressions (`$match(s, /a(b)/i)`, `$replace`, `$split`, `$contains`) run on a linear-time engine (RE2): backreferences and lookahead / lookbehind are not supported.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'any', label: 'Result' }],
  params,
  literalParams: ['expression'],
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'Whatever the expression returns (null when empty).',
    schema: z.unknown(),
  },
  display: {
    icon: 'braces',
    synonyms: ['jsonata', 'json', 'map', 'transform', 'reshape', 'code', 'expression', 'query'],
    summary: [{ show: ['expression'] }],
  },
  run,
};
