import { z } from 'zod';
import { headersParam, maxBytesParam, timeoutParam, urlParam } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type HttpOutput } from './run';

export const params = z
  .object({
    url: urlParam('The URL to request. May use templates, e.g. https://api.example.com/search?q={{ input.topic }}.'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').describe('HTTP method.'),
    headers: headersParam(),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe('Request body (not for GET): text, or JSON. A single {{ expression }} sends the referenced value as JSON.')
      .meta({ widget: 'textarea' }),
    bodyType: z.enum(['json', 'text']).default('json').describe('How to send the body: JSON (application/json) or plain text.'),
    responseType: z
      .enum(['auto', 'json', 'text'])
      .default('auto')
      .describe('How to read the response: auto (JSON when the server says so), json (fail if not JSON) or text.'),
    timeoutMs: timeoutParam(15_000),
    maxBytes: maxBytesParam(5 * 1024 * 1024),
  })
  .superRefine((p, ctx) => {
    if (p.method === 'GET' && p.body !== undefined && p.body !== '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'a GET request cannot have a body; use POST' });
    }
  });
export type Params = z.output<typeof params>;

export const sourceHttp: NodeDefinition<Params, HttpOutput> = {
  id: 'source.http',
  version: 1,
  category: 'source',
  title: 'HTTP request',
  description: 'Calls a URL and outputs the status, headers and body.',
  docs: [
    'Output: `{ status, headers, body }`. `body` is parsed JSON when the response is JSON (responseType auto/json), text otherwise.',
    'A non-2xx answer fails the node; 5xx, 408, 429, timeouts and network errors are retried.',
    "Requests go through the server's outbound guard: private and loopback addresses are refused unless an administrator allows them (BOT_MANAGER_ALLOWED_PRIVATE_HOSTS).",
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'After' }],
  outputs: [{ name: 'out', type: 'json', label: 'Response' }],
  params,
  valueParams: ['body'],
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The response: status, headers and body.',
    schema: z.object({
      status: z.number().int().describe('The HTTP status.'),
      headers: z.record(z.string(), z.string()).describe('The response headers, names in lower case.'),
      body: z.unknown().describe('Parsed JSON when the response is JSON, text otherwise.'),
    }),
    primaryPath: 'output.body',
    primaryLabel: 'body',
  },
  display: {
    icon: 'globe',
    synonyms: ['http', 'api', 'rest', 'request', 'fetch', 'get', 'post', 'curl', 'json', 'url'],
    summary: [{ format: '{method|GET} {url}' }],
  },
  run,
};
