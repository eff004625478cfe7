import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { decideApproval } from '../lib/approvals';
import { fromContract } from '../lib/contract-route';
import { apiError } from '../lib/errors';

const { approvalLinks } = contract;

/** Like the webhook trigger: a guessed token costs a request, and a flood of them is cut off. */
const RATE_LIMIT = {
  max: 120,
  timeWindow: '1 minute',
  keyGenerator: (req: { params: unknown }) => (req.params as { token: string }).token,
};

/** Unknown, used, or decided otherwise: one answer for all, so a link says nothing about what it was. */
const invalidLink = () => apiError(404, 'APPROVAL_LINK_INVALID');

/**
 * The signed one-time links sent by email or Slack: no session, the token in the URL is the
 * credential. It shows the request only (bot name, message, payload, expiry) and decides it once.
 */
export const approvalLinkRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    const pendingFor = async (token: string) => {
      const approval = await repos.approvals.byLinkToken(token);
      if (!approval) throw invalidLink();
      return approval;
    };

    app.route({
      ...fromContract(approvalLinks.get),
      config: { rateLimit: RATE_LIMIT },
      handler: async (req) => {
        const approval = await pendingFor(req.params.token);
        const bot = await repos.bots.get(approval.botId);
        return { botName: bot?.name ?? null, message: approval.message, payload: approval.payload, expiresAt: approval.expiresAt };
      },
    });

    app.route({
      ...fromContract(approvalLinks.decide),
      config: { rateLimit: RATE_LIMIT },
      handler: async (req) => {
        const approval = await pendingFor(req.params.token);
        const run = await repos.runs.get(approval.runId);
        if (!run) throw invalidLink();
        const decided = await decideApproval(deps, req, approval, run, {
          decision: req.body.decision,
          payload: req.body.payload,
          via: 'link',
        });
        return { status: decided.status };
      },
    });
  };
