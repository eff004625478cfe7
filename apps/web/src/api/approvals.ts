import { contract, type DecideApprovalBody } from '@bm/contract';
import { call } from './http';

const { approvals, approvalLinks } = contract;

export const approvalsApi = {
  /** The workspace's approvals (optionally one bot's): pending first, then newest. */
  list: (workspaceId?: string, botId?: string) => call(approvals.list, { query: { workspaceId, botId, limit: 50 } }),
  decide: (runId: string, nodeId: string, body: DecideApprovalBody) => call(approvals.decide, { params: { id: runId, nodeId }, body }),
  /** The public page of a signed one-time link (no session). */
  link: (token: string) => call(approvalLinks.get, { params: { token } }),
  decideLink: (token: string, body: Omit<DecideApprovalBody, 'item'>) => call(approvalLinks.decide, { params: { token }, body }),
};
