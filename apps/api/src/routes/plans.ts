import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { limitsOf, UNLIMITED } from '../lib/plans';
import { accessTo } from '../plugins/access';

const { plans } = contract;

/**
 * Plans (the SaaS tiers): limits per workspace, and the installation admin's assignment. Billing is
 * the operator's: whatever takes payment calls PUT …/plan, and each assignment is an audit event.
 */
export const planRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    app.route({ ...fromContract(plans.limits), handler: async (req) => limitsOf(deps, accessTo(req, 'team').row) });

    app.route({
      ...fromContract(plans.list),
      handler: async () => deps.services.config.plans ?? { plans: [UNLIMITED], defaultPlan: UNLIMITED.id },
    });

    app.route({
      ...fromContract(plans.assign),
      handler: async (req) => {
        const ws = await repos.teams.get(req.params.id);
        if (!ws) throw notFound('workspace');
        const file = deps.services.config.plans;
        if (!file?.plans.some((p) => p.id === req.body.planId)) throw apiError(422, 'UNKNOWN_PLAN', { params: { plan: req.body.planId } });
        const updated = await repos.teams.setPlan(ws.id, req.body.planId);
        await audit(deps, req, {
          workspaceId: ws.id,
          action: 'plan.assigned',
          target: { type: 'workspace', id: ws.id, name: ws.name },
          details: { from: ws.planId, to: req.body.planId },
        });
        return limitsOf(deps, updated);
      },
    });
  };
