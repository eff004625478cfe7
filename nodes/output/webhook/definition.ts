import { z } from 'zod';
import { headersParam, timeoutParam, urlParam } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type DeliveryOutput } from './run';

export const params = z.object({
  url: urlParam('Where to POST the payload.'),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method.'),
  headers: headersParam(),
  payload: z
    .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .optional()
    .describe(
      'The JSON to send, e.g. {{ nodes.llm.output }}. Empty: the output of the connected node. Text that is JSON is sent as that JSON.',
    )
    .meta({ widget: 'textarea' }),
  timeoutMs: timeoutParam(15_000),
});
export type Params = z.output<typeof params>;

export const outputWebhook: NodeDefinition<Params, DeliveryOutput> = {
  id: 'output.webhook',
  version: 1,
  category: 'output',
  title: 'Webhook',
  description: 'Sends JSON to a URL.',
  docs: [
    "Sends `payload` (by default the connected node's output) as JSON. Output: `{ status }`.",
    'A non-2xx answer fails the node; 5xx, 408, 429, timeouts and network errors are retried.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json' }],
  params,
  valueParams: ['payload'],
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: ['url'],
  connectionParams: [],
  output: {
    description: 'The HTTP status the receiver answered with.',
    schema: z.object({ status: z.number().int().describe('The HTTP status the receiver answered with.') }),
  },
  display: {
    icon: 'webhook',
    synonyms: ['webhook', 'http', 'post', 'api', 'discord', 'teams', 'zapier', 'make', 'callback', 'send'],
    summary: [{ format: '{method|POST} to a webhook' }],
  },
  run,
};
