import { z } from 'zod';
import { durationParam } from '../../shared/duration';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z
  .object({
    mode: z.enum(['duration', 'until']).default('duration').describe('Wait for a while, or until a date and time.'),
    duration: durationParam('How long to wait, e.g. 30s, 10m, 2h or 3d.').default('1m'),
    until: z
      .string()
      .optional()
      .describe(
        'Until when: an ISO date-time such as 2026-12-24T09:00:00Z, or an expression such as {{ input.sendAt }}. A time in the past does not wait.',
      ),
  })
  .superRefine((p, ctx) => {
    if (p.mode === 'until' && !p.until?.trim()) ctx.addIssue({ code: 'custom', path: ['until'], message: 'is required in "until" mode' });
  });
export type Params = z.output<typeof params>;

export const flowWait: NodeDefinition<Params, unknown> = {
  id: 'flow.wait',
  version: 1,
  category: 'flow',
  title: 'Wait',
  description: 'Pauses the run for a while, or until a date and time.',
  docs: [
    'A durable timer: the wait survives restarts and deploys of the server (it is a Temporal timer, not a sleeping process), and costs nothing while it waits. Cancelling the run ends the wait.',
    'While it waits, the run stays **running** and the node shows **waiting**. It passes its input on unchanged. At most a year.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'Input' }],
  outputs: [{ name: 'out', type: 'any', label: 'Input, later' }],
  params,
  control: 'wait',
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: { description: 'Its input, unchanged, once the wait is over.', schema: z.unknown() },
  display: {
    icon: 'timer',
    synonyms: ['wait', 'delay', 'sleep', 'pause', 'timer', 'later', 'schedule', 'until'],
    summary: [{ when: { param: 'mode', equals: 'until' }, format: 'Until {until}' }, { format: 'For {duration|1m}' }],
  },
  run,
};
