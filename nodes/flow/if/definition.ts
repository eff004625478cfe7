import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import { conditionFields, refineCondition } from '../../shared/condition';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object(conditionFields).superRefine((p, ctx) => refineCondition(p, ctx));
export type Params = z.output<typeof params>;

export const flowIf: NodeDefinition<Params, unknown> = {
  id: 'flow.if',
  version: 1,
  category: 'flow',
  title: 'If',
  description: 'Sends its input one of two ways: true or false.',
  docs: [
    'Tests its input with a condition (the same operators as Filter) or a JSONata expression, and passes the input on unchanged through **true** or **false**.',
    'The nodes on the way not taken are skipped (shown as skipped in the run). A node that joins both ways runs once one of them arrives: it runs when each of its inputs has finished or been skipped, and at least one finished.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'Input' }],
  outputs: [
    { name: 'true', type: 'any', label: 'True' },
    { name: 'false', type: 'any', label: 'False' },
  ],
  params,
  valueParams: ['value'],
  literalParams: ['expression'],
  routes: true,
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'Its input, unchanged, on the way taken.',
    schema: z.unknown(),
  },
  display: {
    icon: 'split',
    synonyms: ['if', 'condition', 'branch', 'when', 'else', 'decide', 'route', 'check'],
    summary: [
      { when: { param: 'mode', equals: 'jsonata' }, show: ['expression'] },
      { format: 'If {field|input} {operator|equals} {value|}' },
    ],
  },
  run,
};
