import { z } from 'zod';
import { timeoutParam, urlParam } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run } from './run';
import type { DeliveryOutput } from '../webhook/run';

export const params = z.object({
  webhookUrl: urlParam('The Slack incoming webhook URL (https://hooks.slack.com/services/…).'),
  text: z
    .string()
    .min(1)
    .max(40_000)
    .describe('The message (Slack mrkdwn), e.g. "*Daily digest* {{ nodes.llm.output.text }}".')
    .meta({ widget: 'textarea' }),
  timeoutMs: timeoutParam(15_000),
});
export type Params = z.output<typeof params>;

export const outputSlack: NodeDefinition<Params, DeliveryOutput> = {
  id: 'output.slack',
  version: 1,
  category: 'output',
  title: 'Slack message',
  description: 'Posts a message to a Slack channel through an incoming webhook.',
  docs: [
    'Create an incoming webhook in Slack (Apps → Incoming Webhooks) and paste its URL. Output: `{ status }`.',
    'Slack refuses messages over 40,000 characters. Errors such as `invalid_payload`, `no_service` or `channel_is_archived` fail the node without retry.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json' }],
  params,
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: ['webhookUrl'],
  connectionParams: [],
  output: {
    description: 'The HTTP status Slack answered with.',
    schema: z.object({ status: z.number().int().describe('The HTTP status Slack answered with.') }),
  },
  display: {
    icon: 'message-square',
    synonyms: ['slack', 'chat', 'message', 'notify', 'channel', 'post'],
    summary: [{ show: ['text'] }],
  },
  run,
};
