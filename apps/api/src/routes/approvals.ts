import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { approvalOut, decideApproval } from '../lib/approvals';
import { fromContract } from '../lib/contract-route';
import { notFound } from '../lib/errors';
import { accessTo } from '../plugins/access';

const { approvals } = contract;

/** flow.approval decisions by members: the inbox's list, and deciding one (in the app or with a token). */
export const approvalRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({
      ...fromContract(approvals.decide),
      handler: async (req) => {
        const { row: run } = accessTo(req, 'run');
        const b = req.body;
        const approval = await repos.approvals.get(run.id, req.params.nodeId, b.item ?? -1);
        if (!approval) throw notFound('approval');
        // A script's token is `api`; the browser's session is the inbox.
        const via = req.headers.authorization ? 'api' : 'app';
        const decided = await decideApproval(deps, req, approval, run, { decision: b.decision, payload: b.payload, via });
        const [shown] = await repos.approvals.inbox(run.workspaceId, { ids: [decided.id] });
        return { approval: approvalOut(shown!) };
      },
    });

    app.route({
      ...fromContract(approvals.list),
      handler: async (req) => {
        const { workspaceId } = accessTo(req, 'workspace');
        const q = req.query;
        const list = await repos.approvals.inbox(workspaceId!, { status: q.status, botId: q.botId, take: q.limit });
        return { approvals: list.map(approvalOut) };
      },
    });
  };
