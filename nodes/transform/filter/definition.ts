import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { jsonataSyntaxError } from '../jsonata/evaluate';
import { OPERATORS, UNARY } from '../../shared/conditions';
import { run, type FilterOutput } from './run';

export const params = z
  .object({
    items: z
      .string()
      .optional()
      .describe(
        'The list to filter: a path in the connected output (e.g. body.results) or an expression such as {{ nodes.rss.output.items }}. Empty: the connected output if it is a list, else its "items".',
      ),
    mode: z.enum(['condition', 'jsonata']).default('condition').describe('Keep items by a simple condition, or by a JSONata expression.'),
    field: z
      .string()
      .default('')
      .describe('Condition: the field of each item to test (e.g. title or author.name); empty tests the item itself.'),
    operator: z.enum(OPERATORS).default('contains').describe('Condition: how to compare.'),
    value: z
      .string()
      .optional()
      .describe('Condition: the value to compare with (a number, text, an ISO date, or a regular expression for "regex").'),
    caseSensitive: z.boolean().default(false).describe('Condition: compare text with exact case.'),
    expression: z
      .string()
      .optional()
      .describe(
        'JSONata: the expression must evaluate to true (exactly; [], {}, "false" or 1 do not keep the item). The item is `$`, its position `$index`, the run input `$input`, e.g. score > 0.5 and $contains(title, "AI").',
      )
      .meta({ widget: 'code' }),
  })
  .superRefine((p, ctx) => {
    if (p.mode === 'jsonata') {
      if (!p.expression?.trim()) ctx.addIssue({ code: 'custom', path: ['expression'], message: 'is required in jsonata mode' });
      else {
        const error = jsonataSyntaxError(p.expression);
        if (error) ctx.addIssue({ code: 'custom', path: ['expression'], message: `invalid JSONata: ${error}` });
      }
    } else if (!UNARY.has(p.operator) && p.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is required for the "${p.operator}" operator` });
    }
  });
export type Params = z.output<typeof params>;

export const transformFilter: NodeDefinition<Params, FilterOutput> = {
  id: 'transform.filter',
  version: 1,
  category: 'transform',
  title: 'Filter',
  description: 'Keeps the items of a list that match a condition.',
  docs: [
    'Output: `{ items }` with the matching items, in order.',
    'Operators: equals, notEquals, contains / notContains (text, or an element of a list), startsWith, endsWith, gt / gte / lt / lte (numbers, or ISO dates), exists / notExists, isEmpty / isNotEmpty, regex. Text comparisons ignore case unless caseSensitive.',
    'regex takes a JavaScript-style regular expression, matched anywhere in the text. It runs on a linear-time engine (RE2), so backreferences (\\1) and lookahead / lookbehind ((?=…), (?<=…)) are not supported.',
    'For anything more complex use mode "jsonata" with a boolean expression per item: the expression must evaluate to true (exactly `true`; [], {}, "false" or 1 do not keep the item).',
    'In jsonata mode the whole list shares one time budget of 1 s per item, at most 10 s in total; when it is used up the node fails with JSONATA_LIMIT.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'items', label: 'List' }],
  outputs: [{ name: 'out', type: 'items', label: 'Kept' }],
  params,
  valueParams: ['items', 'value'],
  literalParams: ['expression'],
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The items that matched, in order.',
    schema: z.object({ items: z.array(z.unknown()).describe('The items that matched, in order.') }),
    primaryPath: 'output.items',
    primaryLabel: 'items',
  },
  display: {
    icon: 'filter',
    synonyms: ['filter', 'where', 'condition', 'keep', 'remove', 'match', 'if', 'select'],
    summary: [
      { when: { param: 'mode', equals: 'jsonata' }, show: ['expression'] },
      { format: 'Keep where {field|item} {operator|contains} {value|}' },
    ],
  },
  run,
};
