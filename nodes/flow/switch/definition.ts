import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import { conditionFields, refineCondition } from '../../shared/condition';
import type { NodeDefinition } from '../../types';
import { run } from './run';

/** A case's name is its output port: short, and never one of the ports every switch has. */
const caseName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'must be letters, digits, spaces, "-" or "_"')
  .refine((n) => n !== 'default' && n !== 'error', { message: 'must not be "default" or "error"' })
  .describe('The name of the case: its output on the node.');

export const params = z
  .object({
    cases: z
      .array(z.object({ name: caseName, ...conditionFields }))
      .min(1)
      .max(20)
      .default([{ name: 'case 1', mode: 'condition', field: '', operator: 'equals', value: '', caseSensitive: false }])
      .describe('The cases, tested in order. Each is an output of the node.'),
    matchAll: z.boolean().default(false).describe('Send the input out of every case that matches, not only the first.'),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.cases.forEach((c, i) => {
      refineCondition(c, ctx, ['cases', i]);
      if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: ['cases', i, 'name'], message: `"${c.name}" is used by two cases` });
      seen.add(c.name);
    });
  });
export type Params = z.output<typeof params>;

export const flowSwitch: NodeDefinition<Params, unknown> = {
  id: 'flow.switch',
  version: 1,
  category: 'flow',
  title: 'Switch',
  description: 'Sends its input to the first case that matches, or to default.',
  docs: [
    'Each case is a condition (the same operators as Filter, or JSONata) and an output named after it. The input goes out, unchanged, of the first case that matches (of every matching case with **matchAll**), or of **default** when none does.',
    'Nodes on the outputs not taken are skipped. Typical use: triage — an LLM node classifies a message, and the switch routes it by `json.category`.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'Input' }],
  outputs: [{ name: 'default', type: 'any', label: 'Default' }],
  dynamicOutputs: { param: 'cases', field: 'name', type: 'any' },
  params,
  routes: true,
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'Its input, unchanged, on the case taken.',
    schema: z.unknown(),
  },
  display: {
    icon: 'git-fork',
    synonyms: ['switch', 'case', 'route', 'router', 'branch', 'triage', 'classify', 'match', 'if'],
    summary: [{ when: { param: 'matchAll', equals: 'true' }, format: 'Every matching case' }, { format: 'First matching case' }],
  },
  run,
};
