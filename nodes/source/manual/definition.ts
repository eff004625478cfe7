import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({
  sample: z
    .unknown()
    .optional()
    .describe(
      'Example input (any JSON) for previews in the editor, which also offers it as the input of a run it starts. Never output by a run.',
    )
    .meta({ widget: 'json' }),
});
export type Params = z.output<typeof params>;

export const sourceManual: NodeDefinition<Params, unknown> = {
  id: 'source.manual',
  version: 1,
  category: 'source',
  title: 'Manual input',
  description: 'Starts the bot with the input given to the run.',
  docs: [
    'Outputs the run input as it was sent (`POST /api/bots/:id/runs` with `{ "input": … }`).',
    'Other nodes can also read it anywhere as `{{ input }}` / `{{ input.field }}`.',
    'When a run has no input, the node outputs null. `sample` is only for previews in the editor (and the default input the editor fills in when you start a run there); a run never outputs it.',
  ].join('\n\n'),
  inputs: [],
  outputs: [{ name: 'out', type: 'any', label: 'Input' }],
  params,
  trigger: true,
  literalParams: ['sample'],
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The run input as it was sent (null when the run has none).',
    schema: z.unknown(),
  },
  display: {
    icon: 'play',
    synonyms: ['start', 'trigger', 'input', 'manual', 'run', 'begin', 'schedule', 'cron', 'every', 'daily', 'hourly', 'webhook'],
    summary: [{ format: 'Sample: {sample}' }],
  },
  run,
};
