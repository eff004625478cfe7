import { containsTemplate, RESPOND_NODE_TYPE } from '@bm/graph';
import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { headerProblem, NO_BODY_STATUSES } from './headers';
import { run, type RespondOutput } from './run';

const HEADER_MESSAGES = {
  headerForbidden: 'cannot set this header: the server sets it for every answer, or it would be unsafe on this address',
  headerName: 'is not a valid header name',
  headerValue: 'must be one line of text',
} as const;

export const params = z
  .object({
    status: z.number().int().min(100).max(599).default(200).describe('The HTTP status of the answer, e.g. 200, 201, 400 or 404.'),
    headers: z
      .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), z.string()])
      .default({})
      .describe('Headers of the answer, e.g. {"Content-Type": "text/html; charset=utf-8"}. Cookies and security headers cannot be set.')
      .meta({ widget: 'keyValue' }),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe(
        'What to answer, e.g. {{ nodes.llm.output.text }}. Empty: the output of the connected node. Text that is JSON is answered as that JSON.',
      )
      .meta({ widget: 'textarea' }),
  })
  .superRefine((p, ctx) => {
    if (p.status < 200) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `must be a final status (200 to 599), not ${p.status}`,
        params: { graphKey: 'INVALID_PARAM.informationalStatus', status: p.status },
      });
    }
    if (NO_BODY_STATUSES.has(p.status) && p.body !== undefined && p.body !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `an answer with status ${p.status} has no body; clear the body or choose another status`,
        params: { graphKey: 'INVALID_PARAM.statusWithoutBody', status: p.status },
      });
    }
    if (typeof p.headers === 'string') {
      // One {{ expression }} that gives the headers object (checked again when the node runs).
      if (!containsTemplate(p.headers)) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers'],
          message: 'must be header names with values, or one expression that gives them',
          params: { graphKey: 'INVALID_PARAM.headersObject' },
        });
      }
      return;
    }
    const problem = headerProblem(p.headers);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['headers', problem.header],
        message: HEADER_MESSAGES[problem.kind],
        params: { graphKey: `INVALID_PARAM.${problem.kind}`, header: problem.header },
      });
    }
  });
export type Params = z.output<typeof params>;

export const outputRespond: NodeDefinition<Params, RespondOutput> = {
  id: RESPOND_NODE_TYPE,
  version: 1,
  category: 'output',
  title: 'Respond to webhook',
  description: "Sets the status, headers and body of the webhook's answer.",
  docs: [
    "Output: `{ status, headers, body }` (header names in lower case). It sends nothing itself: when the bot's webhook waits for the Respond node (Triggers → Webhook → Response), the webhook caller gets this status, these headers and this body.",
    'A JSON body is answered as JSON; text as `text/plain` unless a `Content-Type` header says otherwise. Statuses 204, 205 and 304 have no body. Cookies, security policies and connection headers cannot be set; the answer is always sandboxed (a page it returns runs no scripts).',
    'A bot has at most one Respond node. If its branch is not taken, the webhook answers with the output of the last node instead.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json' }],
  params,
  valueParams: ['headers', 'body'],
  onePerGraph: true,
  // No I/O: it only records the answer, so it is quick and safe to repeat.
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The answer the webhook caller gets.',
    schema: z.object({
      status: z.number().int().describe('The HTTP status of the answer.'),
      headers: z.record(z.string(), z.string()).describe('The headers of the answer, names in lower case.'),
      body: z.unknown().describe('The body of the answer: JSON, or text.'),
    }),
    primaryPath: 'output.body',
    primaryLabel: 'body',
  },
  display: {
    icon: 'reply',
    synonyms: ['respond', 'reply', 'return', 'http response', 'response', 'answer', 'webhook', 'api'],
    summary: [{ format: 'Answer {status|200}' }],
  },
  run,
};
