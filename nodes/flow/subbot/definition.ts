import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({
  botId: z.string().min(1).describe('The bot to run (of the same workspace).').meta({ widget: 'bot' }),
  input: z.string().optional().describe("Its run input. Empty: this node's input. E.g. {{ nodes.fetch.output.body }}."),
  mode: z
    .enum(['wait', 'fire'])
    .default('wait')
    .describe('Wait for its result (the output of its Respond node, or of its last node), or start it and go on at once.'),
});
export type Params = z.output<typeof params>;

export const flowSubbot: NodeDefinition<Params, unknown> = {
  id: 'flow.subbot',
  version: 1,
  category: 'flow',
  title: 'Run another bot',
  description: 'Runs another bot of the workspace with an input and outputs its result.',
  docs: [
    'The other bot runs as its own run (shown in its run history, linked to this one), as a child workflow of this run: cancelling this run cancels it. Its LLM calls are billed to its own connections and count against budgets as usual.',
    'With **wait**, this node outputs the other run’s result: the output of its Respond node, or else of its last node; when it fails, this node fails. With **fire**, it outputs `{ runId }` at once and the other run goes on by itself.',
    'A bot cannot call itself, directly or through others: such cycles are refused when you save.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'Input' }],
  outputs: [{ name: 'out', type: 'any', label: 'Result' }],
  params,
  valueParams: ['input'],
  control: 'subbot',
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: { description: "The other bot's result (with fire: its run id).", schema: z.unknown() },
  display: {
    icon: 'workflow',
    synonyms: ['subbot', 'sub-bot', 'sub workflow', 'execute workflow', 'call bot', 'run bot', 'child', 'reuse'],
    summary: [{ format: '{mode|wait}' }],
  },
  run,
};
