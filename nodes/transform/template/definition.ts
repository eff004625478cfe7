import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({
  template: z
    .string()
    .max(500_000)
    .describe('Text with {{ }} placeholders, e.g. "Top story: {{ nodes.rss.output.items[0].title }}". Objects are inserted as JSON.')
    .meta({ widget: 'textarea' }),
});
export type Params = z.output<typeof params>;

export const transformTemplate: NodeDefinition<Params, string> = {
  id: 'transform.template',
  version: 1,
  category: 'transform',
  title: 'Text template',
  description: 'Builds a text from a template with {{ }} placeholders.',
  docs: [
    'Output: the rendered text (a string).',
    'Placeholders: `{{ input.field }}` (the run input) and `{{ nodes.<id>.output.path }}` (an earlier node). Lists and objects are inserted as indented JSON, null as nothing. A missing field fails the node instead of inserting "undefined". Write `\\{{` for a literal `{{`.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'text', label: 'Text' }],
  params,
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The rendered text.',
    schema: z.string(),
    primaryPath: 'output',
    primaryLabel: 'text',
  },
  display: {
    icon: 'type',
    synonyms: ['template', 'text', 'format', 'compose', 'string', 'markdown', 'placeholder'],
    summary: [{ show: ['template'] }],
  },
  run,
};
