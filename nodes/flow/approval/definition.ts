import { containsTemplate } from '@bm/graph';
import { z } from 'zod';
import { durationParam } from '../../shared/duration';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import { EMAIL, splitAddresses, urlParam } from '../../shared/params';
import type { NodeDefinition } from '../../types';
import { run } from './run';

export const params = z.object({
  message: z
    .string()
    .min(1)
    .max(20_000)
    .default('Please review and approve.')
    .describe('What the approver reads, e.g. "Send this reply to {{ input.from }}?".')
    .meta({ widget: 'textarea' }),
  payload: z
    .string()
    .optional()
    .describe('What is approved; the approver may edit it before approving. Empty: the node input. E.g. {{ nodes.draft.output.text }}.'),
  timeout: durationParam('Give up after this long and take the timeout way, e.g. 2h or 3d. Empty: wait until someone decides.').optional(),
  emails: z
    .string()
    .max(2_000)
    .optional()
    // A template (e.g. {{ input.approver }}) is checked once rendered, when the node runs.
    .refine((s) => !s?.trim() || containsTemplate(s) || splitAddresses(s).every((a) => EMAIL.test(a)), {
      message: 'must be email addresses separated by commas',
    })
    .describe('Also send the request, with a one-time approve / reject link, to these addresses (comma-separated).'),
  slackWebhookUrl: urlParam(
    'Also post the request, with a one-time link, to Slack through this incoming webhook URL (use a secret: {{ secrets.NAME }}).',
  ).optional(),
});
export type Params = z.output<typeof params>;

export const flowApproval: NodeDefinition<Params, unknown> = {
  id: 'flow.approval',
  version: 1,
  category: 'flow',
  title: 'Approval',
  description: 'Pauses the run until a person approves, edits or rejects.',
  docs: [
    'The run waits (status **running**, this node **waiting**) until a member with the editor role or higher decides — in the results inbox (pending approvals come first), through a signed one-time link sent by email or Slack, or with `POST /api/runs/:id/approvals/:nodeId { decision: "approve" | "reject", payload? }`.',
    'The approver may edit the payload before approving; the node outputs the payload as approved. It goes out of **approved**, **rejected** or, when **timeout** is set and passes first, **timeout**. Without a timeout it waits until someone decides or the run is cancelled. Who decided, when and how is recorded, and every decision is in the audit log.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', label: 'Input' }],
  outputs: [
    { name: 'approved', type: 'any', label: 'Approved' },
    { name: 'rejected', type: 'any', label: 'Rejected' },
    { name: 'timeout', type: 'any', label: 'Timed out' },
  ],
  params,
  valueParams: ['payload'],
  control: 'approval',
  routes: true,
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: ['slackWebhookUrl'],
  connectionParams: [],
  output: { description: 'The payload, as the approver left it.', schema: z.unknown() },
  display: {
    icon: 'user-check',
    synonyms: ['approval', 'approve', 'review', 'human', 'human in the loop', 'confirm', 'sign off', 'moderate', 'wait for'],
    summary: [{ show: ['message'] }],
  },
  run,
};
